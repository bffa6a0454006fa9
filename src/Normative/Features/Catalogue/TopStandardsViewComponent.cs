using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>The Editors' "Top standards", for the home page and the catalogue's front page.</summary>
public sealed class TopStandardsViewComponent(NormativeDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var list = await (from t in db.TopStandards
                          join d in db.Deliverables on t.DeliverableId equals d.Id
                          orderby t.Position, d.SortKey
                          select d).AsNoTracking().ToListAsync(HttpContext.RequestAborted);
        return View("~/Features/Catalogue/_TopStandards.cshtml", list);
    }
}
