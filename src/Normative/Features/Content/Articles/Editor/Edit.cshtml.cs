using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Storage;
using Normative.Web;

namespace Normative.Features.Content.Articles.Editor;

/// <summary>
/// Write or change an article in one language, preview it, and move it through its statuses. A
/// failed save or a preview gives the form back as typed, so nothing the Editor wrote is lost.
/// </summary>
public class EditModel(NormativeDb db, CatalogueVersion cacheVersion, IFileStore files, IStringLocalizer<ContentText> t, TimeProvider clock) : PageModel
{
    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    public Article? Article { get; private set; }

    /// <summary>The rendered preview (sanitized), after the Preview button.</summary>
    public string? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, string? language)
    {
        language = Cultures.IsSupported(language) ? language!.ToLowerInvariant() : Cultures.Default;
        Input.Language = language;
        if (id is null)
        {
            return Page();
        }
        if (!await LoadAsync(id.Value))
        {
            return NotFound();
        }
        var article = Article!;
        Input.Kind = article.Kind;
        Input.Slug = article.Slug;
        Input.Sectors = [.. article.Sectors];
        Input.Standards = string.Join(", ", article.Standards);
        Input.Committees = string.Join(", ", article.Committees);
        Input.Featured = article.Featured;
        if (article.Versions.FirstOrDefault(v => v.Language == language) is { } version)
        {
            Input.Title = version.Title;
            Input.Summary = version.Summary;
            Input.Body = version.Body;
            Input.ImageAlt = version.ImageAlt;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(int? id)
    {
        if (id is not null && !await LoadAsync(id.Value))
        {
            return NotFound();
        }
        ModelState.Clear();
        Preview = SafeMarkdown.ToHtml(Input.Body);
        return Page();
    }

    /// <summary>What the page's script shows as the Editor types: the body rendered and sanitized, nothing saved.</summary>
    public ContentResult OnPostLivePreview(string? body) => Content(SafeMarkdown.ToHtml(body ?? ""), "text/html; charset=utf-8");

    public async Task<IActionResult> OnPostSaveAsync(int? id)
    {
        if (id is not null && !await LoadAsync(id.Value))
        {
            return NotFound();
        }
        Input.Slug = Input.Slug.Trim().ToLowerInvariant();
        if (!ArticleRules.IsSlug(Input.Slug))
        {
            ModelState.AddModelError("Input.Slug", t["Articles.BadSlug"]);
        }
        else if (await db.Articles.AnyAsync(a => a.Slug == Input.Slug && a.Id != (id ?? 0)))
        {
            ModelState.AddModelError("Input.Slug", t["Articles.SlugTaken"]);
        }
        if (!Cultures.IsSupported(Input.Language))
        {
            ModelState.AddModelError("Input.Language", t["Updates.Preferences.BadLanguage"]);
        }
        if (Article?.ImageFileId is not null && string.IsNullOrWhiteSpace(Input.ImageAlt))
        {
            ModelState.AddModelError("Input.ImageAlt", t["Articles.Image.AltRequired"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var article = Article;
        if (article is null)
        {
            article = new Article { Slug = Input.Slug, Status = ArticleStatus.Draft, CreatedAt = now };
            db.Articles.Add(article);
            article.Events.Add(new ArticleEvent { At = now, By = User.UserId(), Kind = ArticleEventKind.Created });
        }
        else
        {
            article.Events.Add(new ArticleEvent { At = now, By = User.UserId(), Kind = ArticleEventKind.Edited, Note = Input.Language });
        }
        article.Kind = Input.Kind;
        article.Slug = Input.Slug;
        article.Sectors = Input.Sectors.Where(s => Sector.All.Any(x => x.Slug == s)).Distinct().ToList();
        article.Standards = ArticleRules.Tags(Input.Standards);
        article.Committees = ArticleRules.Tags(Input.Committees);
        article.Featured = Input.Featured;
        article.UpdatedAt = now;
        var language = Input.Language.ToLowerInvariant();
        var version = article.Versions.FirstOrDefault(v => v.Language == language);
        if (version is null)
        {
            version = new ArticleVersion { Language = language, Title = "", Summary = "", Body = "" };
            article.Versions.Add(version);
        }
        version.Title = Input.Title.Trim();
        version.Summary = Input.Summary.Trim();
        version.Body = Input.Body;
        version.ImageAlt = string.IsNullOrWhiteSpace(Input.ImageAlt) ? null : Input.ImageAlt.Trim();
        version.UpdatedAt = now;
        await db.SaveChangesAsync();
        await cacheVersion.RefreshAsync(); // this instance shows the change at once; others within a version poll
        TempData.SetNotice(t["Articles.Saved"]);
        return Redirect(ContentLinks.EditArticle(article.Id, language));
    }

    public async Task<IActionResult> OnPostStatusAsync(int id, ArticleStatus target, DateTime? publishAt, string? language)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var article = Article!;
        var now = clock.GetUtcNow();
        // The Editor types the time in UTC (the form says so), so the schedule does not depend on the server's zone.
        DateTimeOffset? when = target switch
        {
            ArticleStatus.Scheduled => publishAt is { } at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
            ArticleStatus.Published => article.Status == ArticleStatus.Archived ? article.PublishAt ?? now : now,
            ArticleStatus.Archived => article.PublishAt,
            _ => article.PublishAt,
        };
        string? problem = null;
        if (!ArticleRules.CanMove(article.Status, target))
        {
            problem = t["Articles.CannotMove"];
        }
        else if (target == ArticleStatus.Scheduled && (when is null || when <= now))
        {
            problem = t["Articles.ScheduleInFuture"];
        }
        else if (target is ArticleStatus.Scheduled or ArticleStatus.Published && !article.Versions.Any(v => v.Language == Cultures.Default))
        {
            problem = t["Articles.NeedsEnglish"];
        }
        if (problem is not null)
        {
            TempData.SetNotice(problem, NoticeKind.Warn);
            return Redirect(ContentLinks.EditArticle(id, language));
        }
        article.Status = target;
        article.PublishAt = when;
        article.UpdatedAt = now;
        article.Events.Add(new ArticleEvent
        {
            At = now,
            By = User.UserId(),
            Kind = target switch
            {
                ArticleStatus.Scheduled => ArticleEventKind.Scheduled,
                ArticleStatus.Published => ArticleEventKind.Published,
                ArticleStatus.Archived => ArticleEventKind.Archived,
                _ => ArticleEventKind.Drafted,
            },
            Note = when?.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync();
        await cacheVersion.RefreshAsync(); // this instance shows the change at once; others within a version poll
        TempData.SetNotice(t["Articles.StatusChanged", t["Articles.Status." + target]]);
        return Redirect(ContentLinks.EditArticle(id, language));
    }

    /// <summary>
    /// Sets the lead image with the words that describe it in the version being edited. Whatever is
    /// wrong (no file, not an image, too large, no description) is said and nothing changes.
    /// </summary>
    public async Task<IActionResult> OnPostImageAsync(int id, IFormFile? image, string? alt, string? language, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        language = Cultures.IsSupported(language) ? language!.ToLowerInvariant() : Cultures.Default;
        var article = Article!;
        var version = article.Versions.FirstOrDefault(v => v.Language == language);
        string? problem = null;
        LeadImages.Prepared? prepared = null;
        if (version is null)
        {
            problem = "Articles.Image.SaveFirst";
        }
        else if (image is null || image.Length == 0)
        {
            problem = "Articles.Image.Missing";
        }
        else if (string.IsNullOrWhiteSpace(alt) || alt.Trim().Length > 300)
        {
            problem = "Articles.Image.AltRequired";
        }
        else if (image.Length > LeadImages.MaxUploadBytes)
        {
            problem = "Articles.Image.TooLarge";
        }
        else
        {
            var bytes = new byte[image.Length];
            await using (var upload = image.OpenReadStream())
            {
                await upload.ReadExactlyAsync(bytes, ct);
            }
            try
            {
                prepared = LeadImages.Prepare(bytes);
            }
            catch (LeadImageException e)
            {
                problem = e.Message;
            }
        }
        if (problem is not null)
        {
            TempData.SetNotice(t[problem], NoticeKind.Warn);
            return Redirect(ContentLinks.EditArticle(id, language));
        }
        await ArticleImages.SetAsync(db, files, article, version!, prepared!, alt!, User.UserId(), clock.GetUtcNow(), ct);
        TempData.SetNotice(t["Articles.Image.Saved"]);
        return Redirect(ContentLinks.EditArticle(id, language));
    }

    public async Task<IActionResult> OnPostRemoveImageAsync(int id, string? language, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (Article!.ImageFileId is not null)
        {
            await ArticleImages.RemoveAsync(db, Article, User.UserId(), clock.GetUtcNow(), ct);
        }
        TempData.SetNotice(t["Articles.Image.Removed"]);
        return Redirect(ContentLinks.EditArticle(id, Cultures.IsSupported(language) ? language : null));
    }

    private async Task<bool> LoadAsync(int id)
    {
        Article = await db.Articles.Include(a => a.Versions).Include(a => a.Events.OrderByDescending(e => e.Id)).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id);
        return Article is not null;
    }
}
