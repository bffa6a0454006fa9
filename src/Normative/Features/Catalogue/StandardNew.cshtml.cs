using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.Editing;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue;

/// <summary>/standards/new: an Editor creates a deliverable (a national standard, a Guide …) with the import's checks and the catalogue's.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class StandardNewModel(NormativeDb db, CatalogueVersion version, TimeProvider clock, IStringLocalizer<CatalogueText> text) : PageModel
{
    [BindProperty]
    public DeliverableForm Input { get; set; } = new() { DeliverableType = nameof(Identifiers.DeliverableType.IS), Stage = "60.60" };

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var id = (await db.Database.SqlQuery<long>($"SELECT nextval('deliverable_local_ids') AS \"Value\"").ToListAsync(ct)).Single();
        var problems = new List<DeliverableProblem>();
        var record = await Input.ReadAsync(db, (int)id, problems, ct);
        if (record is not null)
        {
            problems.AddRange(await DeliverableChecks.CheckAsync(db, record, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct));
        }
        if (record is null || problems.Count > 0)
        {
            foreach (var p in problems)
            {
                ModelState.AddModelError("Input." + DeliverableForm.PropertyFor(p.Field, nameof(DeliverableForm.Reference)), text[p.Key, p.Args]);
            }
            return Page();
        }
        var d = new Deliverable { Id = record.Id, DeliverableType = record.DeliverableType, Reference = record.Reference, TitleEn = record.TitleEn };
        db.Deliverables.Add(d);
        // The history starts with every field the Editor filled in, from nothing.
        var nothing = new DeliverableRecord(record.Id, "", null, "", "", null, null, null, [], null, 0, [], [], [], null, null, null, null, []);
        var by = User.Email() ?? User.Identity?.Name ?? "?";
        var at = clock.GetUtcNow();
        DeliverableEdits.Apply(d, record);
        db.DeliverableChanges.AddRange(DeliverableEdits.Diff(nothing, record).Select(c => new DeliverableChange
        {
            DeliverableId = d.Id, At = at, By = by, Field = c.Field, OldValue = null, NewValue = c.NewValue,
        }));
        await db.SaveChangesAsync(ct);
        await DeliverableEdits.AddTitleWordsAsync(db, DeliverableEdits.TitlesOf(record), ct);
        await version.RefreshAsync(ct);
        TempData.SetNotice(text["New.Created", record.Reference]);
        return Redirect(CatalogueLinks.Standard(d.Id));
    }
}
