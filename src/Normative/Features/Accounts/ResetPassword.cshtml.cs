using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Normative.Features.Shared;

namespace Normative.Features.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountsFeature.FormsPolicy)]
public class ResetPasswordModel(UserManager<User> users, IStringLocalizer<SiteText> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();


    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [DataType(DataType.Password), Display(Name = "Field.NewPassword")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required"), Compare(nameof(Password), ErrorMessage = "Validation.PasswordsDiffer")]
        [DataType(DataType.Password), Display(Name = "Field.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
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
        var user = string.IsNullOrEmpty(Email) ? null : await users.FindByEmailAsync(Email);
        string? token = null;
        try
        {
            token = Code is null ? null : System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code));
        }
        catch (FormatException)
        {
        }
        if (user is null || token is null)
        {
            ModelState.AddModelError("", t["Identity.InvalidToken"]);
            return Page();
        }
        var result = await users.ResetPasswordAsync(user, token, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password" : "", error.Description);
            }
            return Page();
        }
        TempData.SetNotice(t["Account.Reset.Done"]);
        return Redirect(AccountLinks.SignIn);
    }
}
