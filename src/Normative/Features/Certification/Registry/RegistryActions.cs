using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Certification.Registry;

/// <summary>The registry's operations other than uploads and status changes, for the pages and the API.</summary>
public static class RegistryActions
{
    /// <summary>The certification body the user acts for, or null when no administrator has linked them to one.</summary>
    public static async Task<CertificationBody?> BodyOfAsync(NormativeDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var userId = user.UserId();
        if (userId is null)
        {
            return null;
        }
        return await db.CertificationBodyMembers.AsNoTracking().Where(m => m.UserId == userId)
            .Select(m => m.CertificationBody).SingleOrDefaultAsync(ct);
    }

    /// <summary>Records an audit of one of the body's certificates.</summary>
    /// <returns>The certificate's id, or null when the body has no certificate with this number.</returns>
    public static async Task<long?> RecordAuditAsync(
        NormativeDb db, int bodyId, string number, AuditKind kind, DateOnly startDate, DateOnly? endDate, string? note, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var id = await db.Certificates.Where(c => c.CertificationBodyId == bodyId && c.Number == number).Select(c => (long?)c.Id).SingleOrDefaultAsync(ct);
        if (id is null)
        {
            return null;
        }
        db.CertificateAudits.Add(new CertificateAudit { CertificateId = id.Value, Kind = kind, StartDate = startDate, EndDate = endDate, Note = note, RecordedAt = now });
        await db.SaveChangesAsync(ct);
        return id;
    }
}
