using System.Net;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Site;

public class HomePageTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Theory]
    [InlineData("en", "Explore by sector")]
    [InlineData("fr", "Explorer par secteur")]
    [InlineData("es", "Explorar por sector")]
    [InlineData("ru", "Стандарты по отраслям")]
    public async Task HomePageSpeaksEachLanguageWithTheRightLang(string culture, string sectionTitle)
    {
        var client = factory.Browser();
        var page = await client.GetDocumentAsync($"/?culture={culture}");

        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        var headings = page.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains(headings, h => h.Equals(sectionTitle, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task LanguageMenuRemembersTheChoiceInACookie()
    {
        var client = factory.Browser();
        var home = await client.GetDocumentAsync("/about");
        var french = home.QuerySelectorAll(".language-menu a").Single(a => a.GetAttribute("lang") == "fr").GetAttribute("href")!;

        var chosen = await client.GetAsync(french);
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/about", chosen.Headers.Location!.OriginalString);
        Assert.Contains(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=", StringComparison.Ordinal));

        var about = await client.GetDocumentAsync("/about");
        Assert.Equal("fr", about.DocumentElement.GetAttribute("lang"));
        Assert.Equal("À propos", about.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task HomePageHasTheSectionsOfAStandardsBody()
    {
        var page = await factory.Browser().GetDocumentAsync("/?culture=en");
        var headings = page.QuerySelectorAll("h1, h2").Select(h => h.TextContent.Trim()).ToList();
        foreach (var expected in new[] { "Buy a standard", "Looking to get certified?", "Explore by sector", "Top standards", "Featured insights" })
        {
            Assert.Contains(expected, headings);
        }
        var sectors = page.QuerySelectorAll(".sectors a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(12, sectors.Count);
        Assert.Contains("Diversity and inclusion", sectors);
        var nav = page.QuerySelectorAll("nav.main-nav a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Standards", "Sectors", "About us", "News", "Taking part", "Store"], nav);
        Assert.NotNull(page.QuerySelector("header form[role=search] input[name=q]"));
        var footer = page.QuerySelectorAll("footer a").Select(a => a.TextContent.Trim()).ToList();
        foreach (var expected in new[] { "Sitemap", "Accessibility", "Privacy notice", "Copyright", "Contact" })
        {
            Assert.Contains(expected, footer);
        }
        Assert.Equal("Sign up for email updates", page.QuerySelector("footer form button[type=submit]")!.TextContent.Trim());
    }

    [Fact]
    public async Task NoLinkOnTheSiteShellLeadsNowhere()
    {
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync("/?culture=en");
        var links = page.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!.Split('#')[0])
            .Where(h => !h.StartsWith("/language", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(links.Count > 20);
        foreach (var link in links)
        {
            var response = await client.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task EveryPageCarriesTheSecurityHeaders()
    {
        var response = await factory.Browser().GetAsync("/");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());

        var docs = await factory.Browser().GetAsync("/api/docs/index.html");
        Assert.DoesNotContain("unsafe-inline", docs.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPageIsA404InThePagesLanguage()
    {
        var response = await factory.Browser().GetAsync("/no-such-page?culture=es");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("es", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Página no encontrada", page.QuerySelector("h1")!.TextContent.Trim());
    }
}
