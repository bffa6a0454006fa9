using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Certification.Import;

namespace Normative.Features.Certification.Registry;

/// <summary>One status change by a certification body (page or API): checked, applied and recorded in one transaction.</summary>
public static class CertificateStatusChange
{
    public static async Task<(StatusChangeOutcome Outcome, Certificate? Certificate)> ApplyAsync(
        NormativeDb db, int bodyId, string number, CertificateStatus to, string? reason, string actor, DateTimeOffset now, CancellationToken ct = default)
    {
        reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (reason is { Length: > CertificateValidator.MaxReason })
        {
            reason = reason[..CertificateValidator.MaxReason];
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Shared: single changes run side by side, but never in the middle of an upload or the expiry job.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock_shared({RegistryLock.Key})", ct);
        var trimmed = number.Trim();
        var certificate = await db.Certificates
            .FromSql($"SELECT * FROM certificates WHERE number = {trimmed} AND certification_body_id = {bodyId} FOR UPDATE")
            .SingleOrDefaultAsync(ct);
        if (certificate is null)
        {
            return (StatusChangeOutcome.NotFound, null);
        }
        var from = certificate.Status;
        if (from == to)
        {
            return (StatusChangeOutcome.Unchanged, certificate);
        }
        if (!CertificateRules.CanChange(from, to))
        {
            return (StatusChangeOutcome.NotAllowed, certificate);
        }
        if (CertificateRules.NeedsReason(to) && reason is null)
        {
            return (StatusChangeOutcome.ReasonRequired, certificate);
        }
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (to == CertificateStatus.Active && CertificateRules.IsDueToExpire(to, certificate.ExpiryDate, today))
        {
            return (StatusChangeOutcome.PastExpiry, certificate);
        }
        certificate.Status = to;
        certificate.StatusReason = reason;
        certificate.StatusChangedAt = now;
        certificate.UpdatedAt = now;
        db.CertificateEvents.Add(new CertificateEvent
        {
            CertificateId = certificate.Id,
            At = now,
            By = actor.Length > 256 ? actor[..256] : actor,
            Kind = CertificateRules.EventKind(from, to),
            FromStatus = from,
            ToStatus = to,
            Note = reason,
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return (StatusChangeOutcome.Changed, certificate);
    }
}
