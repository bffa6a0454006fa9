using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Pages;

/// <summary>
/// An institutional page at /{key}: the Editors' text (or the default) in the reader's language or
/// else in English with a note, then the live data some pages carry (the contact details, the
/// cookies the site sets). Cached like the catalogue's pages; an Editor's change evicts it.
/// </summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public class ShowModel(NormativeDb db, IOptions<OrganizationOptions> organization) : PageModel
{
    public InstitutionalPages.Entry Entry { get; private set; } = null!;
    public PageText Text { get; private set; } = null!;
    public string Html { get; private set; } = "";
    public bool Fallback { get; private set; }
    public OrganizationOptions Organization => organization.Value;

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (InstitutionalPages.Find(key) is not { } entry)
        {
            return NotFound();
        }
        var page = await db.Pages.AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Key == entry.Slug, ct);
        if (page?.Status == PageStatus.Hidden || PageRules.Pick(entry.Slug, page?.Versions ?? [], Cultures.Current) is not { } picked)
        {
            return NotFound();
        }
        Entry = entry;
        Text = picked.Text.For(Organization.Name);
        Fallback = picked.Fallback;
        Html = SafeMarkdown.ToHtml(Text.Body);
        return Page();
    }
}
