using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Accounts;

public class SignInModel(SignInManager<User> signIn, UserManager<User> users, IStringLocalizer<SiteText> t) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool NeedsConfirmation { get; private set; }

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
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return LocalRedirect(returnUrl);
        }
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("/Accounts/SignInTwoFactor", new { returnUrl, rememberMe = Input.RememberMe });
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", t["Account.SignIn.LockedOut", 15]);
        }
        else if (result.IsNotAllowed)
        {
            NeedsConfirmation = true;
            ModelState.AddModelError("", t["Account.SignIn.NotConfirmed"]);
        }
        else
        {
            ModelState.AddModelError("", t["Account.SignIn.Failed"]);
        }
        return Page();
    }
}
