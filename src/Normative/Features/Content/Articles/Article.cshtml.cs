using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Articles;

/// <summary>One article, in the reader's language or else in English with a note saying so.</summary>
[OutputCache(PolicyName = ContentCachePolicy.Name)]
public class ArticleModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public Article Article { get; private set; } = null!;
    public ArticleVersion Version { get; private set; } = null!;
    public bool Fallback { get; private set; }
    public string Html { get; private set; } = "";
    /// <summary>The lead image's description in the version shown, or else in English.</summary>
    public string ImageAlt { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var article = await ArticleQueries.Live(db, clock.GetUtcNow())
            .Include(a => a.Versions)
            .FirstOrDefaultAsync(a => a.Slug == slug, ct);
        // An archived article keeps its address: links to it from elsewhere still lead somewhere.
        article ??= await db.Articles.AsNoTracking().Include(a => a.Versions).FirstOrDefaultAsync(a => a.Slug == slug && a.Status == ArticleStatus.Archived, ct);
        var (version, fallback) = article is null ? (null, false) : ArticleRules.Pick(article.Versions, Cultures.Current);
        if (article is null || version is null)
        {
            return NotFound();
        }
        Article = article;
        Version = version;
        Fallback = fallback;
        Html = SafeMarkdown.ToHtml(version.Body);
        ImageAlt = version.ImageAlt ?? article.Versions.FirstOrDefault(v => v.Language == Cultures.Default)?.ImageAlt ?? "";
        return Page();
    }
}
