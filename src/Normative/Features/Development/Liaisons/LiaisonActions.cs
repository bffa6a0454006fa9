using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Committees;

namespace Normative.Features.Development.Liaisons;

/// <summary>Establishes and ends a committee's liaisons and names their representatives; the caller has checked that the person manages the committee.</summary>
public static class LiaisonActions
{
    public const int MaxOrganization = 200;

    /// <param name="other">For an internal liaison: the other committee's reference or id.</param>
    public static async Task<Attempt<CommitteeLiaison>> EstablishAsync(NormativeDb db, int committeeId, LiaisonCategory category, string? organization, string? other,
        string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(category))
        {
            return DevelopmentError.Invalid("Error.Liaison.Category");
        }
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, ct);
        if (committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Liaison.Disbanded", committee.Reference);
        }
        if (LiaisonRules.CheckCategory(CommitteeRules.KindOf(committee.Reference), category) is { } reason)
        {
            return DevelopmentError.Conflict(reason, category.ToString(), committee.Reference);
        }
        var liaison = new CommitteeLiaison { CommitteeId = committee.Id, Category = category, EstablishedAt = now, EstablishedByUserId = userId };
        if (category == LiaisonCategory.Internal)
        {
            var key = other?.Trim() ?? "";
            var otherCommittee = key.Length == 0 ? null
                : int.TryParse(key, out var otherId) ? await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == otherId, ct)
                : await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == key, ct);
            if (otherCommittee is null)
            {
                return DevelopmentError.Invalid("Error.Liaison.NoCommittee", key);
            }
            if (otherCommittee.Id == committee.Id)
            {
                return DevelopmentError.Invalid("Error.Liaison.Itself");
            }
            if (CommitteeRules.IsDisbanded(otherCommittee))
            {
                return DevelopmentError.Conflict("Error.Liaison.Disbanded", otherCommittee.Reference);
            }
            if (await db.CommitteeLiaisons.AnyAsync(l => l.CommitteeId == committee.Id && l.OtherCommitteeId == otherCommittee.Id, ct))
            {
                return DevelopmentError.Conflict("Error.Liaison.Already", otherCommittee.Reference);
            }
            liaison.OtherCommitteeId = otherCommittee.Id;
        }
        else
        {
            var name = organization?.Trim() ?? "";
            if (name.Length == 0 || name.Length > MaxOrganization)
            {
                return DevelopmentError.Invalid("Error.Liaison.Organization", MaxOrganization);
            }
            var lower = name.ToLowerInvariant();
            if (await db.CommitteeLiaisons.AnyAsync(l => l.CommitteeId == committee.Id && l.Organization != null && l.Organization.ToLower() == lower, ct))
            {
                return DevelopmentError.Conflict("Error.Liaison.Already", name);
            }
            liaison.Organization = name;
        }
        db.CommitteeLiaisons.Add(liaison);
        await db.SaveChangesAsync(ct);
        return liaison;
    }

    /// <summary>Ends a liaison: it, its representatives and the experts it nominated are removed.</summary>
    public static async Task<Attempt<CommitteeLiaison>> EndAsync(NormativeDb db, int committeeId, int liaisonId, CancellationToken ct = default)
    {
        var liaison = await db.CommitteeLiaisons.FirstOrDefaultAsync(l => l.Id == liaisonId && l.CommitteeId == committeeId, ct);
        if (liaison is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        db.CommitteeLiaisons.Remove(liaison);
        await db.SaveChangesAsync(ct);
        return liaison;
    }

    /// <summary>Names the account with this address a representative of the liaison.</summary>
    public static async Task<Attempt<LiaisonRepresentative>> AddRepresentativeAsync(NormativeDb db, int committeeId, int liaisonId, string? email, DateTimeOffset now,
        CancellationToken ct = default)
    {
        if (!await db.CommitteeLiaisons.AnyAsync(l => l.Id == liaisonId && l.CommitteeId == committeeId, ct))
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        var upper = email?.Trim().ToUpperInvariant() ?? "";
        var user = upper.Length == 0 ? null : await db.Users.Where(u => u.NormalizedEmail == upper).Select(u => u.Id).FirstOrDefaultAsync(ct);
        if (user is null)
        {
            return DevelopmentError.Invalid("Members.Delegates.NoAccount", email?.Trim() ?? "");
        }
        if (await db.LiaisonRepresentatives.AnyAsync(r => r.LiaisonId == liaisonId && r.UserId == user, ct))
        {
            return DevelopmentError.Conflict("Error.Liaison.RepresentativeAlready", email!.Trim());
        }
        var representative = new LiaisonRepresentative { LiaisonId = liaisonId, UserId = user, AddedAt = now };
        db.LiaisonRepresentatives.Add(representative);
        await db.SaveChangesAsync(ct);
        return representative;
    }

    /// <summary>The name of the (first) liaison with the committee the person represents, or null.</summary>
    public static Task<string?> RepresentedAsync(NormativeDb db, string userId, int committeeId, CancellationToken ct = default) =>
        (from r in db.LiaisonRepresentatives
         join l in db.CommitteeLiaisons on r.LiaisonId equals l.Id
         where r.UserId == userId && l.CommitteeId == committeeId
         orderby l.Id
         select l.Organization ?? l.OtherCommittee!.Reference).FirstOrDefaultAsync(ct);
}
