using Microsoft.AspNetCore.Mvc;
using Normative.Features.Catalogue;

namespace Normative.Features.Development.Committees;

/// <summary>On the catalogue's committee page: links to the committee's members and work programme.</summary>
public sealed class CommitteeLinksViewComponent : ViewComponent
{
    public IViewComponentResult Invoke(Committee committee) =>
        View("~/Features/Development/Committees/CommitteeLinks.cshtml", committee);
}
