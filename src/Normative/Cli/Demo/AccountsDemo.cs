using Microsoft.AspNetCore.Identity;
using Normative.Features.Accounts;

namespace Normative.Cli.Demo;

/// <summary>One demo user per role, for local use only; the README gives their password.</summary>
public static class AccountsDemo
{
    public const string Password = "normative-demo";

    /// <summary>
    /// The authenticator key (base32) of the demo administrator and editor, who must sign in with
    /// two-factor sign-in: add it to an authenticator app, or run <c>oathtool --totp -b NORMATIVEDEMOKEY</c>.
    /// </summary>
    public const string AuthenticatorKey = "NORMATIVEDEMOKEY";

    public static IReadOnlyList<(string Email, string Role, string Name)> Users { get; } =
    [
        ("admin@demo.normative.test", Roles.Administrator, "Ada Admin"),
        ("editor@demo.normative.test", Roles.Editor, "Eddie Editor"),
        ("manager@demo.normative.test", Roles.CommitteeManager, "Mariam Manager"),
        ("delegate@demo.normative.test", Roles.Delegate, "Diego Delegate"),
        ("cb@demo.normative.test", Roles.CertificationBody, "Cecile Certifier"),
        ("customer@demo.normative.test", Roles.Customer, "Chris Customer"),
    ];

    public static async Task<int> LoadAsync(UserManager<User> users)
    {
        var created = 0;
        foreach (var (email, role, name) in Users)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name };
                Check(await users.CreateAsync(user, Password), email);
                created++;
            }
            if (!await users.IsInRoleAsync(user, role))
            {
                Check(await users.AddToRoleAsync(user, role), email);
            }
            if (StaffTwoFactor.Roles.Contains(role) && !user.TwoFactorEnabled)
            {
                // Identity keeps the authenticator key as this token of its own store.
                Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", AuthenticatorKey), email);
                Check(await users.SetTwoFactorEnabledAsync(user, true), email);
            }
        }
        return created;
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo user {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
