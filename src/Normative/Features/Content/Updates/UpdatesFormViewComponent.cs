using Microsoft.AspNetCore.Mvc;

namespace Normative.Features.Content.Updates;

/// <summary>The footer's first column on every page: sign up for email updates, a plain form that needs no script.</summary>
public sealed class UpdatesFormViewComponent : ViewComponent
{
    public IViewComponentResult Invoke() => View("~/Features/Content/Updates/_UpdatesForm.cshtml");
}
