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
public class CheckEmailModel(UserManager<User> users, NormativeDb db, IStringLocalizer<SiteText> t, IOptions<OrganizationOptions> organization, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    [EmailAddress(ErrorMessage = "Validation.Email"), Display(Name = "Field.Email")]
    public string? Email { get; set; }


    public void OnGet()
    {
    }

    /// <summary>Sends the confirmation link again. The answer is the same whether or not the address has an account.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid || string.IsNullOrWhiteSpace(Email))
        {
            return Page();
        }
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && !user.EmailConfirmed)
        {
            var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
            var link = SiteLinks.Mail(configuration, AccountLinks.ConfirmEmail(user.Id, code));
            AccountMail.QueueConfirmation(db, t, organization.Value.Name, user, link);
            await db.SaveChangesAsync();
        }
        // The same answer whether or not the address has an account.
        TempData.SetNotice(t["Account.CheckEmail.Resent"]);
        return Redirect(AccountLinks.CheckEmail(Email.Trim()));
    }
}
