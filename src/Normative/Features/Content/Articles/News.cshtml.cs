using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Content.Articles;

/// <summary>/news: the latest news, newest first.</summary>
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public class NewsModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public const int PageSize = 30;

    public IReadOnlyList<ArticleSummary> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Articles = await ArticleQueries.SummariesAsync(ArticleQueries.Live(db, clock.GetUtcNow()).Where(a => a.Kind == ArticleKind.News), Cultures.Current, PageSize, ct);
}
