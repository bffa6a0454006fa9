using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Committees;

/// <summary>/development/committees/{id}/settings: administrators set a committee's secretariat, chair and manager.</summary>
[Authorize(Policy = Policies.Administrator)]
public class SettingsModel(NormativeDb db, UserManager<User> users, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public CommitteeHeader Header { get; private set; } = null!;
    public List<MemberBody> Bodies { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    [BindProperty]
    public string? Secretariat { get; set; }

    [BindProperty]
    public string? Chair { get; set; }

    [BindProperty]
    public string? ManagerEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var c = Header.Committee;
        Secretariat = Header.Secretariat?.Acronym;
        Chair = c.Chair;
        ManagerEmail = c.ManagerUserId is null ? null : await db.Users.Where(u => u.Id == c.ManagerUserId).Select(u => u.Email).FirstOrDefaultAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var committee = await db.Committees.SingleAsync(c => c.Id == id);
        MemberBody? secretariat = null;
        if (!string.IsNullOrWhiteSpace(Secretariat))
        {
            secretariat = Bodies.FirstOrDefault(b => b.Acronym == Secretariat);
            if (secretariat is null || secretariat.Category != MemberCategory.MemberBody)
            {
                return Refuse(t["Error.Committee.Secretariat", Secretariat]);
            }
        }
        User? manager = null;
        if (!string.IsNullOrWhiteSpace(ManagerEmail))
        {
            manager = await users.FindByEmailAsync(ManagerEmail.Trim());
            if (manager is null)
            {
                return Refuse(t["Members.Delegates.NoAccount", ManagerEmail]);
            }
            if (!await users.IsInRoleAsync(manager, Roles.CommitteeManager))
            {
                await users.AddToRoleAsync(manager, Roles.CommitteeManager);
            }
        }
        if ((Chair?.Trim().Length ?? 0) > 200)
        {
            return Refuse(t["Error.Committee.Chair"]);
        }
        committee.SecretariatMemberBodyId = secretariat?.Id;
        committee.Secretariat = secretariat?.Acronym ?? committee.Secretariat;
        committee.Chair = string.IsNullOrWhiteSpace(Chair) ? null : Chair.Trim();
        committee.ManagerUserId = manager?.Id;
        await db.SaveChangesAsync();
        Message = t["Committee.Saved"];
        await LoadAsync(id);
        return Page();
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var header = await CommitteeHeader.LoadAsync(db, id, "settings", User, HttpContext.RequestAborted);
        if (header is null)
        {
            return false;
        }
        Header = header;
        Bodies = await db.MemberBodies.AsNoTracking().Where(b => b.Category == MemberCategory.MemberBody).OrderBy(b => b.Acronym).ToListAsync();
        return true;
    }
}
