using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.Editing;

namespace Normative.Features.Catalogue;

/// <summary>/standard/{id}/history: every change Editors made to a deliverable, newest first — who, when, which field, from what to what.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class StandardHistoryModel(NormativeDb db, IStringLocalizer<CatalogueText> text) : PageModel
{
    public const int Shown = 500;

    public Deliverable Deliverable { get; private set; } = null!;
    public List<DeliverableChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var d = await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return NotFound();
        }
        Deliverable = d;
        Changes = await db.DeliverableChanges.AsNoTracking().Where(c => c.DeliverableId == id)
            .OrderByDescending(c => c.At).ThenBy(c => c.Id).Take(Shown).ToListAsync(ct);
        return Page();
    }

    public string Label(string field) => CatalogueFormat.FieldLabel(text, field);
}
