using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql;

namespace Normative.Features.Accounts;

/// <summary>One signed-in session: the key its cookie carries, whose it is, and its ticket (claims and lifetime).</summary>
public class SignInSession
{
    public required string Key { get; set; }
    public required string UserId { get; set; }
    public required byte[] Ticket { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}

internal sealed class SignInSessionConfiguration : IEntityTypeConfiguration<SignInSession>
{
    public void Configure(EntityTypeBuilder<SignInSession> b)
    {
        b.ToTable("sign_in_sessions");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(64);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresAt);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// The sign-in cookie's session store (ASVS V7: a session ends on the server when it is ended).
/// Without it the cookie is the whole session, and signing out only asks the browser to forget it:
/// a copy taken before still signed its holder in for up to 14 days. Here the cookie carries a
/// random key; the ticket is a row, removed at sign-out and replaced at every sign-in, so each
/// sign-in starts a new session and a signed-out key signs nobody in, on every node. Expired rows
/// are swept now and then as new sessions are stored.
/// </summary>
public sealed class SignInSessionStore(NpgsqlDataSource dataSource) : ITicketStore
{
    /// <summary>The cookie handler's clock (the system's), which set the tickets' expiry; not the app's, which tests may move.</summary>
    private static readonly TimeProvider Clock = TimeProvider.System;

    private static readonly TimeSpan SweepEvery = TimeSpan.FromHours(1);
    private long _nextSweep;

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = Clock.GetUtcNow();
        await using (var insert = dataSource.CreateCommand(
            "INSERT INTO sign_in_sessions (key, user_id, ticket, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)"))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = key });
            insert.Parameters.Add(new NpgsqlParameter { Value = UserId(ticket) });
            insert.Parameters.Add(new NpgsqlParameter { Value = TicketSerializer.Default.Serialize(ticket) });
            insert.Parameters.Add(new NpgsqlParameter { Value = now });
            insert.Parameters.Add(new NpgsqlParameter { Value = ExpiresAt(ticket, now) });
            await insert.ExecuteNonQueryAsync();
        }
        if (now.UtcTicks >= Interlocked.Read(ref _nextSweep))
        {
            Interlocked.Exchange(ref _nextSweep, (now + SweepEvery).UtcTicks);
            await using var sweep = dataSource.CreateCommand("DELETE FROM sign_in_sessions WHERE expires_at < $1");
            sweep.Parameters.Add(new NpgsqlParameter { Value = now });
            await sweep.ExecuteNonQueryAsync();
        }
        return key;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var update = dataSource.CreateCommand("UPDATE sign_in_sessions SET ticket = $2, expires_at = $3 WHERE key = $1");
        update.Parameters.Add(new NpgsqlParameter { Value = key });
        update.Parameters.Add(new NpgsqlParameter { Value = TicketSerializer.Default.Serialize(ticket) });
        update.Parameters.Add(new NpgsqlParameter { Value = ExpiresAt(ticket, Clock.GetUtcNow()) });
        await update.ExecuteNonQueryAsync();
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        // The cookie handler refuses an expired ticket itself; the row only has to exist.
        await using var select = dataSource.CreateCommand("SELECT ticket FROM sign_in_sessions WHERE key = $1");
        select.Parameters.Add(new NpgsqlParameter { Value = key });
        return await select.ExecuteScalarAsync() is byte[] bytes ? TicketSerializer.Default.Deserialize(bytes) : null;
    }

    public async Task RemoveAsync(string key)
    {
        await using var delete = dataSource.CreateCommand("DELETE FROM sign_in_sessions WHERE key = $1");
        delete.Parameters.Add(new NpgsqlParameter { Value = key });
        await delete.ExecuteNonQueryAsync();
    }

    private static string UserId(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A sign-in ticket without the account's id cannot be stored.");

    /// <summary>When the row may go: the ticket's own expiry (14 days, sliding), or a day for one without.</summary>
    private static DateTimeOffset ExpiresAt(AuthenticationTicket ticket, DateTimeOffset now) => ticket.Properties.ExpiresUtc ?? now.AddDays(1);
}

/// <summary>Puts <see cref="SignInSessionStore"/> under the application cookie.</summary>
internal sealed class SignInSessionCookieSetup(SignInSessionStore store) : Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
        {
            options.SessionStore = store;
        }
    }
}
