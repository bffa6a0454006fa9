using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;

namespace Normative.Features.Certification.Registry.Admin;

/// <summary>
/// /certification/admin: administrators keep the list of accreditation and certification bodies,
/// record accreditations and their suspension or withdrawal (which every certificate of that body
/// for that standard shows at once), and link CB users to their body.
/// </summary>
public class IndexModel(NormativeDb db, UserManager<User> users, TimeProvider clock, IStringLocalizer<CertificationText> t) : PageModel
{
    public List<AccreditationBody> AccreditationBodies { get; private set; } = [];
    public List<CertificationBody> CertificationBodies { get; private set; } = [];
    public List<Accreditation> Accreditations { get; private set; } = [];
    public List<(string Email, string Body)> Members { get; private set; } = [];
    public List<string> Errors { get; } = [];
    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAccreditationBodyAsync(string? code, string? name, string? country, bool mla, string? website, CancellationToken ct)
    {
        if (Check(code, name, country, out var c))
        {
            if (await db.AccreditationBodies.AnyAsync(a => a.Code == code!.Trim(), ct))
            {
                Errors.Add(t["Admin.Error.CodeTaken", code!.Trim()]);
            }
            else
            {
                db.AccreditationBodies.Add(new AccreditationBody { Code = code!.Trim(), Name = name!.Trim(), Country = c, IafMlaSignatory = mla, Website = Blank(website) });
                await db.SaveChangesAsync(ct);
                Message = t["Admin.Saved"];
            }
        }
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostCertificationBodyAsync(string? code, string? name, string? country, string? website, CancellationToken ct)
    {
        if (Check(code, name, country, out var c))
        {
            if (await db.CertificationBodies.AnyAsync(b => b.Code == code!.Trim(), ct))
            {
                Errors.Add(t["Admin.Error.CodeTaken", code!.Trim()]);
            }
            else
            {
                db.CertificationBodies.Add(new CertificationBody { Code = code!.Trim(), Name = name!.Trim(), Country = c, Website = Blank(website) });
                await db.SaveChangesAsync(ct);
                Message = t["Admin.Saved"];
            }
        }
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostAccreditationAsync(int body, int accreditationBody, string? standard, DateOnly? validFrom, DateOnly? validTo, CancellationToken ct)
    {
        if (StandardReference.Check(standard ?? "", out var canonical) is { } problem)
        {
            Errors.Add(t["Import." + problem.Code, problem.Args.Cast<object>().ToArray()]);
        }
        if (validFrom is null || validTo is null || validTo < validFrom)
        {
            Errors.Add(t["Admin.Error.Dates"]);
        }
        if (!await db.CertificationBodies.AnyAsync(b => b.Id == body, ct) || !await db.AccreditationBodies.AnyAsync(a => a.Id == accreditationBody, ct))
        {
            Errors.Add(t["Admin.Error.Choose"]);
        }
        if (Errors.Count == 0)
        {
            var existing = await db.Accreditations.SingleOrDefaultAsync(a => a.CertificationBodyId == body && a.AccreditationBodyId == accreditationBody && a.Standard == canonical, ct);
            if (existing is null)
            {
                db.Accreditations.Add(new Accreditation
                {
                    CertificationBodyId = body, AccreditationBodyId = accreditationBody, Standard = canonical,
                    ValidFrom = validFrom!.Value, ValidTo = validTo!.Value, Status = AccreditationStatus.Active, StatusChangedAt = clock.GetUtcNow(),
                });
            }
            else
            {
                existing.ValidFrom = validFrom!.Value;
                existing.ValidTo = validTo!.Value;
            }
            await db.SaveChangesAsync(ct);
            Message = t["Admin.Saved"];
        }
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostAccreditationStatusAsync(int id, AccreditationStatus? status, string? reason, CancellationToken ct)
    {
        var accreditation = await db.Accreditations.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (accreditation is null || status is null)
        {
            Errors.Add(t["Admin.Error.Choose"]);
        }
        else if (status != AccreditationStatus.Active && string.IsNullOrWhiteSpace(reason))
        {
            Errors.Add(t["Status.Error.Reason"]);
        }
        else if (accreditation.Status != status)
        {
            accreditation.Status = status.Value;
            accreditation.StatusReason = Blank(reason);
            accreditation.StatusChangedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            Message = t["Admin.Saved"];
        }
        return await PageAsync(ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(string? email, int body, CancellationToken ct)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            Errors.Add(t["Admin.Error.NoUser", email ?? ""]);
        }
        else if (!await db.CertificationBodies.AnyAsync(b => b.Id == body, ct))
        {
            Errors.Add(t["Admin.Error.Choose"]);
        }
        else
        {
            if (!await users.IsInRoleAsync(user, Roles.CertificationBody))
            {
                await users.AddToRoleAsync(user, Roles.CertificationBody);
            }
            var member = await db.CertificationBodyMembers.SingleOrDefaultAsync(m => m.UserId == user.Id, ct);
            if (member is null)
            {
                db.CertificationBodyMembers.Add(new CertificationBodyMember { UserId = user.Id, CertificationBodyId = body });
            }
            else
            {
                member.CertificationBodyId = body;
            }
            await db.SaveChangesAsync(ct);
            Message = t["Admin.Saved"];
        }
        return await PageAsync(ct);
    }

    private bool Check(string? code, string? name, string? country, out string normalized)
    {
        normalized = "";
        if (string.IsNullOrWhiteSpace(code) || code.Trim().Length > 20 || string.IsNullOrWhiteSpace(name) || name.Trim().Length > 300)
        {
            Errors.Add(t["Admin.Error.CodeName"]);
        }
        if (!CountryCodes.TryNormalize(country, out normalized))
        {
            Errors.Add(t["Import.Country", t["Field.Country"], country ?? ""]);
        }
        return Errors.Count == 0;
    }

    private async Task<PageResult> PageAsync(CancellationToken ct)
    {
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        AccreditationBodies = await db.AccreditationBodies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        CertificationBodies = await db.CertificationBodies.AsNoTracking().OrderBy(b => b.Code).ToListAsync(ct);
        Accreditations = await db.Accreditations.AsNoTracking().Include(a => a.CertificationBody).Include(a => a.AccreditationBody)
            .OrderBy(a => a.CertificationBody!.Code).ThenBy(a => a.Standard).ToListAsync(ct);
        Members = (await (from m in db.CertificationBodyMembers
                          join u in db.Users on m.UserId equals u.Id
                          orderby u.Email
                          select new { u.Email, m.CertificationBody!.Code }).ToListAsync(ct))
            .Select(m => (m.Email ?? "", m.Code)).ToList();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
