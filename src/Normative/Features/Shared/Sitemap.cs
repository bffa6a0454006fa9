using System.Globalization;
using System.Text;
using System.Xml;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Shared;

/// <summary>
/// sitemap.xml: an index of sitemap files, one series per feature's <see cref="ISitemapSource"/>,
/// since the catalogue alone has more pages than one file may list (50,000). Cached for ten minutes.
/// </summary>
public static class Sitemap
{
    public const int FileSize = 40000;
    public const string CachePolicy = "sitemap";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string Xhtml = "http://www.w3.org/1999/xhtml";

    public static IServiceCollection AddSitemapSource(this IServiceCollection services, ISitemapSource source) =>
        services.AddSingleton(source);

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").ExcludeFromDescription().AllowAnonymous().CacheOutput(CachePolicy);
        group.MapGet("/sitemap.xml", IndexAsync);
        group.MapGet("/sitemap-{name:regex(^[a-z-]+$)}-{number:int}.xml", FileAsync);
        return app;
    }

    private static async Task IndexAsync(HttpContext context, NormativeDb db, IEnumerable<ISitemapSource> sources, CancellationToken ct)
    {
        var files = new List<string>();
        foreach (var source in sources)
        {
            var count = await source.CountAsync(db, ct);
            for (var n = 1; n <= Math.Max(1, (count + FileSize - 1) / FileSize); n++)
            {
                files.Add($"/sitemap-{source.Name}-{n}.xml");
            }
        }
        await WriteXmlAsync(context, async xml =>
        {
            await xml.WriteStartElementAsync(null, "sitemapindex", Namespace);
            foreach (var file in files)
            {
                await xml.WriteStartElementAsync(null, "sitemap", Namespace);
                await xml.WriteElementStringAsync(null, "loc", Namespace, SiteLinks.Absolute(context, file));
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
        });
    }

    private static async Task FileAsync(string name, int number, HttpContext context, NormativeDb db, IEnumerable<ISitemapSource> sources, CancellationToken ct)
    {
        var source = sources.FirstOrDefault(s => s.Name == name);
        if (source is null || number < 1)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var urls = await source.UrlsAsync(db, (number - 1) * FileSize, FileSize, ct);
        if (urls.Count == 0 && number > 1)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        await WriteXmlAsync(context, async xml =>
        {
            await xml.WriteStartElementAsync(null, "urlset", Namespace);
            await xml.WriteAttributeStringAsync("xmlns", "xhtml", null, Xhtml);
            foreach (var url in urls)
            {
                await xml.WriteStartElementAsync(null, "url", Namespace);
                await xml.WriteElementStringAsync(null, "loc", Namespace, SiteLinks.Absolute(context, url.Path));
                // The page in each language, as the page's own <link rel="alternate" hreflang> name it.
                foreach (var (code, _) in Cultures.Supported)
                {
                    await WriteAlternateAsync(xml, code, SiteLinks.Absolute(context, InLanguage(url.Path, code)));
                }
                await WriteAlternateAsync(xml, "x-default", SiteLinks.Absolute(context, url.Path));
                if (url.LastModified is { } date)
                {
                    await xml.WriteElementStringAsync(null, "lastmod", Namespace, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
        });
    }

    private static async Task WriteAlternateAsync(XmlWriter xml, string language, string href)
    {
        await xml.WriteStartElementAsync("xhtml", "link", Xhtml);
        await xml.WriteAttributeStringAsync(null, "rel", null, "alternate");
        await xml.WriteAttributeStringAsync(null, "hreflang", null, language);
        await xml.WriteAttributeStringAsync(null, "href", null, href);
        await xml.WriteEndElementAsync();
    }

    private static string InLanguage(string path, string culture) =>
        path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + Uri.EscapeDataString(culture);

    private static async Task WriteXmlAsync(HttpContext context, Func<XmlWriter, Task> body)
    {
        context.Response.ContentType = "application/xml; charset=utf-8";
        await using var xml = XmlWriter.Create(context.Response.Body, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) });
        await xml.WriteStartDocumentAsync();
        await body(xml);
        await xml.WriteEndDocumentAsync();
    }
}
