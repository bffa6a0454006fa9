using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Features.Development.Meetings;

/// <summary>
/// Who takes part in a committee's meetings: the delegates of its P- and O-member bodies (for a
/// working, advisory or joint working group, those of the committee it belongs to) and the experts
/// nominated to the committee itself. This is the one place that decides it.
/// </summary>
public static class MeetingAttendance
{
    /// <summary>The committees whose member bodies' delegates attend: the committee, and a group's parent.</summary>
    public static List<int> Committees(Committee committee) =>
        committee.ParentId is { } parent && CommitteeRules.KindOf(committee.Reference) is CommitteeKind.WG or CommitteeKind.AG or CommitteeKind.JWG
            ? [committee.Id, parent]
            : [committee.Id];

    /// <summary>The delegates who may attend, one row per delegate and member body.</summary>
    public static IQueryable<MemberBodyDelegate> Delegates(NormativeDb db, IReadOnlyCollection<int> committeeIds) =>
        db.MemberBodyDelegates.Where(d => db.CommitteeMemberships.Any(m => committeeIds.Contains(m.CommitteeId) && m.MemberBodyId == d.MemberBodyId));

    /// <summary>Whether the person is one of the committee's experts (by account, or by the confirmed address they were nominated under).</summary>
    public static Task<bool> IsExpertAsync(NormativeDb db, string userId, int committeeId, CancellationToken ct = default) =>
        DevelopmentAccess.Mine(db, userId).AnyAsync(e => e.CommitteeId == committeeId, ct);

    /// <summary>Whether the person may attend: a delegate who may, or one of the committee's experts.</summary>
    public static async Task<bool> MayAttendAsync(NormativeDb db, string userId, Committee committee, CancellationToken ct = default) =>
        await Delegates(db, Committees(committee)).AnyAsync(d => d.UserId == userId, ct) || await IsExpertAsync(db, userId, committee.Id, ct);

    /// <summary>Whether the person sees what is for the committee's people (the online link): its managers and those who may attend.</summary>
    public static async Task<bool> TakesPartAsync(NormativeDb db, ClaimsPrincipal user, Committee committee, CancellationToken ct = default) =>
        DevelopmentAccess.Manages(user, committee)
        || (user.UserId() is { } id && await MayAttendAsync(db, id, committee, ct));

    /// <summary>The member bodies of the committee (and a group's parent), for mails to their delegates.</summary>
    public static Task<List<int>> MemberBodiesAsync(NormativeDb db, IReadOnlyCollection<int> committeeIds, CancellationToken ct) =>
        db.CommitteeMemberships.Where(m => committeeIds.Contains(m.CommitteeId)).Select(m => m.MemberBodyId).Distinct().ToListAsync(ct);
}
