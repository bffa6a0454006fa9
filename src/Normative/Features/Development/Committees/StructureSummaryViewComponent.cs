using Microsoft.AspNetCore.Mvc;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Development.Committees;

/// <summary>The "structure" page's live part, after its text: the figures and the technical committees (<see cref="StructureSummary"/>).</summary>
public sealed class StructureSummaryViewComponent(NormativeDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View("~/Features/Development/Committees/_StructureSummary.cshtml", await StructureSummary.ReadAsync(db, Cultures.Current, HttpContext.RequestAborted));
}
