using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Accounts;

/// <summary>My account: who I am, my roles, two-factor sign-in, my password and my personal API tokens.</summary>
[Authorize]
public class IndexModel(UserManager<User> users, SignInManager<User> signIn, NormativeDb db, TimeProvider clock, IStringLocalizer<SiteText> t) : PageModel
{
    public User Account { get; private set; } = null!;
    public IList<string> RoleNames { get; private set; } = [];
    public List<ApiToken> Tokens { get; private set; } = [];
    /// <summary>A token just created: shown once, never stored.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty]
    public TokenInput NewToken { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    public sealed class TokenInput
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.TokenName")]
        public string Name { get; set; } = "";
    }

    public sealed class PasswordInput
    {
        [Required(ErrorMessage = "Validation.Required"), DataType(DataType.Password), Display(Name = "Field.CurrentPassword")]
        public string Current { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [DataType(DataType.Password), Display(Name = "Field.NewPassword")]
        public string New { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : Challenge();

    public async Task<IActionResult> OnPostCreateTokenAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        ClearOtherForms(nameof(NewToken));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (Tokens.Count(x => x.RevokedAt is null) >= 20)
        {
            ModelState.AddModelError("NewToken.Name", t["Account.Tokens.TooMany", 20]);
            return Page();
        }
        var (_, secret) = await ApiTokens.CreateAsync(db, Account.Id, NewToken.Name, clock.GetUtcNow());
        // The one POST answered with a page, not a redirect: the secret is shown once and kept
        // nowhere (only its hash is stored), so it cannot travel through a redirect.
        NewSecret = secret;
        NewToken = new TokenInput();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeTokenAsync(long id)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        if (await ApiTokens.RevokeAsync(db, Account.Id, id, clock.GetUtcNow()))
        {
            TempData.SetNotice(t["Account.Tokens.Revoked"]);
        }
        return RedirectToPage(null, null, "tokens");
    }

    public async Task<IActionResult> OnPostChangePasswordAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        ClearOtherForms(nameof(Password));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var result = await users.ChangePasswordAsync(Account, Password.Current, Password.New);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
            {
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? "Password.Current" : "Password.New", e.Description);
            }
            return Page();
        }
        await signIn.RefreshSignInAsync(Account);
        TempData.SetNotice(t["Account.Password.Changed"]);
        return RedirectToPage();
    }

    /// <summary>The page holds several forms; only the posted one is validated.</summary>
    private void ClearOtherForms(string keep)
    {
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith(keep + ".", StringComparison.Ordinal)).ToList())
        {
            ModelState.Remove(key);
        }
    }

    private async Task<bool> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return false;
        }
        Account = user;
        RoleNames = await users.GetRolesAsync(user);
        Tokens = await db.ApiTokens.AsNoTracking().Where(x => x.UserId == user.Id).OrderByDescending(x => x.CreatedAt).ToListAsync();
        return true;
    }
}
