using Microsoft.AspNetCore.Authorization;
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
/// One organisation, for its members: who belongs to it and its history. Its administrators also
/// invite people, withdraw invitations, remove members and name other administrators; a member may
/// leave. Anyone else gets 403, an unknown organisation 404.
/// </summary>
[Authorize]
public class DetailsModel(NormativeDb db, UserManager<User> users, OrganizationMail mail, TimeProvider clock, IStringLocalizer<OrganizationText> o) : PageModel
{
    public sealed class InviteInput
    {
        public string? Email { get; set; }
    }

    /// <summary>The invitation form, kept as typed when it is refused.</summary>
    [BindProperty]
    public InviteInput Invite { get; set; } = new();

    public Organization Organization { get; private set; } = null!;
    public OrganizationRole Role { get; private set; }
    public bool IsAdministrator => Role == OrganizationRole.Administrator;
    public string? UserId { get; private set; }
    public List<OrganizationActions.Member> Members { get; private set; } = [];
    public List<OrganizationInvitation> Invitations { get; private set; } = [];
    public List<OrganizationEvent> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostInviteAsync(int id)
    {
        if (await LoadAsync(id, administratorsOnly: true) is { } refusal)
        {
            return refusal;
        }
        var typed = Invite;
        ModelState.Clear();
        Invite = typed;
        var email = OrganizationRules.NormalizeEmail(Invite.Email);
        if (email is null)
        {
            return await RefusedAsync(id, "Invite.Email", o["Organizations.Error.Email"], StatusCodes.Status400BadRequest);
        }
        var inviter = await users.GetUserAsync(User);
        var (_, problem) = await OrganizationActions.InviteAsync(db, mail, Organization, email, inviter!, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (problem is not null)
        {
            return await RefusedAsync(id, "Invite.Email", o[problem, email], StatusCodes.Status409Conflict);
        }
        TempData.SetNotice(o["Organizations.Invited", email]);
        return Redirect(OrganizationLinks.Details(id));
    }

    public async Task<IActionResult> OnPostCancelInvitationAsync(int id, long invitation)
    {
        if (await LoadAsync(id, administratorsOnly: true) is { } refusal)
        {
            return refusal;
        }
        if (await OrganizationActions.CancelInvitationAsync(db, id, invitation, User.Identity!.Name!, clock.GetUtcNow(), HttpContext.RequestAborted))
        {
            TempData.SetNotice(o["Organizations.InvitationCancelled"]);
        }
        return Redirect(OrganizationLinks.Details(id));
    }

    /// <summary>An administrator removes a member; a member removes themselves (leaves).</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, string? userId)
    {
        if (await LoadAsync(id) is { } refusal)
        {
            return refusal;
        }
        var self = userId == UserId;
        if (!self && !IsAdministrator)
        {
            return Forbid();
        }
        var actor = await users.GetUserAsync(User);
        var problem = await OrganizationActions.RemoveAsync(db, id, userId ?? "", actor!, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (problem is not null)
        {
            return await RefusedAsync(id, string.Empty, o[problem], StatusCodes.Status409Conflict);
        }
        if (self)
        {
            TempData.SetNotice(o["Organizations.Left", Organization.Name]);
            return Redirect(OrganizationLinks.Index());
        }
        TempData.SetNotice(o["Organizations.Removed"]);
        return Redirect(OrganizationLinks.Details(id));
    }

    /// <summary>An administrator makes a member an administrator, or an administrator a member again.</summary>
    public async Task<IActionResult> OnPostRoleAsync(int id, string? userId, OrganizationRole role)
    {
        if (await LoadAsync(id, administratorsOnly: true) is { } refusal)
        {
            return refusal;
        }
        if (!Enum.IsDefined(role))
        {
            return BadRequest();
        }
        var actor = await users.GetUserAsync(User);
        var problem = await OrganizationActions.SetRoleAsync(db, id, userId ?? "", role, actor!, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (problem is not null)
        {
            return await RefusedAsync(id, string.Empty, o[problem], StatusCodes.Status409Conflict);
        }
        TempData.SetNotice(o[role == OrganizationRole.Administrator ? "Organizations.MadeAdministrator" : "Organizations.MadeMember"]);
        return Redirect(OrganizationLinks.Details(id));
    }

    /// <summary>The page again with the reason and nothing changed (the invitation form as typed).</summary>
    private async Task<IActionResult> RefusedAsync(int id, string field, string message, int status)
    {
        ModelState.AddModelError(field, message);
        await LoadAsync(id);
        return new PageResult { StatusCode = status };
    }

    /// <summary>Null when the page may be shown (or the post go ahead); else 404 or 403.</summary>
    private async Task<IActionResult?> LoadAsync(int id, bool administratorsOnly = false)
    {
        var ct = HttpContext.RequestAborted;
        var organization = await db.Organizations.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (organization is null)
        {
            return NotFound();
        }
        UserId = User.UserId();
        var role = await OrganizationActions.RoleOfAsync(db, id, UserId, ct);
        if (role is null || (administratorsOnly && role != OrganizationRole.Administrator))
        {
            return Forbid();
        }
        Organization = organization;
        Role = role.Value;
        Members = await OrganizationActions.MembersAsync(db, id, ct);
        if (IsAdministrator)
        {
            Invitations = await db.OrganizationInvitations.AsNoTracking()
                .Where(i => i.OrganizationId == id && i.AcceptedAt == null)
                .OrderBy(i => i.Email).ToListAsync(ct);
        }
        History = await db.OrganizationEvents.AsNoTracking().Where(e => e.OrganizationId == id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(ct);
        return null;
    }
}
