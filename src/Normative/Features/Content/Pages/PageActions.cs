using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Content.Pages;

/// <summary>What Editors (and the defaults loader) do to pages: each change is a new revision, history is never rewritten.</summary>
public static class PageActions
{
    /// <summary>
    /// Saves the text of <paramref name="key"/> in <paramref name="language"/> as its version and as
    /// a new revision. The first save of a language that had a default text records that default
    /// first, so the history shows what changed and the default can be restored.
    /// </summary>
    public static async Task SaveAsync(NormativeDb db, string key, string language, PageText text, string? by, DateTimeOffset now,
        PageRevisionKind kind = PageRevisionKind.Saved, long? restoredFrom = null, CancellationToken ct = default)
    {
        var page = await LoadAsync(db, key, now, ct);
        var version = page.Versions.FirstOrDefault(v => v.Language == language);
        if (version is null)
        {
            if (PageDefaults.Get(key, language) is { } original && kind != PageRevisionKind.Default)
            {
                page.Revisions.Add(Revision(key, language, original, null, now, PageRevisionKind.Default));
            }
            version = new PageVersion { PageKey = key, Language = language, Title = "", Summary = "", Body = "" };
            page.Versions.Add(version);
        }
        version.Title = text.Title.Trim();
        version.Summary = text.Summary.Trim();
        version.Body = text.Body;
        version.UpdatedAt = now;
        page.UpdatedAt = now;
        var revision = Revision(key, language, text, by, now, kind);
        revision.RestoredFrom = restoredFrom;
        page.Revisions.Add(revision);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Brings back the text of a revision as a new revision; false when there is no such text revision of the page.</summary>
    public static async Task<bool> RestoreAsync(NormativeDb db, string key, long revisionId, string? by, DateTimeOffset now, CancellationToken ct = default)
    {
        var old = await db.PageRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == revisionId && r.PageKey == key, ct);
        if (old is not { Language: { } language, Title: { } title, Summary: { } summary, Body: { } body })
        {
            return false;
        }
        await SaveAsync(db, key, language, new PageText(title, summary, body), by, now, PageRevisionKind.Restored, old.Id, ct);
        return true;
    }

    public static async Task SetStatusAsync(NormativeDb db, string key, PageStatus status, string? by, DateTimeOffset now, CancellationToken ct = default)
    {
        var page = await LoadAsync(db, key, now, ct);
        if (page.Status == status)
        {
            return;
        }
        page.Status = status;
        page.UpdatedAt = now;
        page.Revisions.Add(new PageRevision { PageKey = key, At = now, By = by, Kind = status == PageStatus.Hidden ? PageRevisionKind.Hidden : PageRevisionKind.Published });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Stores the built-in default text of every page in every language that has none stored yet;
    /// a text an Editor saved is never overwritten. Returns how many texts it stored.
    /// </summary>
    public static async Task<int> LoadDefaultsAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        var stored = (await db.PageVersions.Select(v => new { v.PageKey, v.Language }).ToListAsync(ct))
            .Select(v => v.PageKey + "." + v.Language).ToHashSet(StringComparer.Ordinal);
        var pages = await db.Pages.ToDictionaryAsync(p => p.Key, ct);
        var added = 0;
        foreach (var entry in InstitutionalPages.All)
        {
            foreach (var (language, _) in Cultures.Supported)
            {
                if (stored.Contains(entry.Slug + "." + language) || PageDefaults.Get(entry.Slug, language) is not { } text)
                {
                    continue;
                }
                if (!pages.TryGetValue(entry.Slug, out var page))
                {
                    page = new SitePage { Key = entry.Slug, Status = PageStatus.Published, UpdatedAt = now };
                    db.Pages.Add(page);
                    pages[entry.Slug] = page;
                }
                page.Versions.Add(new PageVersion { PageKey = entry.Slug, Language = language, Title = text.Title, Summary = text.Summary, Body = text.Body, UpdatedAt = now });
                page.Revisions.Add(Revision(entry.Slug, language, text, null, now, PageRevisionKind.Default));
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static async Task<SitePage> LoadAsync(NormativeDb db, string key, DateTimeOffset now, CancellationToken ct)
    {
        var page = await db.Pages.Include(p => p.Versions).FirstOrDefaultAsync(p => p.Key == key, ct);
        if (page is null)
        {
            page = new SitePage { Key = key, Status = PageStatus.Published, UpdatedAt = now };
            db.Pages.Add(page);
        }
        return page;
    }

    private static PageRevision Revision(string key, string language, PageText text, string? by, DateTimeOffset now, PageRevisionKind kind) =>
        new() { PageKey = key, Language = language, At = now, By = by, Kind = kind, Title = text.Title.Trim(), Summary = text.Summary.Trim(), Body = text.Body };
}
