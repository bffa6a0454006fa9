using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Content.Articles;

namespace Normative.Features.Content.Mailings.Editor;

/// <summary>
/// One mailing's progress: a bar and "812 of 1,234 sent", who was skipped (unsubscribed in the
/// meantime) or could not be reached, when the first mail went and when the last one did. While
/// it is sending, mailing-status.js reloads the progress; without script the page has a refresh link.
/// </summary>
public class DetailsModel(NormativeDb db) : PageModel
{
    /// <summary>How often the page's script asks for the progress again while the mailing is sending.</summary>
    public const int RefreshSeconds = 2;

    public Mailing Mailing { get; private set; } = null!;

    public MailingProgress Progress { get; private set; } = null!;

    /// <summary>The article a newsletter was made from (null for a digest, or when the article is gone).</summary>
    public Article? Article { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        var mailing = await db.Mailings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct);
        if (mailing is null)
        {
            return NotFound();
        }
        Mailing = mailing;
        Progress = (await MailingProgress.ForAsync(db, [id], ct)).GetValueOrDefault(id) ?? MailingProgress.Empty(id);
        if (mailing.ArticleId is { } articleId)
        {
            Article = await db.Articles.AsNoTracking().Include(a => a.Versions.Where(v => v.Language == "en")).FirstOrDefaultAsync(a => a.Id == articleId, ct);
        }
        return Page();
    }
}
