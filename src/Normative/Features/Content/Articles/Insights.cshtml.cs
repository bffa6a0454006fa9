using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Content.Articles;

/// <summary>/insights: the longer pieces, newest first.</summary>
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public class InsightsModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Articles = await ArticleQueries.SummariesAsync(ArticleQueries.Live(db, clock.GetUtcNow()).Where(a => a.Kind == ArticleKind.Insight), Cultures.Current, NewsModel.PageSize, ct);
}
