using Microsoft.AspNetCore.Mvc;

namespace Normative.Features.Accounts;

/// <summary>The header's account links: "My account" and "Sign out", or "Sign in".</summary>
public sealed class AccountMenuViewComponent : ViewComponent
{
    public IViewComponentResult Invoke() => View("~/Features/Accounts/AccountMenu.cshtml");
}
