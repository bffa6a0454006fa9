using Microsoft.AspNetCore.Mvc;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Web;

namespace Normative.Features.Content.Articles;

/// <summary>
/// The articles tagged with a sector, a standard or a committee, on that page of the catalogue
/// (CatalogueSlots). Articles are tagged with a standard's reference as written ("ISO 9001"), so an
/// edition ("ISO 9001:2015") finds them too.
/// </summary>
public sealed class TaggedArticlesViewComponent(NormativeDb db, TimeProvider clock) : ViewComponent
{
    public const int Count = 5;

    public async Task<IViewComponentResult> InvokeAsync(Sector? sector = null, Deliverable? deliverable = null, Committee? committee = null)
    {
        var live = ArticleQueries.Live(db, clock.GetUtcNow());
        IQueryable<Article> tagged;
        if (sector is not null)
        {
            tagged = live.Where(a => a.Sectors.Contains(sector.Slug));
        }
        else if (deliverable is not null)
        {
            var reference = deliverable.Reference;
            var work = reference.Split(':')[0];
            tagged = live.Where(a => a.Standards.Contains(reference) || a.Standards.Contains(work));
        }
        else if (committee is not null)
        {
            tagged = live.Where(a => a.Committees.Contains(committee.Reference));
        }
        else
        {
            return Content("");
        }
        var articles = await ArticleQueries.SummariesAsync(tagged, Cultures.Current, Count);
        return articles.Count == 0 ? Content("") : View("~/Features/Content/Articles/_TaggedArticles.cshtml", articles);
    }
}
