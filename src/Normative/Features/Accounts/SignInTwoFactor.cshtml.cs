using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountsFeature.FormsPolicy)]
public class SignInTwoFactorModel(SignInManager<User> signIn, IStringLocalizer<SiteText> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(64, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.TwoFactorCode")]
        public string Code { get; set; } = "";

        [Display(Name = "Field.RememberMachine")]
        public bool RememberMachine { get; set; }
    }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only reachable between the password step and the code step.
        return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("/Accounts/SignIn") : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("/Accounts/SignIn");
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        // Six digits come from the authenticator app; anything else is tried as a recovery code.
        var result = code.Length == 6 && code.All(char.IsDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, Input.RememberMachine)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Input.Code.Replace(" ", "", StringComparison.Ordinal));
        if (result.Succeeded)
        {
            return LocalRedirect(LocalUrl.IsLocal(ReturnUrl) ? LocalUrl.ForLocation(ReturnUrl!) : AccountLinks.Account);
        }
        ModelState.AddModelError("Input.Code", result.IsLockedOut ? t["Account.SignIn.LockedOut", 15] : t["Account.TwoFactor.WrongCode"]);
        return Page();
    }
}
