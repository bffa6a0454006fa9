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
/// A page's revisions in one language, newest first, each with the lines it changed from the one
/// before, and its changes of status. Restore saves an old text as a new revision: history is never rewritten.
/// </summary>
public class HistoryModel(NormativeDb db, PageDirectory directory, IOutputCacheStore cache, IStringLocalizer<ContentText> t, TimeProvider clock) : PageModel
{
    public sealed record Item(PageRevision Revision, string? Who, IReadOnlyList<PageChange> Changes);

    public InstitutionalPages.Entry Entry { get; private set; } = null!;

    public string Language { get; private set; } = Cultures.Default;

    public IReadOnlyList<Item> Items { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, string? language, CancellationToken ct)
    {
        if (InstitutionalPages.Find(key) is not { } entry)
        {
            return NotFound();
        }
        Entry = entry;
        Language = Cultures.IsSupported(language) ? language!.ToLowerInvariant() : Cultures.Default;
        var revisions = await db.PageRevisions.AsNoTracking()
            .Where(r => r.PageKey == entry.Slug && (r.Language == Language || r.Language == null))
            .OrderBy(r => r.Id).ToListAsync(ct);
        var people = revisions.Select(r => r.By).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.UserName, ct);
        var items = new List<Item>();
        PageText? before = null;
        foreach (var revision in revisions)
        {
            var changes = (IReadOnlyList<PageChange>)[];
            if (revision is { Title: { } title, Summary: { } summary, Body: { } body })
            {
                var text = new PageText(title, summary, body);
                changes = PageChange.Between(before, text);
                before = text;
            }
            items.Add(new Item(revision, revision.By is null ? null : names.GetValueOrDefault(revision.By), changes));
        }
        items.Reverse();
        Items = items;
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(string key, long revision, string? language, CancellationToken ct)
    {
        if (InstitutionalPages.Find(key) is not { } entry)
        {
            return NotFound();
        }
        language = Cultures.IsSupported(language) ? language!.ToLowerInvariant() : Cultures.Default;
        if (!await PageActions.RestoreAsync(db, entry.Slug, revision, User.UserId(), clock.GetUtcNow(), ct))
        {
            TempData.SetNotice(t["Pages.NoSuchRevision"], NoticeKind.Warn);
            return Redirect(ContentLinks.PageHistory(entry.Key, language));
        }
        await directory.ChangedAsync(db, cache, ct);
        TempData.SetNotice(t["Pages.Restored", revision]);
        return Redirect(ContentLinks.PageHistory(entry.Key, language));
    }
}
