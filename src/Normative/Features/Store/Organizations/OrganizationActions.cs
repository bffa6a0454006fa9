using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Npgsql;

namespace Normative.Features.Store.Organizations;

/// <summary>
/// Organisation accounts: creating one, inviting people by e-mail and their accepting, removing
/// members and naming administrators. A change of members locks the organisation's row, so two
/// administrators acting at once take turns and the last administrator is never lost. Each change
/// is recorded in the organisation's history. Problems come back as resource keys of
/// <see cref="OrganizationText"/>.
/// </summary>
public static class OrganizationActions
{
    /// <summary>An organisation the person belongs to, and their role in it.</summary>
    public sealed record Membership(Organization Organization, OrganizationRole Role);

    /// <summary>A member as the organisation's page lists them.</summary>
    public sealed record Member(string UserId, string Email, string? DisplayName, OrganizationRole Role, DateTimeOffset JoinedAt)
    {
        /// <summary>The name a licence is stamped with: the account's display name, else its address.</summary>
        public string Name => DisplayName ?? Email;
    }

    /// <summary>An invitation made or renewed, with the secret of its link (never stored).</summary>
    public sealed record Invited(OrganizationInvitation Invitation, string Token);

    /// <summary>Makes the organisation with <paramref name="user"/> as its first administrator.</summary>
    public static async Task<Organization> CreateAsync(NormativeDb db, OrganizationRules.Details details, User user, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(user);
        var organization = new Organization { Name = details.Name, Country = details.Country, VatNumber = details.VatNumber, CreatedAt = now, UpdatedAt = now };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync(ct);
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = user.Id, Role = OrganizationRole.Administrator, JoinedAt = now });
        db.OrganizationEvents.Add(new OrganizationEvent { OrganizationId = organization.Id, At = now, By = user.Email!, Kind = OrganizationEventKind.Created, Note = organization.Name });
        await db.SaveChangesAsync(ct);
        return organization;
    }

    public static Task<OrganizationRole?> RoleOfAsync(NormativeDb db, int organizationId, string? userId, CancellationToken ct) =>
        db.OrganizationMembers.Where(m => m.OrganizationId == organizationId && m.UserId == userId).Select(m => (OrganizationRole?)m.Role).SingleOrDefaultAsync(ct);

    public static Task<bool> IsMemberAsync(NormativeDb db, int organizationId, string? userId, CancellationToken ct) =>
        db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId, ct);

    public static Task<bool> IsAdministratorAsync(NormativeDb db, int organizationId, string? userId, CancellationToken ct) =>
        db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId && m.Role == OrganizationRole.Administrator, ct);

    /// <summary>The organisations the person belongs to, by name.</summary>
    public static async Task<List<Membership>> OfUserAsync(NormativeDb db, string? userId, CancellationToken ct) =>
        (await (from m in db.OrganizationMembers
                join o in db.Organizations on m.OrganizationId equals o.Id
                where m.UserId == userId
                orderby o.Name, o.Id
                select new { Organization = o, m.Role })
            .AsNoTracking().ToListAsync(ct))
        .Select(x => new Membership(x.Organization, x.Role)).ToList();

    /// <summary>The ids of the organisations the person administers (whose orders they see).</summary>
    public static Task<List<int>> AdministeredByAsync(NormativeDb db, string? userId, CancellationToken ct) =>
        db.OrganizationMembers.Where(m => m.UserId == userId && m.Role == OrganizationRole.Administrator).Select(m => m.OrganizationId).ToListAsync(ct);

    public static async Task<List<Member>> MembersAsync(NormativeDb db, int organizationId, CancellationToken ct) =>
        (await (from m in db.OrganizationMembers
                join u in db.Users on m.UserId equals u.Id
                where m.OrganizationId == organizationId
                orderby m.Role descending, u.Email
                select new { m.UserId, u.Email, u.DisplayName, m.Role, m.JoinedAt })
            .ToListAsync(ct))
        .Select(x => new Member(x.UserId, x.Email!, x.DisplayName, x.Role, x.JoinedAt)).ToList();

    /// <summary>
    /// Invites <paramref name="email"/> (already normalized) to join, and mails the link: a new
    /// invitation, or the open one renewed with a new link and a new expiry. Refused for someone who
    /// is a member already.
    /// </summary>
    public static async Task<(Invited? Invited, string? Problem)> InviteAsync(NormativeDb db, OrganizationMail mail, Organization organization, string email, User inviter,
        DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(inviter);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryInviteAsync(db, mail, organization, email, inviter, now, ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && db.Database.CurrentTransaction is null && e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // Another administrator invited the same address at the same moment: renew theirs.
                // (Inside a caller's transaction there is no second try: the failed statement ended it.)
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<(Invited? Invited, string? Problem)> TryInviteAsync(NormativeDb db, OrganizationMail mail, Organization organization, string email, User inviter,
        DateTimeOffset now, CancellationToken ct)
    {
        var normalized = email.ToUpperInvariant();
        var member = await (from m in db.OrganizationMembers
                            join u in db.Users on m.UserId equals u.Id
                            where m.OrganizationId == organization.Id && u.NormalizedEmail == normalized
                            select m.UserId).AnyAsync(ct);
        if (member)
        {
            return (null, "Organizations.Error.AlreadyMember");
        }
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var invitation = await db.OrganizationInvitations.SingleOrDefaultAsync(i => i.OrganizationId == organization.Id && i.Email == email && i.AcceptedAt == null, ct);
        if (invitation is null)
        {
            invitation = new OrganizationInvitation { OrganizationId = organization.Id, Email = email, TokenHash = Hash(token), InvitedBy = inviter.Email! };
            db.OrganizationInvitations.Add(invitation);
        }
        else
        {
            // The old link stops working: only the latest mail's link is valid.
            invitation.TokenHash = Hash(token);
            invitation.InvitedBy = inviter.Email!;
        }
        invitation.CreatedAt = now;
        invitation.ExpiresAt = now + OrganizationRules.InvitationLifetime;
        db.OrganizationEvents.Add(new OrganizationEvent { OrganizationId = organization.Id, At = now, By = inviter.Email!, Kind = OrganizationEventKind.Invited, Note = email });
        // Queued in the same unit of work: the invitation is stored and mailed, or neither.
        mail.QueueInvitation(db, email, organization.Name, inviter.DisplayName ?? inviter.Email!, token, invitation.ExpiresAt);
        await db.SaveChangesAsync(ct);
        return (new Invited(invitation, token), null);
    }

    /// <summary>The invitation whose link carries <paramref name="token"/>, whatever its state.</summary>
    public static Task<OrganizationInvitation?> FindInvitationAsync(NormativeDb db, string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return Task.FromResult<OrganizationInvitation?>(null);
        }
        var hash = Hash(token);
        return db.OrganizationInvitations.AsNoTracking().SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
    }

    /// <summary>
    /// <paramref name="user"/> accepts the invitation and becomes a member (once: a second click finds
    /// the invitation used). Returns the organisation, or why not.
    /// </summary>
    public static async Task<(int? OrganizationId, string? Problem)> AcceptAsync(NormativeDb db, string token, User user, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        var invitation = await FindInvitationAsync(db, token, ct);
        if (OrganizationRules.CheckAcceptance(invitation, user.Email, now) is { } problem)
        {
            return (null, problem);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockAsync(db, invitation!.OrganizationId, now, ct);
        var taken = await db.OrganizationInvitations
            .Where(i => i.Id == invitation.Id && i.AcceptedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now).SetProperty(i => i.AcceptedBy, user.Id), ct);
        if (taken == 0)
        {
            return (null, "Invitation.Error.Used");
        }
        if (!await IsMemberAsync(db, invitation.OrganizationId, user.Id, ct))
        {
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = invitation.OrganizationId, UserId = user.Id, Role = OrganizationRole.Member, JoinedAt = now });
            db.OrganizationEvents.Add(new OrganizationEvent { OrganizationId = invitation.OrganizationId, At = now, By = user.Email!, Kind = OrganizationEventKind.Joined, Note = invitation.InvitedBy });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return (invitation.OrganizationId, null);
    }

    /// <summary>An administrator withdraws an open invitation; its link stops working.</summary>
    public static async Task<bool> CancelInvitationAsync(NormativeDb db, int organizationId, long invitationId, string by, DateTimeOffset now, CancellationToken ct)
    {
        var invitation = await db.OrganizationInvitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.OrganizationId == organizationId && i.AcceptedAt == null, ct);
        if (invitation is null)
        {
            return false;
        }
        db.OrganizationInvitations.Remove(invitation);
        db.OrganizationEvents.Add(new OrganizationEvent { OrganizationId = organizationId, At = now, By = by, Kind = OrganizationEventKind.InvitationCancelled, Note = invitation.Email });
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>
    /// Removes <paramref name="userId"/> from the organisation: an administrator removes anyone, a
    /// member may leave. Refused when it would leave the organisation without an administrator.
    /// </summary>
    public static async Task<string?> RemoveAsync(NormativeDb db, int organizationId, string userId, User actor, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LockAsync(db, organizationId, now, ct))
        {
            return "Organizations.Error.NotFound";
        }
        var members = await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId).ToListAsync(ct);
        var target = members.SingleOrDefault(m => m.UserId == userId);
        var self = userId == actor.Id;
        if (!self && members.SingleOrDefault(m => m.UserId == actor.Id)?.Role != OrganizationRole.Administrator)
        {
            return "Organizations.Error.NotAdministrator";
        }
        if (target is null)
        {
            return "Organizations.Error.NoSuchMember";
        }
        if (!OrganizationRules.KeepsAnAdministrator(target.Role, members.Count(m => m.Role == OrganizationRole.Administrator)))
        {
            return "Organizations.Error.LastAdministrator";
        }
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        db.OrganizationMembers.Remove(target);
        db.OrganizationEvents.Add(new OrganizationEvent { OrganizationId = organizationId, At = now, By = actor.Email!, Kind = self ? OrganizationEventKind.Left : OrganizationEventKind.Removed, Note = email });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>An administrator makes a member an administrator, or makes an administrator (themselves included) a member again; one always remains.</summary>
    public static async Task<string?> SetRoleAsync(NormativeDb db, int organizationId, string userId, OrganizationRole role, User actor, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LockAsync(db, organizationId, now, ct))
        {
            return "Organizations.Error.NotFound";
        }
        var members = await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId).ToListAsync(ct);
        if (members.SingleOrDefault(m => m.UserId == actor.Id)?.Role != OrganizationRole.Administrator)
        {
            return "Organizations.Error.NotAdministrator";
        }
        var target = members.SingleOrDefault(m => m.UserId == userId);
        if (target is null)
        {
            return "Organizations.Error.NoSuchMember";
        }
        if (target.Role == role)
        {
            return null;
        }
        if (role == OrganizationRole.Member && !OrganizationRules.KeepsAnAdministrator(target.Role, members.Count(m => m.Role == OrganizationRole.Administrator)))
        {
            return "Organizations.Error.LastAdministrator";
        }
        target.Role = role;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync(ct);
        db.OrganizationEvents.Add(new OrganizationEvent
        {
            OrganizationId = organizationId, At = now, By = actor.Email!, Note = email,
            Kind = role == OrganizationRole.Administrator ? OrganizationEventKind.AdministratorAdded : OrganizationEventKind.AdministratorRemoved,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return null;
    }

    /// <summary>
    /// Takes the organisation's row lock for the transaction (by moving its <see cref="Organization.UpdatedAt"/>);
    /// false when there is no such organisation. Members read after it are as the last change left them.
    /// </summary>
    private static async Task<bool> LockAsync(NormativeDb db, int organizationId, DateTimeOffset now, CancellationToken ct) =>
        await db.Organizations.Where(o => o.Id == organizationId).ExecuteUpdateAsync(s => s.SetProperty(o => o.UpdatedAt, now), ct) > 0;

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
