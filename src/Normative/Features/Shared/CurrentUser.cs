using System.Security.Claims;

namespace Normative.Features.Shared;

/// <summary>Who is making the request, as the sign-in cookie or a personal API token says.</summary>
public static class CurrentUser
{
    /// <summary>The user's id, or null for an anonymous visitor.</summary>
    public static string? UserId(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
    }

    /// <summary>The user's e-mail address, or null for an anonymous visitor.</summary>
    public static string? Email(this ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name : null;
    }
}
