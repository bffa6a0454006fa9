using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.Editing;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue;

/// <summary>
/// /standard/{id}/edit: an Editor changes any field of a deliverable. Bad values come back next to
/// their fields; a form filled from an older version of the record (another Editor or an import
/// saved since) is refused and shows what differs; each changed field is kept in the history.
/// </summary>
[Authorize(Policy = Policies.Editor)]
public sealed class StandardEditModel(NormativeDb db, CatalogueVersion version, TimeProvider clock, IStringLocalizer<CatalogueText> text) : PageModel
{
    public Deliverable Deliverable { get; private set; } = null!;

    /// <summary>When the save was refused as stale: each field as it is now against the value in the form.</summary>
    public List<FieldChange> Conflict { get; private set; } = [];

    [BindProperty]
    public DeliverableForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var d = await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return NotFound();
        }
        Deliverable = d;
        Input = await DeliverableForm.FromAsync(db, d, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var d = await db.Deliverables.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return NotFound();
        }
        Deliverable = d;
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var problems = new List<DeliverableProblem>();
        var record = await Input.ReadAsync(db, id, problems, ct);
        if (record is not null)
        {
            problems.AddRange(await DeliverableChecks.CheckAsync(db, record, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));
        }
        if (record is null || problems.Count > 0)
        {
            AddErrors(problems);
            return Page();
        }
        if (d.RowVersion != Input.RowVersion)
        {
            return Stale(d, record);
        }
        var changes = DeliverableEdits.Change(db, d, record, User.Email() ?? User.Identity?.Name ?? "?", clock.GetUtcNow());
        if (changes.Count == 0)
        {
            TempData.SetNotice(text["Edit.NothingChanged"]);
            return Redirect(CatalogueLinks.Standard(id));
        }
        db.Entry(d).Property(x => x.RowVersion).OriginalValue = Input.RowVersion;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Saved by someone else between our read and our write: show the record as it is now.
            db.ChangeTracker.Clear();
            var now = await db.Deliverables.AsNoTracking().FirstAsync(x => x.Id == id, ct);
            Deliverable = now;
            return Stale(now, record);
        }
        if (changes.Any(DeliverableEdits.IsTitle))
        {
            await DeliverableEdits.AddTitleWordsAsync(db, DeliverableEdits.TitlesOf(record), ct);
        }
        await version.RefreshAsync(ct);
        TempData.SetNotice(text["Edit.Saved", d.Reference, changes.Count]);
        return Redirect(CatalogueLinks.Standard(id));
    }

    /// <summary>The label of an open-data field in the page's language.</summary>
    public string Label(string field) => CatalogueFormat.FieldLabel(text, field);

    private PageResult Stale(Deliverable now, OpenData.DeliverableRecord yours)
    {
        Conflict = DeliverableEdits.Diff(DeliverableEdits.Snapshot(now), yours);
        // Saving this form again is a deliberate choice to overwrite what is there now.
        ModelState.Remove("Input.RowVersion");
        Input.RowVersion = now.RowVersion;
        ModelState.AddModelError("", text["Edit.Stale"]);
        return Page();
    }

    private void AddErrors(IEnumerable<DeliverableProblem> problems)
    {
        foreach (var p in problems)
        {
            var property = DeliverableForm.PropertyFor(p.Field, "");
            ModelState.AddModelError(property.Length == 0 ? "" : "Input." + property, text[p.Key, p.Args]);
        }
    }
}
