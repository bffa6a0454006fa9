using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Features.Shared;

namespace Normative.Features.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountsFeature.FormsPolicy)]
public class ForgotPasswordModel(PasswordResetRequests requests, IStringLocalizer<SiteText> t) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";


    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        // Queued, not looked up here: the answer takes the same time whether or not the address has
        // an account (PasswordResetWorker looks it up and mails the link).
        requests.Queue(Email.Trim(), CultureInfo.CurrentUICulture);
        // The same answer either way, so the page does not reveal who has an account.
        TempData.SetNotice(t["Account.Forgot.Sent"]);
        return Redirect(AccountLinks.SignIn);
    }
}
