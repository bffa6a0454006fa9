using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Normative.Features.Accounts;

/// <summary>
/// Administrators and editors sign in with a second factor (ASVS 5.0 V6.3.3): until they have set up
/// an authenticator, or signed in with a passkey, their sign-in carries neither role, so every staff page and endpoint refuses
/// them, and they are sent to the two-factor page instead. <c>Accounts:StaffTwoFactor</c> (default
/// true) can be turned off in Development only (SettingsRules), for test suites that sign staff in
/// by the hundred.
/// </summary>
public static class StaffTwoFactor
{
    public const string Setting = "Accounts:StaffTwoFactor";

    /// <summary>On a principal whose staff roles wait for two-factor sign-in; its value is the role.</summary>
    public const string PendingClaim = "normative:staff-role-pending";

    /// <summary>
    /// On a principal that signed in with a passkey (or registered one in this session): a passkey
    /// is possession and a PIN or biometric in one, so it counts as the second factor.
    /// </summary>
    public const string PasskeyClaim = "normative:passkey";

    /// <summary>Set in <see cref="HttpContext.Items"/> by the request that proves a passkey, for the claims it signs in with.</summary>
    private static readonly object PasskeyProvenItem = new();

    /// <summary>The roles that require a second factor.</summary>
    public static readonly IReadOnlyList<string> Roles = [Accounts.Roles.Administrator, Accounts.Roles.Editor];

    public static bool IsRequired(IConfiguration configuration) => configuration.GetValue(Setting, true);

    /// <summary>Whether <paramref name="user"/> holds a staff role it may not use before setting up two-factor sign-in.</summary>
    public static bool IsPending(ClaimsPrincipal user) => user.HasClaim(c => c.Type == PendingClaim);

    /// <summary>Whether <paramref name="user"/>, who has just signed in, must set up two-factor sign-in before staff work.</summary>
    public static async Task<bool> IsPendingAsync(UserManager<User> users, User user, IConfiguration configuration) =>
        IsRequired(configuration) && !user.TwoFactorEnabled && await HoldsStaffRoleAsync(users, user);

    public static async Task<bool> HoldsStaffRoleAsync(UserManager<User> users, User user) =>
        (await users.GetRolesAsync(user)).Any(r => Roles.Contains(r));

    /// <summary>Marks this request as having proved a passkey of the account it signs in.</summary>
    public static void MarkPasskeyProven(HttpContext context) => context.Items[PasskeyProvenItem] = true;

    /// <summary>Whether the sign-in of <paramref name="userId"/> being made now rests on a passkey: proved in this request, or in the session it renews.</summary>
    public static bool RestsOnPasskey(HttpContext? context, string userId) =>
        context is not null && (context.Items.ContainsKey(PasskeyProvenItem)
            || (context.User.HasClaim(c => c.Type == PasskeyClaim) && context.User.FindFirstValue(ClaimTypes.NameIdentifier) == userId));

    /// <summary>Gives back the staff roles held back from <paramref name="identity"/> and marks it as a passkey sign-in.</summary>
    public static void ReleaseForPasskey(ClaimsIdentity identity)
    {
        foreach (var pending in identity.FindAll(PendingClaim).ToList())
        {
            identity.RemoveClaim(pending);
            identity.AddClaim(new Claim(identity.RoleClaimType, pending.Value));
        }
        if (!identity.HasClaim(c => c.Type == PasskeyClaim))
        {
            identity.AddClaim(new Claim(PasskeyClaim, "true"));
        }
    }

    /// <summary>
    /// Whether <paramref name="principal"/> must first sign in with a passkey before adding a second
    /// factor to <paramref name="user"/>: an account whose second factor is a passkey is not given
    /// another one (passkey or authenticator) by someone who knows only its password.
    /// </summary>
    public static async Task<bool> MustProvePasskeyFirstAsync(UserManager<User> users, User user, ClaimsPrincipal principal) =>
        !user.TwoFactorEnabled && !principal.HasClaim(c => c.Type == PasskeyClaim) && (await users.GetPasskeysAsync(user)).Count > 0;
}
