using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountsFeature.FormsPolicy)]
public class ForgotPasswordModel(UserManager<User> users, NormativeDb db, IStringLocalizer<SiteText> t, IOptions<OrganizationOptions> organization, IConfiguration configuration) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Email")]
    public string Email { get; set; } = "";


    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && user.EmailConfirmed)
        {
            var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(user)));
            var link = SiteLinks.Mail(configuration, AccountLinks.ResetPassword(user.Email!, code));
            AccountMail.QueueReset(db, t, organization.Value.Name, user, link);
            await db.SaveChangesAsync();
        }
        // The same answer either way, so the page does not reveal who has an account.
        TempData.SetNotice(t["Account.Forgot.Sent"]);
        return Redirect(AccountLinks.SignIn);
    }
}
