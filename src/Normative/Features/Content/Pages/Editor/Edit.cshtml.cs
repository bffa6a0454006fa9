using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Pages.Editor;

/// <summary>
/// An institutional page's text in one language, with the same sanitized Markdown and live preview
/// as articles, and its status (published or hidden). A failed save or a preview gives the form back
/// as typed, so nothing the Editor wrote is lost.
/// </summary>
public class EditModel(NormativeDb db, PageDirectory directory, IOutputCacheStore cache, IStringLocalizer<ContentText> t, TimeProvider clock) : PageModel
{
    [BindProperty]
    public PageInput Input { get; set; } = new();

    public InstitutionalPages.Entry Entry { get; private set; } = null!;

    public SitePage? Stored { get; private set; }

    /// <summary>True when the language's text shown is the built-in default (no Editor has saved it).</summary>
    public bool IsDefault { get; private set; }

    public string? Preview { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, string? language, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }
        language = Cultures.IsSupported(language) ? language!.ToLowerInvariant() : Cultures.Default;
        Input.Language = language;
        if (PageRules.Text(Entry.Slug, Stored?.Versions ?? [], language) is { } text)
        {
            Input.Title = text.Title;
            Input.Summary = text.Summary;
            Input.Body = text.Body;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }
        ModelState.Clear();
        Preview = SafeMarkdown.ToHtml(Input.Body);
        return Page();
    }

    /// <summary>What the page's script shows as the Editor types: the body rendered and sanitized, nothing saved.</summary>
    public ContentResult OnPostLivePreview(string? body) => Content(SafeMarkdown.ToHtml(body ?? ""), "text/html; charset=utf-8");

    public async Task<IActionResult> OnPostSaveAsync(string key, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }
        if (!Cultures.IsSupported(Input.Language))
        {
            ModelState.AddModelError("Input.Language", t["Updates.Preferences.BadLanguage"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var language = Input.Language.ToLowerInvariant();
        await PageActions.SaveAsync(db, Entry.Slug, language, new PageText(Input.Title, Input.Summary, Input.Body), User.UserId(), clock.GetUtcNow(), ct: ct);
        await directory.ChangedAsync(db, cache, ct);
        TempData.SetNotice(t["Pages.Saved"]);
        return Redirect(ContentLinks.EditPage(Entry.Key, language));
    }

    public async Task<IActionResult> OnPostStatusAsync(string key, PageStatus target, string? language, CancellationToken ct)
    {
        if (!await LoadAsync(key, ct))
        {
            return NotFound();
        }
        await PageActions.SetStatusAsync(db, Entry.Slug, target, User.UserId(), clock.GetUtcNow(), ct);
        await directory.ChangedAsync(db, cache, ct);
        TempData.SetNotice(t["Pages.Status.Changed." + target]);
        return Redirect(ContentLinks.EditPage(Entry.Key, Cultures.IsSupported(language) ? language : null));
    }

    private async Task<bool> LoadAsync(string key, CancellationToken ct)
    {
        if (InstitutionalPages.Find(key) is not { } entry)
        {
            return false;
        }
        Entry = entry;
        Stored = await db.Pages.AsNoTracking().Include(p => p.Versions).FirstOrDefaultAsync(p => p.Key == entry.Slug, ct);
        IsDefault = Stored?.Versions.Any(v => v.Language == (Cultures.IsSupported(Input.Language) ? Input.Language : Cultures.Default)) != true;
        return true;
    }
}
