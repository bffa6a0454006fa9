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
public class SignUpModel(UserManager<User> users, NormativeDb db, IStringLocalizer<SiteText> t, IOptions<OrganizationOptions> organization, IConfiguration configuration) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Email")]
        public string Email { get; set; } = "";

        [StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.DisplayName")]
        public string? DisplayName { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength")]
        [DataType(DataType.Password), Display(Name = "Field.Password")]
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
        var email = Input.Email.Trim();
        var name = organization.Value.Name;
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // Do not reveal who has an account: the owner of the address is told by mail instead.
            AccountMail.QueueAlreadyRegistered(db, t, name, existing, SiteLinks.Mail(configuration, AccountLinks.SignIn));
            await db.SaveChangesAsync();
            return RedirectToPage("/Accounts/CheckEmail", new { email });
        }

        var user = new User { UserName = email, Email = email, DisplayName = string.IsNullOrWhiteSpace(Input.DisplayName) ? null : Input.DisplayName.Trim() };
        // The account and its confirmation mail are saved together, or not at all.
        await using var tx = await db.Database.BeginTransactionAsync();
        var result = await users.CreateAsync(user, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var field = error.Code.Contains("Password", StringComparison.Ordinal) ? "Input.Password"
                    : error.Code.Contains("Email", StringComparison.Ordinal) || error.Code.Contains("UserName", StringComparison.Ordinal) ? "Input.Email"
                    : "";
                ModelState.AddModelError(field, error.Description);
            }
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Customer);
        var code = WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
        var link = SiteLinks.Mail(configuration, AccountLinks.ConfirmEmail(user.Id, code));
        AccountMail.QueueConfirmation(db, t, name, user, link);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return RedirectToPage("/Accounts/CheckEmail", new { email });
    }
}
