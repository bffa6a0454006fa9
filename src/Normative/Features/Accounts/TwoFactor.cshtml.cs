using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Features.Shared;
using Normative.Web;
using QRCoder;

namespace Normative.Features.Accounts;

/// <summary>Two-factor sign-in with an authenticator app (TOTP), through Identity's built-in support.</summary>
[Authorize]
public class TwoFactorModel(UserManager<User> users, SignInManager<User> signIn, IStringLocalizer<SiteText> t, IOptions<OrganizationOptions> organization,
    IConfiguration configuration) : PageModel
{
    /// <summary>Where to go on once two-factor sign-in is on (a staff page that sent its user here).</summary>
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The local address to continue to, once two-factor sign-in is on; null when there is none.</summary>
    public string? ContinueTo => LocalUrl.IsLocal(ReturnUrl) ? LocalUrl.ForLocation(ReturnUrl!) : null;

    /// <summary>An administrator or editor, for whom two-factor sign-in cannot be turned off.</summary>
    public bool Required { get; private set; }

    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string QrCodeDataUri { get; private set; } = "";
    public int RecoveryCodesLeft { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required"), StringLength(7, MinimumLength = 6, ErrorMessage = "Validation.Code")]
    [Display(Name = "Field.TwoFactorCode")]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(user);
            return Page();
        }
        if (await StaffTwoFactor.MustProvePasskeyFirstAsync(users, user, User))
        {
            ModelState.AddModelError(nameof(Code), t["Account.Passkeys.SignInFirst"]);
            await LoadAsync(user);
            return Page();
        }
        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), t["Account.TwoFactor.WrongCode"]);
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        // Answered with a page, not a redirect: the recovery codes are shown once and kept nowhere readable.
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        await signIn.RefreshSignInAsync(user);
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (StaffTwoFactor.IsRequired(configuration) && await StaffTwoFactor.HoldsStaffRoleAsync(users, user))
        {
            TempData.SetNotice(t["Account.TwoFactor.CannotDisable"], NoticeKind.Warn);
            return RedirectToPage();
        }
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return RedirectToPage();
        }
        // A session alone (one left open, or taken) may not remove the second factor: a current code may.
        if (!await ProvesCurrentCodeAsync(user))
        {
            await LoadAsync(user);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key, so the old authenticator entry stops working.
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        TempData.SetNotice(t["Account.TwoFactor.Off"]);
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }
        if (user.TwoFactorEnabled && await ProvesCurrentCodeAsync(user))
        {
            // Shown once, like the codes given when two-factor sign-in is turned on; new codes,
            // which replace the old, are a second factor too, so they also need a current code.
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList();
        }
        await LoadAsync(user);
        return Page();
    }

    /// <summary>Whether the form carries a current code of the account's authenticator; if not, the field says what is needed.</summary>
    private async Task<bool> ProvesCurrentCodeAsync(User user)
    {
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length is >= 6 and <= 7 && await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.Clear();
            return true;
        }
        ModelState.Clear();
        ModelState.AddModelError(nameof(Code), t["Account.TwoFactor.CodeToChange"]);
        return false;
    }

    private async Task LoadAsync(User user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = StaffTwoFactor.IsRequired(configuration) && await StaffTwoFactor.HoldsStaffRoleAsync(users, user);
        if (Enabled)
        {
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user);
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        SharedKey = string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        var issuer = Uri.EscapeDataString(organization.Value.Name);
        var uri = $"otpauth://totp/{issuer}:{Uri.EscapeDataString(user.Email!)}?secret={key}&issuer={issuer}&digits=6";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(5);
        QrCodeDataUri = "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
