using System.Net;
using System.Text.Json;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

public class StandardPageTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    [Fact]
    public async Task TheStandardPageTellsEverythingAboutIt()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/standard/62085?culture=en");
        var main = page.QuerySelector("main")!;
        var facts = main.QuerySelectorAll(".facts dt").Zip(main.QuerySelectorAll(".facts dd"), (dt, dd) => (dt.TextContent.Trim(), dd.TextContent.Trim())).ToDictionary();

        Assert.Equal("ISO 9001:2015", main.QuerySelector("h1 .reference")!.TextContent);
        Assert.Equal("Quality management systems — Requirements", main.QuerySelector("h1 .standard-title")!.TextContent);
        Assert.Equal("Systèmes de management de la qualité — Exigences", main.QuerySelector(".other-title")!.TextContent);
        Assert.Equal("Published", facts["Status"]);
        Assert.Equal("90.92 International Standard to be revised", facts["Stage"]);
        Assert.Equal("5", facts["Edition"]);
        Assert.Equal("2015-09-15", facts["Publication date"]);
        Assert.Contains("29 in English", facts["Number of pages"], StringComparison.Ordinal);
        Assert.Equal("English, French, Spanish, Russian", facts["Available in"]);
        Assert.Equal("urn:iso:std:iso:9001:2015", facts["URN"]);
        var committee = main.QuerySelector(".facts a[href='/committees/iso-tc-176-sc-2']")!;
        Assert.Equal("ISO/TC 176/SC 2", committee.TextContent);
        Assert.NotNull(main.QuerySelector(".facts a[href='/ics/03.120.10']"));
        Assert.Contains("Quality management and quality assurance", facts["ICS"], StringComparison.Ordinal);
        Assert.Contains("consistently provide products and services", main.QuerySelector(".scope")!.TextContent, StringComparison.Ordinal);

        var lifeCycle = main.QuerySelectorAll(".lifecycle li").Select(li => li.TextContent).ToList();
        Assert.Equal(3, lifeCycle.Count);
        Assert.Contains("ISO 9001:2008", lifeCycle[0], StringComparison.Ordinal);
        Assert.Contains("ISO 9001:2015", lifeCycle[1], StringComparison.Ordinal);
        Assert.Contains("ISO/DIS 9001", lifeCycle[2], StringComparison.Ordinal);
        Assert.Contains("Will be replaced by", lifeCycle[2], StringComparison.Ordinal);
        Assert.Equal(["ISO 9001:2015/Amd 1:2024"], main.QuerySelectorAll(".supplements a").Select(a => a.TextContent));
    }

    [Fact]
    public async Task ThePageCarriesJsonLdForSearchEngines()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/standard/62085");

        var script = page.QuerySelector("script[type='application/ld+json']")!;
        using var json = JsonDocument.Parse(script.TextContent);
        Assert.Equal("CreativeWork", json.RootElement.GetProperty("@type").GetString());
        Assert.Equal("2015-09-15", json.RootElement.GetProperty("datePublished").GetString());
        Assert.Contains("urn:iso:std:iso:9001:2015", json.RootElement.GetProperty("identifier").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task AWithdrawnStandardSaysWhatReplacesIt()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/standard/46486?culture=en");

        var notice = page.QuerySelector(".notice-warn")!;
        Assert.Contains("withdrawn", notice.TextContent, StringComparison.Ordinal);
        Assert.Equal("/standard/62085", notice.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task ASupplementNamesTheEditionItAmends()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/standard/88431?culture=en");

        Assert.Contains("This supplement amends", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("main a[href='/standard/62085']"));
    }

    [Fact]
    public async Task TheStoresOffersSitBesideThePublishedStandardAndNotBesideADraft()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/standard/62085?culture=en");

        Assert.NotNull(page.QuerySelector(".standard-layout .standard-main"));
        Assert.Contains("CHF", page.QuerySelector(".standard-layout .standard-aside .store-offers")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll(".standard-aside form.offer-form"));

        var draft = await factory.Browser().GetDocumentAsync("/standard/88464?culture=en"); // ISO/DIS 9001
        Assert.Empty(draft.QuerySelectorAll("form.offer-form"));
        Assert.DoesNotContain("CHF", draft.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/standard/ISO%209001:2015", "/standard/62085")]
    [InlineData("/standard/iso9001:2015", "/standard/62085")]
    [InlineData("/standard/ISO%209001", "/standard/62085")]
    [InlineData("/standard/ISO/IEC%2027001:2022", "/standard/82875")]
    [InlineData("/standard/ISO%2FIEC%2027001%202022", "/standard/82875")]
    [InlineData("/standard/ISO%209001:2015%2FAmd%201:2024", "/standard/88431")]
    public async Task AReferenceInTheAddressLeadsToTheStandard(string url, string target)
    {
        await factory.WithDemoAsync();
        var response = await factory.Browser().GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(target, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/standard/999999")]
    [InlineData("/standard/ISO%2099999:2099")]
    [InlineData("/standard/not-a-standard")]
    public async Task UnknownStandardsAreNotFound(string url)
    {
        await factory.WithDemoAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task AnonymousPagesCarryAnETagAndAnswerNotModified()
    {
        await factory.WithDemoAsync();
        var client = factory.Browser();
        var first = await client.GetAsync("/standard/62085");
        var etag = first.Headers.ETag!;

        var request = new HttpRequestMessage(HttpMethod.Get, "/standard/62085");
        request.Headers.IfNoneMatch.Add(etag);
        var second = await client.SendAsync(request);

        Assert.True(etag.IsWeak);
        Assert.Contains("public", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task AChangeToTheCatalogueShowsAtOnceDespiteTheCache()
    {
        await factory.WithDemoAsync();
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(990001, "ISO 99001:2020", "Original title") + "\n");
        var client = factory.Browser();
        var before = await client.GetDocumentAsync("/standard/990001");
        var etag = (await client.GetAsync("/standard/990001")).Headers.ETag!;

        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(990001, "ISO 99001:2020", "Corrected title") + "\n");
        var after = await client.GetDocumentAsync("/standard/990001");
        var request = new HttpRequestMessage(HttpMethod.Get, "/standard/990001");
        request.Headers.IfNoneMatch.Add(etag);

        Assert.Equal("Original title", before.QuerySelector("h1 .standard-title")!.TextContent);
        Assert.Equal("Corrected title", after.QuerySelector("h1 .standard-title")!.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task SignedInVisitorsAreNeverServedFromTheSharedCache()
    {
        await factory.WithDemoAsync();
        var (client, _) = await factory.SignInAsAsync("Customer");

        var response = await client.GetAsync("/standard/62085");

        Assert.Null(response.Headers.ETag);
        // Private, or not stored at all (the page carries the sign-out form's antiforgery token).
        var cacheControl = response.Headers.CacheControl!;
        Assert.True(cacheControl.Private || cacheControl.NoStore, cacheControl.ToString());
        Assert.False(cacheControl.Public);
        var page = await response.ReadDocumentAsync();
        Assert.NotNull(page.QuerySelector("form[action='/account/signout']"));
    }

    [Theory]
    [InlineData("fr", "Systèmes de management de la qualité — Exigences", "Publiée", "Norme internationale à réviser")]
    [InlineData("es", "Quality management systems — Requirements", "Publicada", "Norma Internacional por revisar")]
    [InlineData("ru", "Quality management systems — Requirements", "Опубликован", "Международный стандарт подлежит пересмотру")]
    public async Task ThePageSpeaksTheVisitorsLanguage(string culture, string title, string status, string stage)
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync($"/standard/62085?culture={culture}");

        Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
        Assert.Equal(title, page.QuerySelector("h1 .standard-title")!.TextContent);
        Assert.Equal(status, page.QuerySelector(".standard-head .status")!.TextContent);
        Assert.Contains(stage, page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
    }
}
