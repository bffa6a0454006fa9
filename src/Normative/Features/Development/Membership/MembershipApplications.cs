using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Committees;

namespace Normative.Features.Development.Membership;

/// <summary>
/// A member body applies to a committee as a P- or O-member; the committee's manager accepts (the
/// membership changes, recorded as any change is) or declines. The same checks as a change of
/// membership apply when applying: only member bodies become P-members, a suspended body or a
/// disbanded committee takes no application, one pending application per body and committee.
/// </summary>
public static class MembershipApplications
{
    public static async Task<Attempt<MembershipApplication>> ApplyAsync(NormativeDb db, int committeeId, int memberBodyId, MembershipStatus status, string? note,
        string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, ct);
        var body = await db.MemberBodies.AsNoTracking().FirstOrDefaultAsync(m => m.Id == memberBodyId, ct);
        if (committee is null || body is null)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (CommitteeRules.IsDisbanded(committee))
        {
            return DevelopmentError.Conflict("Error.Committee.Disbanded", committee.Reference);
        }
        if (body.Suspended)
        {
            return DevelopmentError.Conflict("Error.Vote.Suspended", body.Acronym);
        }
        if (status == MembershipStatus.P && body.Category != MemberCategory.MemberBody)
        {
            return DevelopmentError.Conflict("Error.Membership.OnlyMemberBodies", body.Acronym);
        }
        var current = await db.CommitteeMemberships.AsNoTracking().FirstOrDefaultAsync(m => m.CommitteeId == committeeId && m.MemberBodyId == memberBodyId, ct);
        if (current?.Status == status)
        {
            return DevelopmentError.Conflict("Error.Membership.Unchanged", body.Acronym);
        }
        if (await db.MembershipApplications.AnyAsync(a => a.CommitteeId == committeeId && a.MemberBodyId == memberBodyId && a.State == MembershipApplicationState.Pending, ct))
        {
            return DevelopmentError.Conflict("Error.Application.Pending", body.Acronym, committee.Reference);
        }
        var application = new MembershipApplication
        {
            CommitteeId = committeeId, MemberBodyId = memberBodyId, Status = status, State = MembershipApplicationState.Pending,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim()[..Math.Min(1000, note.Trim().Length)], AppliedAt = now, AppliedByUserId = userId,
        };
        db.MembershipApplications.Add(application);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The partial unique index: another request applied for the same body meanwhile.
            db.ChangeTracker.Clear();
            return DevelopmentError.Conflict("Error.Application.Pending", body.Acronym, committee.Reference);
        }
        return application;
    }

    /// <summary>The committee manager's decision; accepting changes the membership in the same transaction.</summary>
    public static async Task<Attempt<MembershipApplication>> DecideAsync(NormativeDb db, int committeeId, int applicationId, bool accept, string? userId, DateTimeOffset now,
        CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var application = (await db.MembershipApplications.FromSql($"SELECT * FROM committee_membership_applications WHERE id = {applicationId} FOR UPDATE")
            .ToListAsync(ct)).FirstOrDefault();
        if (application is null || application.CommitteeId != committeeId)
        {
            return DevelopmentError.NotFound("Error.NotFound");
        }
        if (application.State != MembershipApplicationState.Pending)
        {
            return DevelopmentError.Conflict("Error.Application.Decided");
        }
        if (accept)
        {
            var set = await Memberships.SetAsync(db, committeeId, application.MemberBodyId, application.Status, userId,
                application.Note ?? "Application accepted.", now, ct);
            if (!set.Succeeded)
            {
                return set.Error!;
            }
        }
        application.State = accept ? MembershipApplicationState.Accepted : MembershipApplicationState.Declined;
        application.DecidedAt = now;
        application.DecidedByUserId = userId;
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return application;
    }
}
