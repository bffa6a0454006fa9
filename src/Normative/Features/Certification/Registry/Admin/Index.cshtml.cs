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
/// for that standard shows at once), and link CB users to their body. Each form has its own input.
/// </summary>
public class IndexModel(NormativeDb db, UserManager<User> users, TimeProvider clock, IStringLocalizer<CertificationText> t) : PageModel
{
    public List<AccreditationBody> AccreditationBodies { get; private set; } = [];
    public List<CertificationBody> CertificationBodies { get; private set; } = [];
    public List<Accreditation> Accreditations { get; private set; } = [];
    public List<(string Email, string Body)> Members { get; private set; } = [];

    [BindProperty]
    public BodyInput NewAccreditationBody { get; set; } = new();

    [BindProperty]
    public BodyInput NewCertificationBody { get; set; } = new();

    [BindProperty]
    public AccreditationInput NewAccreditation { get; set; } = new();

    [BindProperty]
    public AccreditationStatusInput Status { get; set; } = new();

    [BindProperty]
    public LinkInput Link { get; set; } = new();

    /// <summary>A new accreditation or certification body.</summary>
    public sealed class BodyInput
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        /// <summary>ISO 3166-1 alpha-2, any letter case.</summary>
        public string? Country { get; set; }
        public string? Website { get; set; }
        /// <summary>For an accreditation body: signatory of the IAF MLA.</summary>
        public bool Mla { get; set; }
    }

    public sealed class AccreditationInput
    {
        public int Body { get; set; }
        public int AccreditationBody { get; set; }
        public string? Standard { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
    }

    public sealed class AccreditationStatusInput
    {
        public int Id { get; set; }
        public AccreditationStatus? Status { get; set; }
        public string? Reason { get; set; }
    }

    public sealed class LinkInput
    {
        public string? Email { get; set; }
        public int Body { get; set; }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAccreditationBodyAsync(CancellationToken ct)
    {
        var input = NewAccreditationBody;
        if (!Check(nameof(NewAccreditationBody), input, out var country))
        {
            return await RefusedAsync(ct);
        }
        var code = input.Code!.Trim();
        var error = await RegistryActions.AddAccreditationBodyAsync(db, new AccreditationBody
        {
            Code = code, Name = input.Name!.Trim(), Country = country, IafMlaSignatory = input.Mla, Website = Blank(input.Website),
        }, ct);
        return await DoneAsync(nameof(NewAccreditationBody) + ".Code", error, code, ct);
    }

    public async Task<IActionResult> OnPostCertificationBodyAsync(CancellationToken ct)
    {
        var input = NewCertificationBody;
        if (!Check(nameof(NewCertificationBody), input, out var country))
        {
            return await RefusedAsync(ct);
        }
        var code = input.Code!.Trim();
        var error = await RegistryActions.AddCertificationBodyAsync(db, new CertificationBody
        {
            Code = code, Name = input.Name!.Trim(), Country = country, Website = Blank(input.Website),
        }, ct);
        return await DoneAsync(nameof(NewCertificationBody) + ".Code", error, code, ct);
    }

    public async Task<IActionResult> OnPostAccreditationAsync(CancellationToken ct)
    {
        var input = NewAccreditation;
        if (StandardReference.Check(input.Standard ?? "", out var canonical) is { } problem)
        {
            ModelState.AddModelError("NewAccreditation.Standard", t["Import." + problem.Code, problem.Args.Cast<object>().ToArray()]);
        }
        if (input.ValidFrom is null || input.ValidTo is null || input.ValidTo < input.ValidFrom)
        {
            ModelState.AddModelError("NewAccreditation.ValidTo", t["Admin.Error.Dates"]);
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(ct);
        }
        var error = await RegistryActions.SaveAccreditationAsync(db, input.Body, input.AccreditationBody, canonical, input.ValidFrom!.Value, input.ValidTo!.Value, clock.GetUtcNow(), ct);
        return await DoneAsync("NewAccreditation.Body", error, null, ct);
    }

    public async Task<IActionResult> OnPostAccreditationStatusAsync(CancellationToken ct)
    {
        if (Status.Status is null)
        {
            ModelState.AddModelError("Status.Status", t["Admin.Error.Choose"]);
            return await RefusedAsync(ct);
        }
        var error = await RegistryActions.ChangeAccreditationStatusAsync(db, Status.Id, Status.Status.Value, Status.Reason, clock.GetUtcNow(), ct);
        return await DoneAsync("Status.Reason", error, null, ct);
    }

    public async Task<IActionResult> OnPostLinkAsync(CancellationToken ct)
    {
        var email = Link.Email?.Trim() ?? "";
        var error = email.Length == 0 ? "Admin.Error.NoUser" : await RegistryActions.LinkMemberAsync(db, users, email, Link.Body, ct);
        return await DoneAsync("Link.Email", error, Link.Email ?? "", ct);
    }

    /// <summary>Code and name given and short enough, and a country code: the checks both kinds of body share.</summary>
    private bool Check(string prefix, BodyInput input, out string country)
    {
        if (string.IsNullOrWhiteSpace(input.Code) || input.Code.Trim().Length > 20 || string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 300)
        {
            ModelState.AddModelError(prefix + ".Code", t["Admin.Error.CodeName"]);
        }
        if (!CountryCodes.TryNormalize(input.Country, out country))
        {
            ModelState.AddModelError(prefix + ".Country", t["Import.Country", t["Field.Country"], input.Country ?? ""]);
        }
        return ModelState.IsValid;
    }

    /// <summary>After a write: on success the notice and a redirect (post-redirect-get); when refused, the page again with why.</summary>
    /// <param name="error">The key of the refusal in CertificationText, or null.</param>
    /// <param name="argument">What the refusal's message names (a code, an e-mail address).</param>
    private async Task<IActionResult> DoneAsync(string field, string? error, string? argument, CancellationToken ct)
    {
        if (error is not null)
        {
            ModelState.AddModelError(field, t[error, argument ?? ""]);
            return await RefusedAsync(ct);
        }
        TempData.SetNotice(t["Admin.Saved"]);
        return RedirectToPage();
    }

    private async Task<PageResult> RefusedAsync(CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
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
