using Microsoft.AspNetCore.Mvc;
using Normative.Data;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Committees;

/// <summary>On a committee's overview: its secretariat (the member body) and its officers.</summary>
public sealed class CommitteeOfficersViewComponent(NormativeDb db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Committee committee)
    {
        ArgumentNullException.ThrowIfNull(committee);
        var header = await CommitteeHeader.LoadAsync(db, committee.Id, "overview", UserClaimsPrincipal, HttpContext.RequestAborted);
        return View("~/Features/Development/Committees/CommitteeOfficers.cshtml", header!);
    }
}
