using System.Net;
using Normative.Tests.Features.Catalogue;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Web;

/// <summary>How pages travel: compressed, cacheable when they cannot change, and named in every language.</summary>
public class DeliveryTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    [Theory]
    [InlineData("/", "br", "br")]
    [InlineData("/", "gzip", "gzip")]
    [InlineData("/css/site.css", "br, gzip", "br")]
    [InlineData("/api/v1/deliverables", "gzip", "gzip")]
    [InlineData("/img/logo.svg", "gzip", "gzip")]
    public async Task PagesStylesJsonAndSvgAreCompressed(string url, string accepted, string expected)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", accepted);
        var response = await factory.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([expected], response.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task AFingerprintedStylesheetIsKeptAYearAndOtherFilesAnHour()
    {
        var home = await factory.CreateClient().GetDocumentAsync("/");
        var css = home.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!;
        Assert.Contains("?v=", css, StringComparison.Ordinal);
        var fingerprinted = await factory.CreateClient().GetAsync(css);
        Assert.Equal("public, max-age=31536000, immutable", fingerprinted.Headers.CacheControl!.ToString());
        var plain = await factory.CreateClient().GetAsync("/img/logo.svg");
        Assert.Equal("public, max-age=3600", plain.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task EveryPageNamesItselfInTheOtherLanguages()
    {
        var page = await factory.CreateClient().GetDocumentAsync("/standards?status=published&culture=ru");
        var alternates = page.QuerySelectorAll("link[rel=alternate][hreflang]").ToDictionary(l => l.GetAttribute("hreflang")!, l => l.GetAttribute("href")!);
        Assert.Equal(["en", "es", "fr", "ru", "x-default"], alternates.Keys.Order(StringComparer.Ordinal));
        Assert.EndsWith("/standards?status=published&culture=fr", alternates["fr"], StringComparison.Ordinal);
        Assert.EndsWith("/standards?status=published", alternates["x-default"], StringComparison.Ordinal);
        Assert.StartsWith("http", alternates["es"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/standards")]
    [InlineData("/search?q=energy")]
    public async Task EverySearchLandmarkHasItsOwnName(string url)
    {
        var page = await factory.CreateClient().GetDocumentAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=en");
        var names = page.QuerySelectorAll("[role=search]").Select(f => f.GetAttribute("aria-label")).ToList();
        Assert.All(names, n => Assert.False(string.IsNullOrWhiteSpace(n)));
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public async Task AnIcsCodeMissingFromTheTreeIsShownWithoutABrokenLink()
    {
        await factory.WithDemoAsync();
        var (_, problems) = await factory.ImportDeliverablesAsync(CatalogueFactory.Line(9300001, "ISO 99301:2021", "Heat pumps — Vocabulary", changes: ("icsCode", new[] { "01.060.10", "03.120.10" })));
        Assert.Equal("", problems);
        var page = await factory.CreateClient().GetDocumentAsync("/standard/9300001?culture=en");
        var links = page.QuerySelectorAll("a[href^='/ics/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.DoesNotContain("/ics/01.060.10", links);
        Assert.Contains("/ics/03.120.10", links);
        Assert.Contains("01.060.10", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecurityResearchersFindWhereToReport()
    {
        var response = await factory.CreateClient().GetAsync("/.well-known/security.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var fields = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.True(fields["Contact"].StartsWith("mailto:", StringComparison.Ordinal) || fields["Contact"].EndsWith("/contact", StringComparison.Ordinal), fields["Contact"]);
        var expires = DateTimeOffset.Parse(fields["Expires"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(300), DateTimeOffset.UtcNow.AddDays(366));
    }
}
