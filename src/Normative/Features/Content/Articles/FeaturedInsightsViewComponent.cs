using Microsoft.AspNetCore.Mvc;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Content.Articles;

/// <summary>The home page's "Featured insights": the Editors' choice, or else the latest insights.</summary>
public sealed class FeaturedInsightsViewComponent(NormativeDb db, TimeProvider clock) : ViewComponent
{
    public const int Count = 3;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var live = ArticleQueries.Live(db, clock.GetUtcNow());
        var articles = await ArticleQueries.SummariesAsync(live.Where(a => a.Featured), Cultures.Current, Count);
        if (articles.Count == 0)
        {
            articles = await ArticleQueries.SummariesAsync(live.Where(a => a.Kind == ArticleKind.Insight), Cultures.Current, Count);
        }
        return View("~/Features/Content/Articles/_FeaturedInsights.cshtml", articles);
    }
}
