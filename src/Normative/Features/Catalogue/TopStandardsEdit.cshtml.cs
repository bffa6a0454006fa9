using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue;

/// <summary>/standards/top/edit: Editors choose and order the "Top standards" shown on the home page.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class TopStandardsEditModel(NormativeDb db, CatalogueVersion version, TimeProvider clock, IStringLocalizer<CatalogueText> text) : PageModel
{
    public const int MaxEntries = 20;

    public List<Deliverable> Entries { get; private set; } = [];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? Reference { get; set; }
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Input.Reference))
        {
            ModelState.AddModelError("Input.Reference", text["Top.EnterReference"]);
            await LoadAsync(ct);
            return Page();
        }
        var id = await DeliverableFinder.FindAsync(db, Input.Reference, ct);
        var count = await db.TopStandards.CountAsync(ct);
        if (id is null)
        {
            ModelState.AddModelError("Input.Reference", text["Top.NotFound", Input.Reference]);
        }
        else if (await db.TopStandards.AnyAsync(t => t.DeliverableId == id, ct))
        {
            ModelState.AddModelError("Input.Reference", text["Top.AlreadyListed"]);
        }
        else if (count >= MaxEntries)
        {
            ModelState.AddModelError("Input.Reference", text["Top.Full", MaxEntries]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var last = await db.TopStandards.Select(t => (int?)t.Position).MaxAsync(ct) ?? 0;
        db.TopStandards.Add(new TopStandard { DeliverableId = id!.Value, Position = last + 1, AddedAt = clock.GetUtcNow(), AddedBy = User.Identity?.Name });
        await db.SaveChangesAsync(ct);
        await version.RefreshAsync(ct);
        TempData.SetNotice(text["Top.Added"]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken ct)
    {
        await db.TopStandards.Where(t => t.DeliverableId == id).ExecuteDeleteAsync(ct);
        await RenumberAsync(null, 0, ct);
        TempData.SetNotice(text["Top.Removed"]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int by, CancellationToken ct)
    {
        await RenumberAsync(id, Math.Sign(by), ct);
        TempData.SetNotice(text["Top.Moved"]);
        return RedirectToPage();
    }

    /// <summary>Positions become 1, 2, 3 … with <paramref name="moved"/> swapped one place up (-1) or down (+1).</summary>
    private async Task RenumberAsync(int? moved, int by, CancellationToken ct)
    {
        var all = await db.TopStandards.OrderBy(t => t.Position).ThenBy(t => t.DeliverableId).ToListAsync(ct);
        var index = moved is null ? -1 : all.FindIndex(t => t.DeliverableId == moved);
        var target = index + by;
        if (index >= 0 && by != 0 && target >= 0 && target < all.Count)
        {
            (all[index], all[target]) = (all[target], all[index]);
        }
        for (var i = 0; i < all.Count; i++)
        {
            all[i].Position = i + 1;
        }
        await db.SaveChangesAsync(ct);
        await version.RefreshAsync(ct);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Entries = await (from t in db.TopStandards
                         join d in db.Deliverables on t.DeliverableId equals d.Id
                         orderby t.Position
                         select d).AsNoTracking().ToListAsync(ct);
}
