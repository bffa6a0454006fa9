using System.Threading.RateLimiting;

namespace Normative.Web;

/// <summary>
/// Rate limits for what anyone may reach without an account beyond the account forms
/// (<c>AccountsFeature.FormsPolicy</c>): links that carry a token, and the anonymous cart. Each
/// client address has its own budget per minute; going over it gets the site's 429 page.
/// </summary>
public static class AnonymousLimits
{
    /// <summary>
    /// Pages opened from a link with a token (e-mail updates confirm, preferences and unsubscribe;
    /// organisation invitations): every request counts, showing as well as posting, since showing
    /// already checks the token. <c>Site:TokenLinkRequestsPerMinute</c> (default 30).
    /// </summary>
    public const string TokenLinksPolicy = "token-links";

    /// <summary>
    /// Changes to the cart (pages and API) by clients that are not signed in: each may write a cart
    /// row. Looking at the cart is not counted, nor are signed-in buyers.
    /// <c>Store:AnonymousCartChangesPerMinute</c> (default 60).
    /// </summary>
    public const string CartPolicy = "anonymous-cart";

    public static void AddAnonymousLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var links = PerMinute(configuration.GetValue("Site:TokenLinkRequestsPerMinute", 30));
        var cart = PerMinute(configuration.GetValue("Store:AnonymousCartChangesPerMinute", 60));
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(TokenLinksPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => links));
            o.AddPolicy(CartPolicy, context =>
                context.User.Identity?.IsAuthenticated == true || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("not counted")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => cart));
        });
    }

    private static string ClientOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static FixedWindowRateLimiterOptions PerMinute(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = TimeSpan.FromMinutes(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}
