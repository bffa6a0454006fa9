using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Features.Development.Committees;

/// <summary>/committees/{slug}/settings: administrators set a committee's secretariat, chair and manager.</summary>
[Authorize(Policy = Policies.Administrator)]
public class SettingsModel(NormativeDb db, UserManager<User> users, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public CommitteeHeader Header { get; private set; } = null!;
    public List<MemberBody> Bodies { get; private set; } = [];

    /// <summary>The committee's secretariat (a member body's acronym), chair and manager (an account's e-mail address).</summary>
    public sealed class InputModel
    {
        public string? Secretariat { get; set; }

        public string? Chair { get; set; }

        [EmailAddress(ErrorMessage = "Validation.Email")]
        public string? ManagerEmail { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        var c = Header.Committee;
        Input.Secretariat = Header.Secretariat?.Acronym;
        Input.Chair = c.Chair;
        Input.ManagerEmail = c.ManagerUserId is null ? null : await db.Users.Where(u => u.Id == c.ManagerUserId).Select(u => u.Email).FirstOrDefaultAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        var id = Header.Committee.Id;
        MemberBody? secretariat = null;
        if (!string.IsNullOrWhiteSpace(Input.Secretariat))
        {
            secretariat = Bodies.FirstOrDefault(b => b.Acronym == Input.Secretariat);
            if (secretariat is null || secretariat.Category != MemberCategory.MemberBody)
            {
                ModelState.AddModelError("Input.Secretariat", t["Error.Committee.Secretariat", Input.Secretariat]);
            }
        }
        if ((Input.Chair?.Trim().Length ?? 0) > 200)
        {
            ModelState.AddModelError("Input.Chair", t["Error.Committee.Chair"]);
        }
        User? manager = null;
        if (ModelState.IsValid && !string.IsNullOrWhiteSpace(Input.ManagerEmail))
        {
            manager = await users.FindByEmailAsync(Input.ManagerEmail.Trim());
            if (manager is null)
            {
                ModelState.AddModelError("Input.ManagerEmail", t["Members.Delegates.NoAccount", Input.ManagerEmail]);
            }
        }
        if (!ModelState.IsValid)
        {
            // The form keeps what was typed; the committee is as it was.
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (manager is not null && !await users.IsInRoleAsync(manager, Roles.CommitteeManager))
        {
            await users.AddToRoleAsync(manager, Roles.CommitteeManager);
        }
        var committee = await db.Committees.SingleAsync(c => c.Id == id);
        committee.SecretariatMemberBodyId = secretariat?.Id;
        committee.Secretariat = secretariat?.Acronym ?? committee.Secretariat;
        committee.Chair = string.IsNullOrWhiteSpace(Input.Chair) ? null : Input.Chair.Trim();
        committee.ManagerUserId = manager?.Id;
        await db.SaveChangesAsync();
        TempData.SetNotice(t["Committee.Saved"]);
        return Redirect(DevelopmentLinks.CommitteeSettings(slug));
    }

    private async Task<bool> LoadAsync(string slug)
    {
        var header = await CommitteeHeader.LoadAsync(db, slug, "settings", User, HttpContext.RequestAborted);
        if (header is null)
        {
            return false;
        }
        Header = header;
        Bodies = await db.MemberBodies.AsNoTracking().Where(b => b.Category == MemberCategory.MemberBody).OrderBy(b => b.Acronym).ToListAsync();
        return true;
    }
}
