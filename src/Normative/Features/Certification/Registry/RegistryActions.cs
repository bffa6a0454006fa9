using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;

namespace Normative.Features.Certification.Registry;

/// <summary>
/// The registry's writes other than uploads and status changes, for the admin page and the API:
/// bodies, accreditations, who acts for which certification body, audits. A refused write returns the
/// CertificationText key saying why (the caller fills in its arguments); null means done.
/// </summary>
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

    /// <returns>Null, or "Admin.Error.CodeTaken" (argument: the code).</returns>
    public static async Task<string?> AddAccreditationBodyAsync(NormativeDb db, AccreditationBody body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(body);
        if (await db.AccreditationBodies.AnyAsync(a => a.Code == body.Code, ct))
        {
            return "Admin.Error.CodeTaken";
        }
        db.AccreditationBodies.Add(body);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <returns>Null, or "Admin.Error.CodeTaken" (argument: the code).</returns>
    public static async Task<string?> AddCertificationBodyAsync(NormativeDb db, CertificationBody body, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(body);
        if (await db.CertificationBodies.AnyAsync(b => b.Code == body.Code, ct))
        {
            return "Admin.Error.CodeTaken";
        }
        db.CertificationBodies.Add(body);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Records an Active accreditation, or sets the dates of the one the bodies already have for this standard.</summary>
    /// <param name="standard">The standard's canonical identifier (<see cref="StandardReference.Check"/>).</param>
    /// <returns>Null, or "Admin.Error.Choose" when either body does not exist.</returns>
    public static async Task<string?> SaveAccreditationAsync(
        NormativeDb db, int bodyId, int accreditationBodyId, string standard, DateOnly validFrom, DateOnly validTo, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.CertificationBodies.AnyAsync(b => b.Id == bodyId, ct) || !await db.AccreditationBodies.AnyAsync(a => a.Id == accreditationBodyId, ct))
        {
            return "Admin.Error.Choose";
        }
        var existing = await db.Accreditations.SingleOrDefaultAsync(a => a.CertificationBodyId == bodyId && a.AccreditationBodyId == accreditationBodyId && a.Standard == standard, ct);
        if (existing is null)
        {
            db.Accreditations.Add(new Accreditation
            {
                CertificationBodyId = bodyId, AccreditationBodyId = accreditationBodyId, Standard = standard,
                ValidFrom = validFrom, ValidTo = validTo, Status = AccreditationStatus.Active, StatusChangedAt = now,
            });
        }
        else
        {
            existing.ValidFrom = validFrom;
            existing.ValidTo = validTo;
        }
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// Suspends, withdraws or restores an accreditation; every certificate of that body for that
    /// standard shows it at once. A status other than Active needs a reason.
    /// </summary>
    /// <returns>Null, "Admin.Error.Choose" (no such accreditation) or "Status.Error.Reason".</returns>
    public static async Task<string?> ChangeAccreditationStatusAsync(NormativeDb db, int id, AccreditationStatus status, string? reason, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var accreditation = await db.Accreditations.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (accreditation is null)
        {
            return "Admin.Error.Choose";
        }
        if (status != AccreditationStatus.Active && string.IsNullOrWhiteSpace(reason))
        {
            return "Status.Error.Reason";
        }
        if (accreditation.Status != status)
        {
            accreditation.Status = status;
            accreditation.StatusReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
            accreditation.StatusChangedAt = now;
            await db.SaveChangesAsync(ct);
        }
        return null;
    }

    /// <summary>Lets the user with this e-mail address act for a certification body, with the CertificationBody role; a user linked to another body moves.</summary>
    /// <returns>Null, "Admin.Error.NoUser" (argument: the address) or "Admin.Error.Choose" (no such body).</returns>
    public static async Task<string?> LinkMemberAsync(NormativeDb db, UserManager<User> users, string email, int bodyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return "Admin.Error.NoUser";
        }
        if (!await db.CertificationBodies.AnyAsync(b => b.Id == bodyId, ct))
        {
            return "Admin.Error.Choose";
        }
        if (!await users.IsInRoleAsync(user, Roles.CertificationBody))
        {
            await users.AddToRoleAsync(user, Roles.CertificationBody);
        }
        var member = await db.CertificationBodyMembers.SingleOrDefaultAsync(m => m.UserId == user.Id, ct);
        if (member is null)
        {
            db.CertificationBodyMembers.Add(new CertificationBodyMember { UserId = user.Id, CertificationBodyId = bodyId });
        }
        else
        {
            member.CertificationBodyId = bodyId;
        }
        await db.SaveChangesAsync(ct);
        return null;
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
