using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Normative.Features.Accounts;

/// <summary>
/// The claims of a signed-in user (cookie or API token), as Identity makes them, except that the
/// roles of <see cref="StaffTwoFactor.Roles"/> are held back while two-factor sign-in is off and the
/// session does not rest on a passkey: role checks everywhere ([Authorize], policies, IsInRole) then
/// refuse staff work without naming it. Identity builds the claims again at each sign-in and refresh,
/// so turning two-factor on takes effect at once; the periodic session check keeps a passkey
/// session's mark (<see cref="AccountsFeature"/>).
/// </summary>
public sealed class StaffClaimsPrincipalFactory(UserManager<User> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, IConfiguration configuration, IHttpContextAccessor http)
    : UserClaimsPrincipalFactory<User, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (StaffTwoFactor.RestsOnPasskey(http.HttpContext, user.Id))
        {
            StaffTwoFactor.ReleaseForPasskey(identity);
            return identity;
        }
        if (user.TwoFactorEnabled || !StaffTwoFactor.IsRequired(configuration))
        {
            return identity;
        }
        foreach (var claim in identity.FindAll(identity.RoleClaimType).Where(c => StaffTwoFactor.Roles.Contains(c.Value)).ToList())
        {
            identity.RemoveClaim(claim);
            identity.AddClaim(new Claim(StaffTwoFactor.PendingClaim, claim.Value));
        }
        return identity;
    }
}
