using Normative.Features.Shared;

namespace Normative.Features.Accounts;

/// <summary>The account pages and the administrators' pages, as typed links (see <see cref="LinkToAttribute"/>).</summary>
public static class AccountLinks
{
    [LinkTo("/Accounts/Index")]
    public static string Account => "/account";

    [LinkTo("/Accounts/SignIn")]
    public static string SignIn => "/account/signin";

    /// <summary>Sign in, then come back to <paramref name="returnUrl"/> (a path on this site).</summary>
    [LinkTo("/Accounts/SignIn")]
    public static string SignInThenReturnTo(string returnUrl) => "/account/signin?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

    [LinkTo("/Accounts/SignOut")]
    public static string SignOut => "/account/signout";

    [LinkTo("/Accounts/SignUp")]
    public static string SignUp => "/account/signup";

    [LinkTo("/Accounts/ForgotPassword")]
    public static string ForgotPassword => "/account/forgot";

    [LinkTo("/Accounts/TwoFactor")]
    public static string TwoFactor => "/account/two-factor";

    /// <summary>Set up two-factor sign-in, then go on to <paramref name="returnUrl"/> (a path on this site).</summary>
    [LinkTo("/Accounts/TwoFactor")]
    public static string TwoFactorThenReturnTo(string returnUrl) => "/account/two-factor?ReturnUrl=" + Uri.EscapeDataString(returnUrl);

    [LinkTo("/Accounts/CheckEmail")]
    public static string CheckEmail(string? email = null) =>
        email is null ? "/account/check-email" : "/account/check-email?email=" + Uri.EscapeDataString(email);

    [LinkTo("/Accounts/ConfirmEmail")]
    public static string ConfirmEmail(string userId, string code) =>
        $"/account/confirm?userId={Uri.EscapeDataString(userId)}&code={code}";

    [LinkTo("/Accounts/ResetPassword")]
    public static string ResetPassword(string email, string code) =>
        $"/account/reset?email={Uri.EscapeDataString(email)}&code={code}";

    [LinkTo("/Admin/Index")]
    public static string Admin => "/admin";

    [LinkTo("/Admin/Users")]
    public static string AdminUsers => "/admin/users";

    /// <summary>The staff audit log, filtered by who and what (parts of the account's address and of the path), between two days, one page of it.</summary>
    [LinkTo("/Admin/Audit")]
    public static string AdminAudit(string? who = null, string? what = null, DateOnly? from = null, DateOnly? to = null, int page = 1)
    {
        var query = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                query.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }
        Add("who", who);
        Add("what", what);
        Add("from", from?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("to", to?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("p", page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
        return query.Count == 0 ? "/admin/audit" : "/admin/audit?" + string.Join('&', query);
    }

    [LinkTo("/Admin/Mailbox")]
    public static string Mailbox(string? file = null) =>
        file is null ? "/admin/mail" : "/admin/mail?file=" + Uri.EscapeDataString(file);
}
