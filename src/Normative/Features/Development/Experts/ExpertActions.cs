using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Liaisons;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Experts;

/// <summary>
/// Nominates and withdraws experts, and appoints a working group's convener. Experts are nominated by
/// the P-members of the committee (or of its parent, for a working group) and by its category A and C
/// liaison organizations (ISO/IEC Directives, Part 1, 1.12.2).
/// </summary>
public static class ExpertActions
{
    public const int MaxName = 200;
    public const int MaxEmail = 256;

    private static readonly EmailAddressAttribute EmailCheck = new();

    /// <summary>The address as it is kept and compared: trimmed, in lower case.</summary>
    public static string NormalizeEmail(string email) => email.Trim().ToLowerInvariant();

    public static bool IsEmail(string? email) => !string.IsNullOrWhiteSpace(email) && email.Trim().Length <= MaxEmail && EmailCheck.IsValid(email.Trim());

    /// <summary>
    /// The people the member bodies have registered: their delegates and the experts they nominated,
    /// one row per body and address (an expert's name is preferred to an account's), by name.
    /// </summary>
    public static async Task<List<ExpertPerson>> PeopleAsync(NormativeDb db, IReadOnlyCollection<int> memberBodyIds, CancellationToken ct = default)
    {
        var experts = await db.CommitteeExperts.AsNoTracking().Where(e => e.MemberBodyId != null && memberBodyIds.Contains(e.MemberBodyId.Value))
            .Select(e => new ExpertPerson(e.MemberBodyId!.Value, e.Name, e.Email)).ToListAsync(ct);
        var delegates = await (from d in db.MemberBodyDelegates
                               join u in db.Users on d.UserId equals u.Id
                               where memberBodyIds.Contains(d.MemberBodyId) && u.Email != null
                               select new { d.MemberBodyId, Name = u.DisplayName ?? u.Email!, Email = u.Email! }).AsNoTracking().ToListAsync(ct);
        return experts
            .Concat(delegates.Select(d => new ExpertPerson(d.MemberBodyId, d.Name, NormalizeEmail(d.Email))))
            .DistinctBy(p => (p.MemberBodyId, p.Email))
            .OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>
    /// An approved NP's nominated experts join the project's committee (Directives, Part 1, 2.3.5): added
    /// to the context in the caller's transaction, in three queries whatever the number of experts. A
    /// person already an expert of the committee stays as they are.
    /// </summary>
    public static async Task<int> JoinFromBallotAsync(NormativeDb db, Ballot ballot, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var nominated = await db.BallotPositions.AsNoTracking()
            .Where(p => p.BallotId == ballot.Id && p.NominatesExpert && p.ExpertEmail != null)
            .OrderBy(p => p.CastAt).ToListAsync(ct);
        if (nominated.Count == 0)
        {
            return 0;
        }
        // They join the project's working group when the committee named one, otherwise the committee.
        var target = await db.Projects.Where(p => p.Id == ballot.ProjectId).Select(p => p.WorkingGroupId).FirstOrDefaultAsync(ct) ?? ballot.CommitteeId;
        var emails = nominated.Select(p => p.ExpertEmail!).Distinct().ToList();
        var existing = await db.CommitteeExperts.Where(e => e.CommitteeId == target && emails.Contains(e.Email)).Select(e => e.Email).ToListAsync(ct);
        var upper = emails.Select(e => e.ToUpperInvariant()).ToList();
        var accounts = (await db.Users.Where(u => u.NormalizedEmail != null && upper.Contains(u.NormalizedEmail)).Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(ct))
            .ToDictionary(u => u.NormalizedEmail!, u => u.Id);
        var added = nominated.Where(p => !existing.Contains(p.ExpertEmail!)).DistinctBy(p => p.ExpertEmail)
            .Select(p => new CommitteeExpert
            {
                CommitteeId = target,
                Name = p.ExpertName ?? p.ExpertEmail!,
                Email = p.ExpertEmail!,
                UserId = accounts.GetValueOrDefault(p.ExpertEmail!.ToUpperInvariant()),
                MemberBodyId = p.MemberBodyId,
                BallotId = ballot.Id,
                NominatedAt = now,
                NominatedByUserId = p.CastByUserId,
            }).ToList();
        db.CommitteeExperts.AddRange(added);
        return added.Count;
    }

    public static async Task<Attempt<CommitteeExpert>> NominateAsync(NormativeDb db, ExpertNomination nomination, string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(nomination);
        var name = nomination.Name?.Trim() ?? "";
        if (name.Length == 0 || name.Length > MaxName)
        {
            return DevelopmentError.Invalid("Error.Expert.Name", MaxName);
        }
        var email = NormalizeEmail(nomination.Email ?? "");
        if (!IsEmail(email))
        {
            return DevelopmentError.Invalid("Error.Expert.Email", nomination.Email ?? "");
        }
        if ((nomination.MemberBodyId is null) == (nomination.LiaisonId is null))
        {
            return DevelopmentError.Invalid("Error.Expert.Nominator");
        }
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == nomination.CommitteeId, ct);
        if (committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Expert.Disbanded", committee.Reference);
        }
        var committees = Nominating(committee);
        if (nomination.MemberBodyId is { } bodyId)
        {
            var body = await db.MemberBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bodyId, ct);
            if (body is null)
            {
                return DevelopmentError.NotFound("Error.NotFound");
            }
            if (body.Suspended)
            {
                return DevelopmentError.Conflict("Error.Vote.Suspended", body.Acronym);
            }
            if (!await db.CommitteeMemberships.AnyAsync(m => m.MemberBodyId == bodyId && committees.Contains(m.CommitteeId) && m.Status == MembershipStatus.P, ct))
            {
                return DevelopmentError.Conflict("Error.Expert.NotPMember", body.Acronym, committee.Reference);
            }
        }
        else
        {
            var liaison = await db.CommitteeLiaisons.AsNoTracking().FirstOrDefaultAsync(l => l.Id == nomination.LiaisonId, ct);
            if (liaison is null || !committees.Contains(liaison.CommitteeId))
            {
                return DevelopmentError.Conflict("Error.Expert.NotLiaison", committee.Reference);
            }
            if (!LiaisonRules.NominatesExperts(liaison.Category))
            {
                return DevelopmentError.Conflict("Error.Expert.LiaisonCategory", liaison.Category.ToString());
            }
        }
        if (await db.CommitteeExperts.AnyAsync(e => e.CommitteeId == committee.Id && e.Email == email, ct))
        {
            return DevelopmentError.Conflict("Error.Expert.Already", email, committee.Reference);
        }
        var upper = email.ToUpperInvariant();
        var account = await db.Users.Where(u => u.NormalizedEmail == upper).Select(u => u.Id).FirstOrDefaultAsync(ct);
        var expert = new CommitteeExpert
        {
            CommitteeId = committee.Id,
            Name = name,
            Email = email,
            UserId = account,
            MemberBodyId = nomination.MemberBodyId,
            LiaisonId = nomination.LiaisonId,
            BallotId = nomination.BallotId,
            NominatedAt = now,
            NominatedByUserId = userId,
        };
        db.CommitteeExperts.Add(expert);
        await db.SaveChangesAsync(ct);
        return expert;
    }

    /// <summary>Removes an expert from the committee; the caller has checked who may.</summary>
    public static async Task<Attempt<CommitteeExpert>> WithdrawAsync(NormativeDb db, int committeeId, int expertId, CancellationToken ct = default)
    {
        var expert = await db.CommitteeExperts.FirstOrDefaultAsync(e => e.Id == expertId && e.CommitteeId == committeeId, ct);
        if (expert is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        db.CommitteeExperts.Remove(expert);
        await db.SaveChangesAsync(ct);
        return expert;
    }

    /// <summary>Names the account with this address convener of a working group (an empty address: none).</summary>
    public static async Task<Attempt<Committee>> AppointConvenerAsync(NormativeDb db, int committeeId, string? email, CancellationToken ct = default)
    {
        var committee = await db.Committees.FirstOrDefaultAsync(c => c.Id == committeeId, ct);
        if (committee is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (CommitteeRules.KindOf(committee.Reference) is not (CommitteeKind.WG or CommitteeKind.JWG))
        {
            return DevelopmentError.Conflict("Error.Convener.NotWorkingGroup", committee.Reference);
        }
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Expert.Disbanded", committee.Reference);
        }
        string? convener = null;
        if (!string.IsNullOrWhiteSpace(email))
        {
            var upper = email.Trim().ToUpperInvariant();
            convener = await db.Users.Where(u => u.NormalizedEmail == upper).Select(u => u.Id).FirstOrDefaultAsync(ct);
            if (convener is null)
            {
                return DevelopmentError.Invalid("Members.Delegates.NoAccount", email.Trim());
            }
        }
        committee.ConvenerUserId = convener;
        await db.SaveChangesAsync(ct);
        return committee;
    }

    /// <summary>The committees whose P-members and liaisons nominate experts to this one: itself and, for a group, its parent.</summary>
    public static List<int> Nominating(Committee committee)
    {
        ArgumentNullException.ThrowIfNull(committee);
        return committee.ParentId is { } parent ? [committee.Id, parent] : [committee.Id];
    }
}
