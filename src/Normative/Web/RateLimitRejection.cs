using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Normative.Features.Shared;

namespace Normative.Web;

/// <summary>
/// The answer to a request over a rate limit: 429 with Retry-After; the API gets a ProblemDetails
/// in the request's language, pages the site's own 429 page (through the status code pages).
/// </summary>
public static class RateLimitRejection
{
    public static async ValueTask WriteAsync(OnRejectedContext context, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 60;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            var t = http.RequestServices.GetRequiredService<IStringLocalizer<SiteText>>();
            await http.Response.WriteAsJsonAsync(new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = t["RateLimit.Title"],
                Detail = t["RateLimit.Detail", seconds],
                Type = "https://www.rfc-editor.org/rfc/rfc6585#section-4",
            }, options: null, contentType: "application/problem+json", cancellationToken: ct);
        }
    }
}
