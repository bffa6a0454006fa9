using System.Net;
using System.Text.RegularExpressions;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

/// <summary>Every target of the footer's sitemap page and the main navigation answers, in each language, in that language; none says "coming soon".</summary>
public partial class SiteWalkTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    [InlineData("ru")]
    public async Task EveryLinkOfTheSitemapAndTheNavigationIsAliveAndTranslated(string culture)
    {
        var client = factory.Browser();
        var sitemap = await client.GetDocumentAsync($"/sitemap?culture={culture}");
        var links = sitemap.QuerySelectorAll("main a[href^='/'], nav.main-nav a[href^='/'], footer a[href^='/']")
            .Select(a => a.GetAttribute("href")!.Split('#')[0])
            .Where(h => !h.StartsWith("/api/docs", StringComparison.Ordinal) && !h.StartsWith("/language", StringComparison.Ordinal))
            .Distinct().ToList();
        Assert.True(links.Count > 15, $"only {links.Count} links");
        foreach (var link in links)
        {
            var response = await client.GetAsync(link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
            var page = await response.ReadDocumentAsync();
            Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
            var heading = page.QuerySelector("h1")?.TextContent.Trim() ?? "";
            Assert.False(string.IsNullOrEmpty(heading), $"{link} has no heading");
            Assert.False(ResourceKey().IsMatch(heading), $"{link} shows the untranslated key {heading}");
            Assert.DoesNotContain("coming soon", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("not open yet", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
        }
    }

    [GeneratedRegex(@"^[A-Z][A-Za-z]+(\.[A-Z][A-Za-z]+)+$")]
    private static partial Regex ResourceKey();
}
