using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Content.Articles;
using Normative.Features.Shared;

namespace Normative.Features.Content.Events.Editor;

/// <summary>Create or change an event. A refused save gives the form back as typed.</summary>
public class EditModel(NormativeDb db, CatalogueVersion cacheVersion, IStringLocalizer<ContentText> t, TimeProvider clock) : PageModel
{
    /// <summary>Addresses under /events/ that are pages of their own.</summary>
    private static readonly string[] Reserved = ["past", "calendar.ics"];

    [BindProperty]
    public EventInput Input { get; set; } = new();

    public Event? Event { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id)
    {
        if (id is null)
        {
            return Page();
        }
        Event = await db.Events.FindAsync(id.Value);
        if (Event is null)
        {
            return NotFound();
        }
        Input = new EventInput
        {
            Slug = Event.Slug,
            Title = Event.Title,
            Description = Event.Description,
            StartsAt = Event.StartsAt.UtcDateTime,
            EndsAt = Event.EndsAt.UtcDateTime,
            Place = Event.Place,
            OnlineUrl = Event.OnlineUrl,
            Sectors = [.. Event.Sectors],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id)
    {
        if (id is not null && (Event = await db.Events.FindAsync(id.Value)) is null)
        {
            return NotFound();
        }
        Input.Slug = Input.Slug.Trim().ToLowerInvariant();
        Input.Place = string.IsNullOrWhiteSpace(Input.Place) ? null : Input.Place.Trim();
        Input.OnlineUrl = string.IsNullOrWhiteSpace(Input.OnlineUrl) ? null : Input.OnlineUrl.Trim();
        if (!ArticleRules.IsSlug(Input.Slug) || Reserved.Contains(Input.Slug))
        {
            ModelState.AddModelError("Input.Slug", t["Articles.BadSlug"]);
        }
        else if (await db.Events.AnyAsync(e => e.Slug == Input.Slug && e.Id != (id ?? 0)))
        {
            ModelState.AddModelError("Input.Slug", t["Articles.SlugTaken"]);
        }
        if (Input.StartsAt is { } starts && Input.EndsAt is { } ends && ends < starts)
        {
            ModelState.AddModelError("Input.EndsAt", t["Events.EndsBeforeStart"]);
        }
        if (Input.Place is null && Input.OnlineUrl is null)
        {
            ModelState.AddModelError("Input.Place", t["Events.NeedsPlace"]);
        }
        if (Input.OnlineUrl is not null && !EventRules.IsWebLink(Input.OnlineUrl))
        {
            ModelState.AddModelError("Input.OnlineUrl", t["Events.BadLink"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var now = clock.GetUtcNow();
        var e = Event;
        if (e is null)
        {
            e = new Event { Slug = Input.Slug, Title = "", Description = "", CreatedAt = now };
            db.Events.Add(e);
        }
        e.Slug = Input.Slug;
        e.Title = Input.Title.Trim();
        e.Description = Input.Description;
        e.StartsAt = new DateTimeOffset(DateTime.SpecifyKind(Input.StartsAt!.Value, DateTimeKind.Utc));
        e.EndsAt = new DateTimeOffset(DateTime.SpecifyKind(Input.EndsAt!.Value, DateTimeKind.Utc));
        e.Place = Input.Place;
        e.OnlineUrl = Input.OnlineUrl;
        e.Sectors = Input.Sectors.Where(s => Sector.All.Any(x => x.Slug == s)).Distinct().ToList();
        e.UpdatedAt = now;
        await db.SaveChangesAsync();
        await cacheVersion.RefreshAsync(); // this instance shows the change at once; others within a version poll
        TempData.SetNotice(t["Events.Saved"]);
        return Redirect(ContentLinks.EditEvent(e.Id));
    }
}
