using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;
using Normative.Features.Shared;

namespace Normative.Features.Certification.Verification;

/// <summary>One certificate: valid today or not, its details, history, audits, QR code and receipt; its own CB may change its status here.</summary>
[EnableRateLimiting(CertificationFeature.ReadingPolicy)]
public class CertificateModel(ReadRoute read, NormativeDb db, TimeProvider clock, IStringLocalizer<CertificationText> t) : PageModel
{
    public CertificateView Certificate { get; private set; } = null!;
    public string VerificationUrl { get; private set; } = "";
    /// <summary>True when the signed-in user acts for the certificate's certification body.</summary>
    public bool IsOwner { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>A status change by the certificate's own certification body.</summary>
    public sealed class InputModel
    {
        public CertificateStatus? Status { get; set; }

        public string? Reason { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(long id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (!IsOwner)
        {
            return Forbid();
        }
        if (Input.Status is null)
        {
            ModelState.AddModelError("Input.Status", t["Status.Error.Choose"]);
        }
        if (Input.Reason is { Length: > CertificateValidator.MaxReason })
        {
            ModelState.AddModelError("Input.Reason", t["Import.TooLong", t["Field.Reason"], CertificateValidator.MaxReason]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var (outcome, certificate) = await CertificateStatusChange.ApplyAsync(db, Certificate.CertificationBody.Id, Certificate.Number, Input.Status!.Value, Input.Reason,
            User.Email() ?? "certification body", clock.GetUtcNow(), ct);
        switch (outcome)
        {
            case StatusChangeOutcome.Changed:
                TempData.SetNotice(t["Status.Changed"]);
                return RedirectToPage(new { id });
            case StatusChangeOutcome.Unchanged:
                ModelState.AddModelError("Input.Status", t["Status.Unchanged"]);
                break;
            case StatusChangeOutcome.ReasonRequired:
                ModelState.AddModelError("Input.Reason", t["Status.Error.Reason"]);
                break;
            case StatusChangeOutcome.PastExpiry:
                ModelState.AddModelError("Input.Status", t["Status.Error.PastExpiry"]);
                break;
            default:
                ModelState.AddModelError("Input.Status", t["Import.Transition", t["Status." + certificate!.Status], t["Status." + Input.Status]]);
                break;
        }
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var view = await read.ReadAsync(ds => VerificationSql.GetAsync(ds, id, CertificateRules.Today(clock.GetUtcNow()), read.PrepareStatements, ct));
        if (view is null)
        {
            return false;
        }
        Certificate = view;
        VerificationUrl = SiteLinks.Absolute(HttpContext, CertificationLinks.Certificate(id));
        if (User.IsInRole(Roles.CertificationBody))
        {
            IsOwner = (await RegistryActions.BodyOfAsync(db, User, ct))?.Id == view.CertificationBody.Id;
        }
        return true;
    }
}
