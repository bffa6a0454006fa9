using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Store.Offers;

/// <summary>A deliverable in the store: reference, title, status (withdrawn ones marked, with their replacement) and its offers.</summary>
public class ProductModel(NormativeDb db) : PageModel
{
    public Deliverable Deliverable { get; private set; } = null!;
    public List<Deliverable> Successors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var d = await db.Deliverables.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id);
        if (d is null)
        {
            return NotFound();
        }
        Deliverable = d;
        Successors = d.ReplacedBy.Count == 0 ? [] : await db.Deliverables.AsNoTracking().Where(x => d.ReplacedBy.Contains(x.Id)).ToListAsync();
        return Page();
    }
}
