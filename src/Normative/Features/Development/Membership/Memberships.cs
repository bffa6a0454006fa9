using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;

namespace Normative.Features.Development.Membership;

/// <summary>
/// Changes a member body's place in a committee (join as P or O, change, leave), with an event for
/// each change, and keeps the committee's open-data member lists in step.
/// </summary>
public static class Memberships
{
    /// <param name="status">The new status, or null to leave the committee.</param>
    public static async Task<Attempt<MembershipEvent>> SetAsync(NormativeDb db, int committeeId, int memberBodyId, MembershipStatus? status,
        string? userId, string? note, DateTimeOffset now, CancellationToken ct = default)
    {
        var committee = await db.Committees.FindAsync([committeeId], ct);
        var body = await db.MemberBodies.FindAsync([memberBodyId], ct);
        if (committee is null || body is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (status == MembershipStatus.P && body.Category != MemberCategory.MemberBody)
        {
            return DevelopmentError.Conflict("Error.Membership.OnlyMemberBodies", body.Acronym);
        }
        var current = await db.CommitteeMemberships.FindAsync([committeeId, memberBodyId], ct);
        if (current?.Status == status)
        {
            return DevelopmentError.Conflict("Error.Membership.Unchanged", body.Acronym);
        }
        var e = new MembershipEvent
        {
            CommitteeId = committeeId,
            MemberBodyId = memberBodyId,
            Kind = current is null ? MembershipEventKind.Joined : status is null ? MembershipEventKind.Left : MembershipEventKind.Changed,
            FromStatus = current?.Status,
            ToStatus = status,
            At = now,
            ByUserId = userId,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
        if (status is null)
        {
            db.CommitteeMemberships.Remove(current!);
        }
        else if (current is null)
        {
            db.CommitteeMemberships.Add(new CommitteeMembership
            {
                CommitteeId = committeeId,
                MemberBodyId = memberBodyId,
                Status = status.Value,
                Since = DateOnly.FromDateTime(now.UtcDateTime),
            });
        }
        else
        {
            current.Status = status.Value;
            current.Since = DateOnly.FromDateTime(now.UtcDateTime);
        }
        db.MembershipEvents.Add(e);
        await db.SaveChangesAsync(ct);
        await SyncOpenDataListsAsync(db, committee, ct);
        return e;
    }

    /// <summary>The committee's pMembers/oMembers lists (acronyms, as the open data lists them) follow the membership table.</summary>
    public static async Task SyncOpenDataListsAsync(NormativeDb db, Committee committee, CancellationToken ct)
    {
        var rows = await db.CommitteeMemberships.Where(m => m.CommitteeId == committee.Id)
            .Select(m => new { m.Status, m.MemberBody!.Acronym }).ToListAsync(ct);
        committee.PMembers = rows.Where(r => r.Status == MembershipStatus.P).Select(r => r.Acronym).Order(StringComparer.Ordinal).ToList();
        committee.OMembers = rows.Where(r => r.Status == MembershipStatus.O).Select(r => r.Acronym).Order(StringComparer.Ordinal).ToList();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// For a committee imported from open data, with member lists but no membership rows yet: one
    /// row per listed member body found by acronym or country code, with its "joined" event. Names
    /// that match no member body are left out. Returns how many members were added.
    /// </summary>
    public static async Task<int> AdoptOpenDataListsAsync(NormativeDb db, Committee committee, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.CommitteeMemberships.AnyAsync(m => m.CommitteeId == committee.Id, ct))
        {
            return 0;
        }
        var bodies = await db.MemberBodies.AsNoTracking().ToListAsync(ct);
        MemberBody? Find(string name) => bodies.FirstOrDefault(b => BallotActions.Matches(b, name) || string.Equals(b.CountryCode3, name.Trim(), StringComparison.OrdinalIgnoreCase));
        var added = new HashSet<int>();
        foreach (var (names, status) in new[] { (committee.PMembers, MembershipStatus.P), (committee.OMembers, MembershipStatus.O) })
        {
            foreach (var body in names.Select(Find).OfType<MemberBody>())
            {
                // Only member bodies may be P-members; a body listed twice keeps its first place.
                var place = status == MembershipStatus.P && body.Category != MemberCategory.MemberBody ? MembershipStatus.O : status;
                if (!added.Add(body.Id))
                {
                    continue;
                }
                db.CommitteeMemberships.Add(new CommitteeMembership { CommitteeId = committee.Id, MemberBodyId = body.Id, Status = place, Since = DateOnly.FromDateTime(now.UtcDateTime) });
                db.MembershipEvents.Add(new MembershipEvent { CommitteeId = committee.Id, MemberBodyId = body.Id, Kind = MembershipEventKind.Joined, ToStatus = place, At = now });
            }
        }
        await db.SaveChangesAsync(ct);
        return added.Count;
    }

    /// <summary>
    /// The committee's current P-members that are at risk of losing their status: a missed DIS, FDIS or
    /// SR ballot, or more than 20% of the ballots missed, over the last year.
    /// </summary>
    public static async Task<List<(MemberBody Body, ParticipationRisk Risk)>> AtRiskAsync(NormativeDb db, int committeeId, DateTimeOffset now, CancellationToken ct = default) =>
        (await AtRiskAsync(db, [committeeId], now, ct)).GetValueOrDefault(committeeId) ?? [];

    /// <summary>The P-members at risk in each of the committees (those with none are left out), in two queries whatever their number.</summary>
    public static async Task<Dictionary<int, List<(MemberBody Body, ParticipationRisk Risk)>>> AtRiskAsync(NormativeDb db, IReadOnlyCollection<int> committeeIds,
        DateTimeOffset now, CancellationToken ct = default)
    {
        var since = now.AddYears(-1);
        var members = await db.CommitteeMemberships.AsNoTracking().Include(m => m.MemberBody)
            .Where(m => committeeIds.Contains(m.CommitteeId) && m.Status == MembershipStatus.P).ToListAsync(ct);
        var history = (await (from bm in db.BallotMembers
                              join b in db.Ballots on bm.BallotId equals b.Id
                              where committeeIds.Contains(b.CommitteeId) && b.Status == BallotStatus.Closed && b.ClosedAt > since && bm.Status == MembershipStatus.P
                              select new
                              {
                                  b.CommitteeId,
                                  bm.MemberBodyId,
                                  b.Kind,
                                  ClosedAt = b.ClosedAt!.Value,
                                  Voted = db.BallotPositions.Any(p => p.BallotId == b.Id && p.MemberBodyId == bm.MemberBodyId),
                              }).AsNoTracking().ToListAsync(ct))
            .ToLookup(h => (h.CommitteeId, h.MemberBodyId));
        var result = new Dictionary<int, List<(MemberBody, ParticipationRisk)>>();
        foreach (var m in members)
        {
            // Ballots from before the body became a P-member again do not count against it.
            var own = history[(m.CommitteeId, m.MemberBodyId)].Where(h => DateOnly.FromDateTime(h.ClosedAt.UtcDateTime) >= m.Since)
                .Select(h => new BallotParticipation(h.Kind, h.ClosedAt, h.Voted));
            var risk = MembershipRules.Assess(own, now);
            if (risk.AtRisk)
            {
                (result.TryGetValue(m.CommitteeId, out var list) ? list : result[m.CommitteeId] = []).Add((m.MemberBody!, risk));
            }
        }
        return result;
    }
}
