using System.Globalization;
using Microsoft.Extensions.Options;
using Normative.Features.Shared;

namespace Normative.Features.Site;

/// <summary>
/// <c>/.well-known/security.txt</c> (RFC 9116): where to report a vulnerability. The contact is the
/// organisation's address (<c>Organization__Email</c>), else its contact page; it expires a year
/// after the day it is served, so a stale file never outlives the site that writes it.
/// </summary>
public static class SecurityTxt
{
    public const string Path = "/.well-known/security.txt";

    public static IEndpointRouteBuilder MapSecurityTxt(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, (HttpContext context, IOptions<OrganizationOptions> organization, TimeProvider clock) =>
        {
            var contact = organization.Value.Email is { Length: > 0 } email
                ? "mailto:" + email
                : SiteLinks.Absolute(context, SiteLinks.Contact);
            var expires = clock.GetUtcNow().UtcDateTime.Date.AddYears(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            var text = $"Contact: {contact}\nExpires: {expires}\nPreferred-Languages: en, fr, es, ru\nCanonical: {SiteLinks.Absolute(context, Path)}\n";
            return Results.Text(text, "text/plain; charset=utf-8");
        }).ExcludeFromDescription();
        return app;
    }
}
