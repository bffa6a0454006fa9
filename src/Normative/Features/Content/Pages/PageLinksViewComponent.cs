using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Pages;

/// <summary>The published institutional pages, grouped (About, Working with us, Legal): in the footer and on the sitemap page.</summary>
public sealed class PageLinksViewComponent(PageDirectory directory, IOptions<OrganizationOptions> organization) : ViewComponent
{
    public IViewComponentResult Invoke()
    {
        var name = organization.Value.Name;
        var pages = directory.Published(Cultures.Current)
            .Select(p => p with { Title = p.Title.Replace(PageText.OrganizationPlaceholder, name, StringComparison.Ordinal) })
            .GroupBy(p => p.Entry.Group).ToList();
        return View("~/Features/Content/Pages/_PageLinks.cshtml", pages);
    }
}
