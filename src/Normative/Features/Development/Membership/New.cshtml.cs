using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;

namespace Normative.Features.Development.Membership;

/// <summary>/members/new: an administrator creates a member body.</summary>
[Authorize(Roles = Roles.Administrator)]
public class NewModel(NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    [BindProperty]
    public MemberBodyInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await MemberBodyActions.CreateAsync(db, Input.ToDraft(), User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(MemberBodyInput.FieldFor(result.Error.Key), t[result.Error.Key, result.Error.Args]);
            Response.StatusCode = result.Error.Status;
            return Page();
        }
        TempData.SetNotice(t["Notice.MemberCreated", result.Value.Acronym]);
        return Redirect(DevelopmentLinks.Member(result.Value.CountryCode));
    }
}
