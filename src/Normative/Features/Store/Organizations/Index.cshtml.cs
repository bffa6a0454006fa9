using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;
using Normative.Features.Store.Tax;

namespace Normative.Features.Store.Organizations;

/// <summary>My organisations: those I belong to, and the form that creates one with me as its administrator.</summary>
[Authorize]
public class IndexModel(NormativeDb db, UserManager<User> users, TaxRegime regime, TimeProvider clock, IStringLocalizer<OrganizationText> o) : PageModel
{
    public sealed class InputModel
    {
        public string? Name { get; set; }
        public string? Country { get; set; }
        public string? VatNumber { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<OrganizationActions.Membership> Memberships { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Input.Country = regime.SellerCountry;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        // The rules say what is wrong in the store's words, not the model binder's.
        ModelState.Clear();
        var (details, problems) = OrganizationRules.Check(Input.Name, Input.Country, Input.VatNumber, Countries.IsKnown);
        foreach (var p in problems)
        {
            ModelState.AddModelError("Input." + p.Field, o[p.Key]);
        }
        if (details is null)
        {
            await LoadAsync();
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var organization = await OrganizationActions.CreateAsync(db, details, user, clock.GetUtcNow(), HttpContext.RequestAborted);
        TempData.SetNotice(o["Organizations.Created", organization.Name]);
        return Redirect(OrganizationLinks.Details(organization.Id));
    }

    private async Task LoadAsync() => Memberships = await OrganizationActions.OfUserAsync(db, User.UserId(), HttpContext.RequestAborted);
}
