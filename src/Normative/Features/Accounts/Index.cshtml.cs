using System.Buffers.Text;
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

/// <summary>My account: who I am, my roles, two-factor sign-in, my passkeys, my password and my personal API tokens.</summary>
[Authorize]
public class IndexModel(UserManager<User> users, SignInManager<User> signIn, NormativeDb db, TimeProvider clock, IStringLocalizer<SiteText> t) : PageModel
{
    public User Account { get; private set; } = null!;
    public IList<string> RoleNames { get; private set; } = [];
    public List<ApiToken> Tokens { get; private set; } = [];
    public IList<UserPasskeyInfo> Passkeys { get; private set; } = [];

    /// <summary>At most this many passkeys per account.</summary>
    public const int MaxPasskeys = 20;
    /// <summary>A token just created: shown once, never stored.</summary>
    public string? NewSecret { get; private set; }

    [BindProperty]
    public TokenInput NewToken { get; set; } = new();

    [BindProperty]
    public PasswordInput Password { get; set; } = new();

    [BindProperty]
    public PasskeyInput NewPasskey { get; set; } = new();

    public sealed class PasskeyInput
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.PasskeyName")]
        public string Name { get; set; } = "";

        /// <summary>What <c>navigator.credentials.create()</c> answered (passkeys.js), as JSON.</summary>
        [StringLength(64 * 1024)]
        public string? CredentialJson { get; set; }
    }

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

    /// <summary>The WebAuthn creation options for passkeys.js.</summary>
    public async Task<IActionResult> OnPostPasskeyCreationOptionsAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = Account.Id,
            Name = Account.Email ?? Account.Id,
            DisplayName = Account.DisplayName ?? Account.Email ?? Account.Id,
        });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync()
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        ClearOtherForms(nameof(NewPasskey));
        if (!ModelState.IsValid)
        {
            return Page();
        }
        if (Passkeys.Count >= MaxPasskeys)
        {
            ModelState.AddModelError("NewPasskey.Name", t["Account.Passkeys.TooMany", MaxPasskeys]);
            return Page();
        }
        if (await StaffTwoFactor.MustProvePasskeyFirstAsync(users, Account, User))
        {
            ModelState.AddModelError("NewPasskey.Name", t["Account.Passkeys.SignInFirst"]);
            return Page();
        }
        PasskeyAttestationResult? attestation = null;
        try
        {
            if (!string.IsNullOrWhiteSpace(NewPasskey.CredentialJson))
            {
                attestation = await signIn.PerformPasskeyAttestationAsync(NewPasskey.CredentialJson);
            }
        }
        catch (InvalidOperationException)
        {
            // No ceremony under way for this browser (options never asked for, or already used).
        }
        if (attestation is not { Succeeded: true })
        {
            ModelState.AddModelError("NewPasskey.Name", t["Account.Passkeys.NotCreated"]);
            return Page();
        }
        var name = NewPasskey.Name.Trim();
        attestation.Passkey.Name = name;
        var added = await users.AddOrUpdatePasskeyAsync(Account, attestation.Passkey);
        if (!added.Succeeded)
        {
            ModelState.AddModelError("NewPasskey.Name", t["Account.Passkeys.NotCreated"]);
            return Page();
        }
        // The passkey was just proved in this session; like turning two-factor on, it renews the
        // session, with the staff roles for administrators and editors.
        StaffTwoFactor.MarkPasskeyProven(HttpContext);
        await signIn.RefreshSignInAsync(Account);
        TempData.SetNotice(t["Account.Passkeys.Added", name]);
        return RedirectToPage(null, null, "passkeys");
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string id)
    {
        if (!await LoadAsync())
        {
            return Challenge();
        }
        var credential = Passkeys.FirstOrDefault(p => Base64Url.EncodeToString(p.CredentialId) == id);
        if (credential is not null && (await users.RemovePasskeyAsync(Account, credential.CredentialId)).Succeeded)
        {
            TempData.SetNotice(t["Account.Passkeys.Removed", credential.Name ?? ""]);
        }
        return RedirectToPage(null, null, "passkeys");
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
        Passkeys = (await users.GetPasskeysAsync(user)).OrderBy(p => p.CreatedAt).ToList();
        Tokens = await db.ApiTokens.AsNoTracking().Where(x => x.UserId == user.Id).OrderByDescending(x => x.CreatedAt).ToListAsync();
        return true;
    }
}
