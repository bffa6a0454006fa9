using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>The Editors' "Top standards", for the home page and the catalogue's front page.</summary>
public sealed class TopStandardsViewComponent(NormativeDb db) : ViewComponent
{
    /// <param name="browseLink">Whether to end with a link to the catalogue (not on the catalogue's own page).</param>
    public async Task<IViewComponentResult> InvokeAsync(bool browseLink = true)
    {
        ViewData["BrowseLink"] = browseLink;
        var list = await (from t in db.TopStandards
                          join d in db.Deliverables on t.DeliverableId equals d.Id
                          orderby t.Position, d.SortKey
                          select d).AsNoTracking().ToListAsync(HttpContext.RequestAborted);
        return View("~/Features/Catalogue/_TopStandards.cshtml", list);
    }
}
