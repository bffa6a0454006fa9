using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountsFeature.FormsPolicy)]
public class SignInModel(SignInManager<User> signIn, UserManager<User> users, IStringLocalizer<SiteText> t, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsConfirmation { get; private set; }

    /// <summary>What <c>navigator.credentials.get()</c> answered (passkeys.js), as JSON.</summary>
    [BindProperty]
    public string? PasskeyCredential { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [DataType(DataType.Password), Display(Name = "Field.Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Field.RememberMe")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var returnUrl = LocalUrl.IsLocal(ReturnUrl) ? LocalUrl.ForLocation(ReturnUrl!) : AccountLinks.Account;
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // Hash the password anyway, so that an unknown address takes as long as a known one.
            users.PasswordHasher.VerifyHashedPassword(new User(), UnknownUserHash(users), Input.Password);
        }
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        // Identity refuses an unconfirmed account before it checks the password: only someone who
        // knows the password learns that the account waits for confirmation.
        if (result.IsNotAllowed && !await users.CheckPasswordAsync(user!, Input.Password))
        {
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        if (result.Succeeded)
        {
            // An administrator or editor without a second factor sets one up before any staff work.
            if (await StaffTwoFactor.IsPendingAsync(users, user!, configuration))
            {
                return LocalRedirect(AccountLinks.TwoFactorThenReturnTo(returnUrl));
            }
            return LocalRedirect(returnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/SignInTwoFactor", new { returnUrl, rememberMe = Input.RememberMe });
        }
        if (result.IsNotAllowed)
        {
            NeedsConfirmation = true;
            ModelState.AddModelError("", t["Account.SignIn.NotConfirmed"]);
        }
        else
        {
            // A locked account gets the same answer as a wrong password, which mentions the lock:
            // a different one would tell anyone which addresses have accounts.
            ModelState.AddModelError("", t["Account.SignIn.Failed", 15]);
        }
        return Page();
    }

    /// <summary>The WebAuthn request options for passkeys.js; any passkey of this site may answer.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        // The e-mail and password fields belong to the other form.
        ModelState.Clear();
        var returnUrl = LocalUrl.IsLocal(ReturnUrl) ? LocalUrl.ForLocation(ReturnUrl!) : AccountLinks.Account;
        if (string.IsNullOrWhiteSpace(PasskeyCredential) || PasskeyCredential.Length > 64 * 1024)
        {
            ModelState.AddModelError("", t["Account.Passkeys.SignInFailed"]);
            return Page();
        }
        // A passkey is a second factor in itself: staff signing in with one get their roles.
        StaffTwoFactor.MarkPasskeyProven(HttpContext);
        Microsoft.AspNetCore.Identity.SignInResult result;
        try
        {
            result = await signIn.PasskeySignInAsync(PasskeyCredential);
        }
        catch (InvalidOperationException)
        {
            // No ceremony under way for this browser (options never asked for, or already used).
            result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        }
        if (result.Succeeded)
        {
            return LocalRedirect(returnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/SignInTwoFactor", new { returnUrl, rememberMe = false });
        }
        ModelState.AddModelError("", t[result.IsLockedOut ? "Account.SignIn.Failed" : "Account.Passkeys.SignInFailed", 15]);
        return Page();
    }

    private static string? _unknownUserHash;

    private static string UnknownUserHash(UserManager<User> users) =>
        _unknownUserHash ??= users.PasswordHasher.HashPassword(new User(), Guid.NewGuid().ToString());
}
