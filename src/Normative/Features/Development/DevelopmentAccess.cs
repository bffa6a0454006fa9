using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Experts;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Features.Development;

/// <summary>
/// Who may do what: committee managers run their own committees (administrators any); delegates act
/// for the member bodies that registered them; everyone reads what is public.
/// </summary>
public static class DevelopmentAccess
{
    public static bool IsAdministrator(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator);

    /// <summary>An administrator, or one of the member body's own administrators (with the MemberBodyAdministrator role).</summary>
    public static async Task<bool> ManagesMemberBodyAsync(NormativeDb db, ClaimsPrincipal user, int memberBodyId, CancellationToken ct = default)
    {
        if (IsAdministrator(user))
        {
            return true;
        }
        var id = user.UserId();
        return id is not null && user.IsInRole(Roles.MemberBodyAdministrator)
            && await db.MemberBodyAdministrators.AnyAsync(a => a.MemberBodyId == memberBodyId && a.UserId == id, ct);
    }

    /// <summary>The committee's manager (with the CommitteeManager role) or an administrator.</summary>
    public static bool Manages(ClaimsPrincipal user, Committee committee) =>
        IsAdministrator(user)
        || (user.IsInRole(Roles.CommitteeManager) && committee.ManagerUserId is not null && committee.ManagerUserId == user.UserId());

    /// <summary>The member bodies the person is a delegate of (none without the Delegate role).</summary>
    public static async Task<List<MemberBody>> DelegateBodiesAsync(NormativeDb db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.UserId();
        if (id is null || !user.IsInRole(Roles.Delegate))
        {
            return [];
        }
        return await (from d in db.MemberBodyDelegates
                      join m in db.MemberBodies on d.MemberBodyId equals m.Id
                      where d.UserId == id
                      orderby m.Acronym
                      select m).AsNoTracking().ToListAsync(ct);
    }

    /// <summary>The committees named as the person's own (administrators, who may act on any committee, are not listed everywhere).</summary>
    public static async Task<List<Committee>> ManagedCommitteesAsync(NormativeDb db, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var id = user.UserId();
        if (id is null || !user.IsInRole(Roles.CommitteeManager))
        {
            return [];
        }
        return await db.Committees.AsNoTracking().Where(c => c.ManagerUserId == id).OrderBy(c => c.Reference).ToListAsync(ct);
    }

    /// <summary>The compiled comments are for the committee: its manager, administrators, the delegates of the ballot's member bodies and its liaisons' representatives.</summary>
    public static async Task<bool> MayReadCommentsAsync(NormativeDb db, ClaimsPrincipal user, Ballot ballot, Committee committee, CancellationToken ct)
    {
        if (Manages(user, committee))
        {
            return true;
        }
        var bodies = (await DelegateBodiesAsync(db, user, ct)).Select(b => b.Id).ToList();
        return (bodies.Count > 0 && await db.BallotMembers.AnyAsync(m => m.BallotId == ballot.Id && bodies.Contains(m.MemberBodyId), ct))
            || (user.UserId() is { } id && await IsLiaisonRepresentativeAsync(db, id, [ballot.CommitteeId], ct));
    }

    /// <summary>
    /// Experts are personal data, for the committee only: its managers and administrators, the
    /// manager of its parent, its convener and experts, the delegates and administrators of the member
    /// bodies taking part in it (or in its parent, for a group) and its liaisons' representatives.
    /// </summary>
    public static async Task<bool> MaySeeExpertsAsync(NormativeDb db, ClaimsPrincipal user, Committee committee, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(committee);
        if (Manages(user, committee))
        {
            return true;
        }
        var id = user.UserId();
        if (id is null)
        {
            return false;
        }
        if (committee.ConvenerUserId == id)
        {
            return true;
        }
        var committees = ExpertActions.Nominating(committee);
        var bodies = db.CommitteeMemberships.Where(m => committees.Contains(m.CommitteeId)).Select(m => m.MemberBodyId);
        return await db.Committees.AnyAsync(c => committees.Contains(c.Id) && c.ManagerUserId == id, ct)
            || await Mine(db, id).AnyAsync(e => e.CommitteeId == committee.Id, ct)
            || await db.MemberBodyDelegates.AnyAsync(d => d.UserId == id && bodies.Contains(d.MemberBodyId), ct)
            || await db.MemberBodyAdministrators.AnyAsync(a => a.UserId == id && bodies.Contains(a.MemberBodyId), ct)
            || await IsLiaisonRepresentativeAsync(db, id, committees, ct);
    }

    /// <summary>
    /// The person's expert nominations: linked to their account, or made by the address of an account
    /// confirmed since (an expert named before they signed up).
    /// </summary>
    public static IQueryable<CommitteeExpert> Mine(NormativeDb db, string userId) =>
        db.CommitteeExperts.Where(e => e.UserId == userId
            || (e.UserId == null && db.Users.Any(u => u.Id == userId && u.EmailConfirmed && u.NormalizedEmail == e.Email.ToUpper())));

    /// <summary>Whether the person represents an organization or committee in liaison with one of these committees.</summary>
    public static Task<bool> IsLiaisonRepresentativeAsync(NormativeDb db, string userId, IReadOnlyCollection<int> committeeIds, CancellationToken ct = default) =>
        (from r in db.LiaisonRepresentatives
         join l in db.CommitteeLiaisons on r.LiaisonId equals l.Id
         where r.UserId == userId && committeeIds.Contains(l.CommitteeId)
         select r).AnyAsync(ct);

    /// <summary>An administrator, or the manager of the group's parent committee: they appoint a working group's convener.</summary>
    public static async Task<bool> AppointsConvenerAsync(NormativeDb db, ClaimsPrincipal user, Committee committee, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(committee);
        if (IsAdministrator(user))
        {
            return true;
        }
        var parent = committee.ParentId is { } p ? await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == p, ct) : null;
        return parent is not null && Manages(user, parent);
    }

    /// <summary>An administrator or a representative of the liaison: they nominate experts for it.</summary>
    public static async Task<bool> RepresentsLiaisonAsync(NormativeDb db, ClaimsPrincipal user, int liaisonId, CancellationToken ct = default)
    {
        if (IsAdministrator(user))
        {
            return true;
        }
        var id = user.UserId();
        return id is not null && await db.LiaisonRepresentatives.AnyAsync(r => r.LiaisonId == liaisonId && r.UserId == id, ct);
    }
}
