using Microsoft.AspNetCore.Mvc;

namespace Normative.Features.Site;

/// <summary>The footer's first column: stay informed, with the way to sign up for email updates.</summary>
public sealed class StayInformedViewComponent : ViewComponent
{
    public IViewComponentResult Invoke() => View("~/Features/Site/StayInformed.cshtml");
}
