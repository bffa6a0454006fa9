using Microsoft.AspNetCore.Localization;

namespace Normative.Web;

/// <summary>
/// <c>?culture=fr</c> on any page is a choice that lasts: the culture cookie is set as the language
/// menu sets it, so the next link the reader follows answers in French too. An unknown culture
/// (<c>?culture=xx</c>) changes nothing; the page, in the language the reader had, says so.
/// </summary>
public static class CultureChoice
{
    private const string UnknownKey = "culture-unknown";
    private const string RememberedKey = "culture-remembered";

    public static IApplicationBuilder UseCultureChoice(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Query.TryGetValue("culture", out var values) && values.Count > 0 && values[0] is { Length: > 0 } asked)
        {
            if (Cultures.IsSupported(asked))
            {
                var code = Cultures.Supported.First(s => s.Code.Equals(asked, StringComparison.OrdinalIgnoreCase)).Code;
                // Without a cookie, a choice the browser's languages already make needs none (and a page without a cookie stays shareable in caches).
                if (context.Request.Cookies.ContainsKey(CookieRequestCultureProvider.DefaultCookieName) || code != FromBrowser(context))
                {
                    Remember(context, code);
                }
            }
            else
            {
                context.Items[UnknownKey] = asked.Length > 20 ? asked[..20] : asked;
            }
        }
        await next(context);
    });

    /// <summary>The site's language the browser's Accept-Language header prefers, or the default one.</summary>
    private static string FromBrowser(HttpContext context)
    {
        foreach (var language in context.Request.GetTypedHeaders().AcceptLanguage.OrderByDescending(l => l.Quality ?? 1))
        {
            var tag = language.Value.Value ?? "";
            var primary = tag.Split('-')[0];
            if (Cultures.IsSupported(primary))
            {
                return Cultures.Supported.First(s => s.Code.Equals(primary, StringComparison.OrdinalIgnoreCase)).Code;
            }
        }
        return Cultures.Default;
    }

    /// <summary>The culture the request asked for that the site does not have, or null.</summary>
    public static string? Unknown(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(UnknownKey, out var value) ? value as string : null;
    }

    /// <summary>Sets the culture cookie for a year, unless it already holds <paramref name="code"/>.</summary>
    public static void Remember(HttpContext context, string code)
    {
        ArgumentNullException.ThrowIfNull(context);
        var value = CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(code));
        if (context.Request.Cookies[CookieRequestCultureProvider.DefaultCookieName] == value || !context.Items.TryAdd(RememberedKey, code))
        {
            return;
        }
        context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName, value,
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        // An answer that sets a cookie is this reader's alone: no shared cache may keep it.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers.CacheControl = "private, no-cache";
            return Task.CompletedTask;
        });
    }
}
