using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Normative.Features.Accounts;

/// <summary>
/// One row of the staff audit log: a request that changes something (not GET or HEAD), made by a
/// member of staff (<see cref="StaffAudit.Roles"/>). Written by <see cref="StaffAudit"/>; the
/// database refuses to update or delete it (migration 0006).
/// </summary>
public class StaffAction
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string UserId { get; set; }
    /// <summary>The account's user name (its e-mail address) at the time.</summary>
    public required string UserName { get; set; }
    /// <summary>The staff roles the account held, comma-separated.</summary>
    public required string Roles { get; set; }
    public required string Method { get; set; }
    /// <summary>The address asked for, with its query (page handler, ids).</summary>
    public required string Path { get; set; }
    /// <summary>The page or API operation that answered ("/Catalogue/StandardEdit", "ChangeDeliverable").</summary>
    public string? Endpoint { get; set; }
    /// <summary>The HTTP status of the answer: 302 after a saved form, 200 a form shown again with its problems, 4xx refused.</summary>
    public int Status { get; set; }
    /// <summary>The client's IP address, as the configured proxy reports it.</summary>
    public string? Address { get; set; }
    /// <summary>How the account was signed in: "cookie" (the site) or "token" (a personal API token).</summary>
    public required string Via { get; set; }
}

internal sealed class StaffActionConfiguration : IEntityTypeConfiguration<StaffAction>
{
    public void Configure(EntityTypeBuilder<StaffAction> b)
    {
        b.ToTable("staff_actions");
        b.Property(a => a.UserName).HasMaxLength(256);
        b.Property(a => a.Roles).HasMaxLength(200);
        b.Property(a => a.Method).HasMaxLength(10);
        b.Property(a => a.Path).HasMaxLength(2000);
        b.Property(a => a.Endpoint).HasMaxLength(300);
        b.Property(a => a.Address).HasMaxLength(64);
        b.Property(a => a.Via).HasMaxLength(20);
        b.HasIndex(a => a.At);
        b.HasIndex(a => a.UserName);
    }
}
