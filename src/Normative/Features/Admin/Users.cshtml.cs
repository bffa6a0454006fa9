using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;

namespace Normative.Features.Admin;

/// <summary>Accounts and their roles; administrators grant and withdraw roles here.</summary>
public class UsersModel(NormativeDb db, UserManager<User> users, SignInManager<User> signIn, IStringLocalizer<SiteText> t) : PageModel
{
    public sealed record Row(string Id, string Email, string? Name, bool Confirmed, bool LockedOut, IReadOnlyList<string> Roles);

    public List<Row> Rows { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty]
    public RolesInput Input { get; set; } = new();

    /// <summary>One row's form: the user and the roles ticked.</summary>
    public sealed class RolesInput
    {
        public string UserId { get; set; } = "";

        public List<string> Roles { get; set; } = [];
    }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostRolesAsync()
    {
        var user = await users.FindByIdAsync(Input.UserId);
        if (user is null)
        {
            return NotFound();
        }
        var wanted = Input.Roles.Select(Accounts.Roles.Find).OfType<string>().ToHashSet();
        var current = (await users.GetRolesAsync(user)).ToHashSet();
        // An administrator cannot take away their own administrator role and lock everyone out.
        if (user.Id == users.GetUserId(User) && current.Contains(Accounts.Roles.Administrator) && !wanted.Contains(Accounts.Roles.Administrator))
        {
            wanted.Add(Accounts.Roles.Administrator);
        }
        var removed = current.Except(wanted).ToList();
        var added = wanted.Except(current).ToList();
        await users.RemoveFromRolesAsync(user, removed);
        await users.AddToRolesAsync(user, added);
        if (removed.Count + added.Count > 0)
        {
            // New privileges, new session: the account's sign-ins end at their next check
            // (SecurityStampValidator), so no session keeps a role it no longer has.
            await users.UpdateSecurityStampAsync(user);
            if (user.Id == users.GetUserId(User))
            {
                await signIn.RefreshSignInAsync(user);
            }
        }
        TempData.SetNotice(t["Admin.Users.Saved", user.Email!]);
        return RedirectToPage(new { q = Q });
    }

    private async Task LoadAsync()
    {
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToLowerInvariant();
            query = query.Where(u => u.NormalizedEmail!.ToLower().Contains(q) || (u.DisplayName != null && u.DisplayName.ToLower().Contains(q)));
        }
        var now = DateTimeOffset.UtcNow;
        Rows = await query.OrderBy(u => u.Email).Take(200)
            .Select(u => new Row(u.Id, u.Email!, u.DisplayName, u.EmailConfirmed, u.LockoutEnd != null && u.LockoutEnd > now,
                (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == u.Id select r.Name!).ToList()))
            .ToListAsync();
    }
}
