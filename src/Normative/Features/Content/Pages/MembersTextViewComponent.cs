using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Pages;

/// <summary>The "members" page's text (member categories, rights and duties) above the member directory; nothing when the page is hidden.</summary>
public sealed class MembersTextViewComponent(NormativeDb db, IOptions<OrganizationOptions> organization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var slug = InstitutionalPages.Slug(PageKey.Members);
        var page = await db.Pages.AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Key == slug);
        if (page?.Status == PageStatus.Hidden || PageRules.Pick(slug, page?.Versions ?? [], Cultures.Current) is not { } picked)
        {
            return Content("");
        }
        var text = picked.Text.For(organization.Value.Name);
        return View("~/Features/Content/Pages/_MembersText.cshtml", (text, SafeMarkdown.ToHtml(text.Body), picked.Fallback));
    }
}
