using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Normative.Features.Accounts;

/// <summary>
/// Administrators and editors sign in with a second factor (ASVS 5.0 V6.3.3): until they have set up
/// an authenticator, their sign-in carries neither role, so every staff page and endpoint refuses
/// them, and they are sent to the two-factor page instead. <c>Accounts:StaffTwoFactor</c> (default
/// true) can be turned off in Development only (SettingsRules), for test suites that sign staff in
/// by the hundred.
/// </summary>
public static class StaffTwoFactor
{
    public const string Setting = "Accounts:StaffTwoFactor";

    /// <summary>On a principal whose staff roles wait for two-factor sign-in; its value is the role.</summary>
    public const string PendingClaim = "normative:staff-role-pending";

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
}
