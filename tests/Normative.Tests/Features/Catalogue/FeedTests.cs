using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;

namespace Normative.Tests.Features.Catalogue;

public class FeedTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private async Task<XDocument> GetXmlAsync(string url, string mediaType)
    {
        await factory.WithDemoAsync();
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheFeedOfNewPublicationsListsTheNewestFirst()
    {
        var feed = await GetXmlAsync("/standards/feed.atom", "application/atom+xml");

        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        var dates = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        Assert.All(entries, e => Assert.StartsWith("http://localhost/standard/", e.Element(Atom + "id")!.Value, StringComparison.Ordinal));
        Assert.DoesNotContain(entries, e => e.Element(Atom + "title")!.Value.StartsWith("ISO 9001:2008", StringComparison.Ordinal));
        Assert.NotNull(feed.Root.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "self"));
    }

    [Fact]
    public async Task FeedsPerFieldAndPerCommitteeHoldOnlyTheirOwn()
    {
        await factory.WithDemoAsync();
        var tc176 = await factory.WithDbAsync(db => db.Committees.Where(c => c.Reference == "ISO/TC 176").Select(c => c.Slug).SingleAsync());

        var ics = await GetXmlAsync("/ics/35/feed.atom", "application/atom+xml");
        var committee = await GetXmlAsync($"/committees/{tc176}/feed.atom", "application/atom+xml");

        var icsTitles = ics.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Contains(icsTitles, t => t.StartsWith("ISO/IEC 27001:2022 ", StringComparison.Ordinal));
        Assert.DoesNotContain(icsTitles, t => t.StartsWith("ISO 9001", StringComparison.Ordinal));
        var committeeTitles = committee.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.Contains(committeeTitles, t => t.StartsWith("ISO 9001:2015 ", StringComparison.Ordinal));
        Assert.All(ics.Root.Elements(Atom + "entry"), e => Assert.Contains(e.Elements(Atom + "category"), c => ((string)c.Attribute("term")!).StartsWith("35", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("/ics/99/feed.atom")]
    [InlineData("/ics/x/feed.atom")]
    [InlineData("/committees/no-such-committee/feed.atom")]
    public async Task FeedsOfUnknownThingsAreNotFound(string url)
    {
        await factory.WithDemoAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task TheSitemapIndexLeadsToEveryStandardAndThePagesOfEveryFeature()
    {
        var index = await GetXmlAsync("/sitemap.xml", "application/xml");
        var files = index.Root!.Elements(Sitemap + "sitemap").Select(s => new Uri(s.Element(Sitemap + "loc")!.Value).AbsolutePath).ToList();
        Assert.Contains("/sitemap-standards-1.xml", files);
        Assert.DoesNotContain("/sitemap-standards-2.xml", files);

        var urls = new List<string>();
        foreach (var file in files)
        {
            var set = await GetXmlAsync(file, "application/xml");
            urls.AddRange(set.Root!.Elements(Sitemap + "url").Select(u => new Uri(u.Element(Sitemap + "loc")!.Value).AbsolutePath));
        }
        Assert.Contains("/standard/62085", urls);
        Assert.Equal(41, urls.Count(u => u.StartsWith("/standard/", StringComparison.Ordinal)));
        Assert.Contains("/ics/03.120.10", urls);
        Assert.Contains("/sectors/health", urls);
        Assert.Contains("/sdgs", urls);
        Assert.Equal(17, urls.Count(u => u.StartsWith("/sdgs/", StringComparison.Ordinal)));
        Assert.Contains("/committees/iso-tc-176-sc-2", urls);
        foreach (var page in new[] { "/", "/about", "/store", "/certification", "/members", "/development", "/taking-part" })
        {
            Assert.Contains(page, urls);
        }
        Assert.Equal(urls.Count, urls.Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/sitemap-standards-2.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/sitemap-nothing-1.xml")).StatusCode);
    }

    [Fact]
    public async Task TheSitemapNamesEveryPageInEachLanguage()
    {
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var set = await GetXmlAsync("/sitemap-about-1.xml", "application/xml");
        var about = set.Root!.Elements(Sitemap + "url").Single(u => u.Element(Sitemap + "loc")!.Value.EndsWith("/about", StringComparison.Ordinal));
        var alternates = about.Elements(xhtml + "link").Where(l => (string?)l.Attribute("rel") == "alternate")
            .ToDictionary(l => (string)l.Attribute("hreflang")!, l => (string)l.Attribute("href")!);
        Assert.Equal(["en", "es", "fr", "ru", "x-default"], alternates.Keys.Order(StringComparer.Ordinal));
        Assert.EndsWith("/about?culture=ru", alternates["ru"], StringComparison.Ordinal);
        Assert.EndsWith("/about", alternates["x-default"], StringComparison.Ordinal);
        Assert.StartsWith("http", alternates["fr"], StringComparison.Ordinal);
    }
}
