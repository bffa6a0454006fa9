using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Site.Identity;

/// <summary>
/// /admin/identity: Administrators upload the logo, choose the colours (refused, with the ratio,
/// when text on them would be hard to read; what was typed stays in the form) and restore the
/// defaults. A save shows on this node at once and on the others within a version poll.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public class EditModel(NormativeDb db, IdentityStore store, CatalogueVersion version, IStringLocalizer<SiteText> t,
    IOptions<OrganizationOptions> organization, TimeProvider clock) : PageModel
{
    public sealed class InputModel
    {
        public string? Primary { get; set; }
        public string? Link { get; set; }
        public string? Accent { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IdentityStore.Snapshot Current => store.Current;
    public Palette Defaults => store.Defaults.Palette;
    public string OrganizationName => organization.Value.Name;
    public string? LogoProblem { get; private set; }
    public string PreviewStylesheet => IdentityLinks.Preview(Input.Primary, Input.Link, Input.Accent);

    public void OnGet() => Fill();

    public async Task<IActionResult> OnPostColoursAsync(CancellationToken ct)
    {
        Refuse(nameof(InputModel.Primary), Input.Primary, IdentityRules.CheckPrimary(Input.Primary));
        Refuse(nameof(InputModel.Link), Input.Link, IdentityRules.CheckLink(Input.Link));
        Refuse(nameof(InputModel.Accent), Input.Accent, IdentityRules.CheckAccent(Input.Accent));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var palette = new Palette(IdentityRules.Parse(Input.Primary)!, IdentityRules.Parse(Input.Link)!, IdentityRules.Parse(Input.Accent)!);
        await SiteIdentities.SetColoursAsync(db, palette, User.UserId(), clock.GetUtcNow(), ct);
        await ChangedAsync(ct);
        TempData.SetNotice(t["Identity.ColoursSaved"]);
        return RedirectToPage();
    }

    /// <summary>Whatever is wrong with the file (none, not a PNG, JPEG or WebP, an SVG, too large, too small) is said beside the field, and nothing changes.</summary>
    public async Task<IActionResult> OnPostLogoAsync(IFormFile? logo, CancellationToken ct)
    {
        Logos.Prepared? prepared = null;
        if (logo is null || logo.Length == 0)
        {
            LogoProblem = "Identity.Logo.Missing";
        }
        else if (logo.Length > Logos.MaxUploadBytes)
        {
            LogoProblem = "Identity.Logo.TooLarge";
        }
        else
        {
            var bytes = new byte[logo.Length];
            await using (var upload = logo.OpenReadStream())
            {
                await upload.ReadExactlyAsync(bytes, ct);
            }
            try
            {
                prepared = Logos.Prepare(bytes);
            }
            catch (LogoException e)
            {
                LogoProblem = e.Message;
            }
        }
        if (prepared is null)
        {
            Fill();
            ModelState.AddModelError("logo", t[LogoProblem!, Logos.MaxUploadBytes / (1024 * 1024), Logos.MinSide]);
            return Page();
        }
        await SiteIdentities.SetLogoAsync(db, prepared, User.UserId(), clock.GetUtcNow(), ct);
        await ChangedAsync(ct);
        TempData.SetNotice(t["Identity.LogoSaved"]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRestoreAsync(CancellationToken ct)
    {
        await SiteIdentities.RestoreDefaultsAsync(db, ct);
        await ChangedAsync(ct);
        TempData.SetNotice(t["Identity.Restored"]);
        return RedirectToPage();
    }

    private void Fill()
    {
        var palette = store.Current.Palette;
        Input = new InputModel { Primary = palette.Primary, Link = palette.Link, Accent = palette.Accent };
    }

    private void Refuse(string field, string? typed, ColourCheck? problem)
    {
        if (problem is not null)
        {
            ModelState.AddModelError("Input." + field, t[problem.Key, (typed ?? "").Trim(), problem.Ratio.ToString("0.00", System.Globalization.CultureInfo.CurrentCulture), IdentityRules.MinimumContrast.ToString("0.0", System.Globalization.CultureInfo.CurrentCulture)]);
        }
    }

    // This node shows the change at once; the trigger's new version retires every node's cached pages and tells the others to read it.
    private async Task ChangedAsync(CancellationToken ct)
    {
        await store.RefreshAsync(db, ct);
        await version.RefreshAsync(ct);
    }
}
