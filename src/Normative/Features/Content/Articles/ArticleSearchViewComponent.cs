using Microsoft.AspNetCore.Mvc;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Content.Articles;

/// <summary>
/// The site search finds articles too: under the catalogue's results (CatalogueSlots.SearchResults),
/// the live news and insights whose title, summary or text in any language hold every word of the
/// query, newest first, each shown in the reader's language or English.
/// </summary>
public sealed class ArticleSearchViewComponent(NormativeDb db, TimeProvider clock) : ViewComponent
{
    public const int Count = 5;

    public async Task<IViewComponentResult> InvokeAsync(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return Content("");
        }
        var found = await ArticleQueries.SummariesAsync(ArticleQueries.Search(ArticleQueries.Live(db, clock.GetUtcNow()), query), Cultures.Current, Count);
        return found.Count == 0 ? Content("") : View("~/Features/Content/Articles/_ArticleSearch.cshtml", (query, (IReadOnlyList<ArticleSummary>)found));
    }
}
