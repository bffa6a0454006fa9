using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;

namespace Normative.Features.Store.Organizations;

/// <summary>
/// The invitation's link: who invites whom to which organisation. Someone signed out is asked to
/// sign in (or to create an account with the invited address); the person signed in with that
/// address accepts it and becomes a member.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Normative.Web.AnonymousLimits.TokenLinksPolicy)]
public class InvitationModel(NormativeDb db, UserManager<User> users, TimeProvider clock, IStringLocalizer<OrganizationText> o) : PageModel
{
    public OrganizationInvitation? Invitation { get; private set; }
    public string? OrganizationName { get; private set; }
    /// <summary>Why it cannot be accepted now, as a resource key; null when it can.</summary>
    public string? Problem { get; private set; }
    public bool SignedIn { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        await LoadAsync(token);
        return Invitation is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        var (organizationId, problem) = await OrganizationActions.AcceptAsync(db, token, user, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (organizationId is null)
        {
            await LoadAsync(token);
            if (Invitation is null)
            {
                return NotFound();
            }
            Problem = problem;
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }
        var name = await db.Organizations.Where(x => x.Id == organizationId).Select(x => x.Name).SingleAsync();
        TempData.SetNotice(o["Invitation.Accepted", name]);
        return Redirect(OrganizationLinks.Details(organizationId.Value));
    }

    private async Task LoadAsync(string token)
    {
        Invitation = await OrganizationActions.FindInvitationAsync(db, token, HttpContext.RequestAborted);
        if (Invitation is null)
        {
            return;
        }
        OrganizationName = await db.Organizations.Where(x => x.Id == Invitation.OrganizationId).Select(x => x.Name).SingleAsync();
        SignedIn = User.Identity?.IsAuthenticated == true;
        var email = SignedIn ? (await users.GetUserAsync(User))?.Email : Invitation.Email;
        Problem = OrganizationRules.CheckAcceptance(Invitation, email, clock.GetUtcNow());
    }
}
