using System.Net;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

public class BrowseTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    [Fact]
    public async Task TheCatalogueFrontPageOffersEveryWayIn()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/standards?culture=en");
        var main = page.QuerySelector("main")!;

        Assert.Equal("Standards catalogue", main.QuerySelector("h1")!.TextContent);
        Assert.NotNull(main.QuerySelector("form[action='/search'] input[name=q]"));
        Assert.Equal(40, main.QuerySelectorAll(".ics-fields li").Length);
        var quality = main.QuerySelectorAll(".ics-fields li").Single(li => li.QuerySelector("a")!.GetAttribute("href") == "/ics/03");
        Assert.True(int.Parse(quality.QuerySelector(".count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) > 5);
        Assert.Equal(12, main.QuerySelectorAll(".sectors a").Length);
        Assert.Equal("ISO 9001:2015", main.QuerySelector(".top-standards li a")!.TextContent);
        var latest = main.QuerySelectorAll("#latest-title ~ .deliverable-list li").ToList();
        Assert.Equal(10, latest.Count);
        Assert.Contains(latest, li => li.TextContent.Contains("ISO 9001:2015/Amd 1:2024", StringComparison.Ordinal));
        Assert.NotNull(main.QuerySelector("a[href='/committees']"));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='application/atom+xml'][href='/standards/feed.atom']"));
    }

    [Fact]
    public async Task TheIcsTreeGoesFromFieldsToGroupsToStandards()
    {
        await factory.WithDemoAsync();
        var fields = await factory.Browser().GetDocumentAsync("/ics?culture=en");
        var field = await factory.Browser().GetDocumentAsync("/ics/03?culture=en");
        var group = await factory.Browser().GetDocumentAsync("/ics/03.120?culture=en");
        var subgroup = await factory.Browser().GetDocumentAsync("/ics/03.120.10?culture=en");

        Assert.Equal(40, fields.QuerySelectorAll(".ics-table tbody tr").Length);
        Assert.Contains(field.QuerySelectorAll(".ics-table a"), a => a.GetAttribute("href") == "/ics/03.120");
        var qualityRow = group.QuerySelectorAll(".ics-table tbody tr").Single(r => r.TextContent.Contains("03.120.10", StringComparison.Ordinal));
        Assert.True(int.Parse(qualityRow.QuerySelectorAll("td.num")[0].TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 3);
        Assert.Contains(subgroup.QuerySelectorAll(".deliverable-list a"), a => a.TextContent == "ISO 9001:2015");
        Assert.DoesNotContain(subgroup.QuerySelectorAll(".deliverable-list a"), a => a.TextContent == "ISO 9001:2008");
        Assert.Equal("/ics/03.120", subgroup.QuerySelectorAll(".breadcrumbs a").Last().GetAttribute("href"));
    }

    [Fact]
    public async Task AnIcsTitleShownInEnglishOnASpanishOrRussianPageSaysItIsEnglish()
    {
        await factory.WithDemoAsync();
        var english = await factory.Browser().GetDocumentAsync("/ics/03.220?culture=en");
        var spanish = await factory.Browser().GetDocumentAsync("/ics/03.220?culture=es");
        var field = await factory.Browser().GetDocumentAsync("/ics/03?culture=ru");
        var sector = await factory.Browser().GetDocumentAsync("/sectors/transport?culture=es");

        // A screen reader reads the title as written, not as Spanish or Russian words.
        Assert.Null(english.QuerySelector("h1 [lang]"));
        Assert.Equal("en", spanish.QuerySelector("h1 [lang]")!.GetAttribute("lang"));
        Assert.Contains(field.QuerySelectorAll(".ics-table a[lang=en]"), a => a.GetAttribute("href") == "/ics/03.220");
        Assert.NotEmpty(sector.QuerySelectorAll("#sector-ics ~ ul [lang=en]"));
    }

    [Theory]
    [InlineData("/ics/99")]
    [InlineData("/ics/not-a-code")]
    [InlineData("/committee/12345678")]
    [InlineData("/committees/no-such-committee")]
    [InlineData("/committees/12345678/members")]
    [InlineData("/sectors/unicorns")]
    public async Task UnknownPlacesAreNotFound(string url)
    {
        await factory.WithDemoAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task CommitteesListTechnicalCommitteesWithTheirSubcommittees()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/committees?culture=en");

        var rows = page.QuerySelectorAll(".committee-table tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        var tc = rows.IndexOf("ISO/TC 176");
        Assert.True(tc >= 0);
        Assert.Equal(["ISO/TC 176/SC 1", "ISO/TC 176/SC 2", "ISO/TC 176/SC 3"], rows.Skip(tc + 1).Take(3));
        Assert.True(rows.IndexOf("ISO/TC 6") < rows.IndexOf("ISO/TC 12"));
    }

    [Fact]
    public async Task ACommitteePageShowsScopeStandardsAndProjects()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/committees/iso-tc-176?culture=en");
        var main = page.QuerySelector("main")!;

        Assert.Contains("Quality management and quality assurance", main.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("generic quality management systems", main.QuerySelector(".scope")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(3, main.QuerySelectorAll("#sc-title ~ ul a").Length);
        Assert.Contains("SCC", main.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("page", main.QuerySelector(".tabs a[href='/committees/iso-tc-176']")!.GetAttribute("aria-current"));

        page = await factory.Browser().GetDocumentAsync("/committees/iso-tc-176/standards?culture=en");
        main = page.QuerySelector("main")!;
        Assert.Equal("page", main.QuerySelector(".tabs a[href='/committees/iso-tc-176/standards']")!.GetAttribute("aria-current"));
        var published = main.QuerySelectorAll("#published-title ~ .deliverable-list a").Select(a => a.TextContent).ToList();
        Assert.Contains("ISO 9001:2015", published);
        Assert.Contains("ISO 9000:2015", published);
        Assert.DoesNotContain("ISO 9001:2008", published);
        Assert.Contains("ISO/DIS 9001", main.QuerySelector("#projects-title")!.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SectorsGatherTheirFieldsAndCommittees()
    {
        await factory.WithDemoAsync();
        var sectors = await factory.Browser().GetDocumentAsync("/sectors?culture=en");
        var management = await factory.Browser().GetDocumentAsync("/sectors/management?culture=en");
        var it = await factory.Browser().GetDocumentAsync("/sectors/it?culture=en");

        Assert.Equal(12, sectors.QuerySelectorAll(".sector-cards li").Length);
        Assert.Contains(management.QuerySelectorAll("#sector-ics ~ ul a"), a => a.GetAttribute("href") == "/ics/03.120");
        Assert.Contains(management.QuerySelectorAll("#sector-committees ~ ul a"), a => a.TextContent == "ISO/TC 176");
        Assert.Contains(management.QuerySelectorAll("#sector-standards ~ .deliverable-list a"), a => a.TextContent == "ISO 9001:2015");
        var itStandards = it.QuerySelectorAll("#sector-standards ~ .deliverable-list a").Select(a => a.TextContent).ToList();
        Assert.Contains("ISO/IEC 27001:2022", itStandards);
        Assert.DoesNotContain("ISO 9001:2015", itStandards);
    }

    [Fact]
    public async Task TheHomePageShowsTheEditorsTopStandards()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/?culture=en");

        var top = page.QuerySelectorAll(".top-standards li a").Select(a => a.TextContent).ToList();
        Assert.Equal("ISO 9001:2015", top[0]);
        Assert.Equal(10, top.Count);
    }

    [Fact]
    public async Task ThePagesOnceComingSoonAreNowReal()
    {
        await factory.WithDemoAsync();
        foreach (var url in new[] { "/standards", "/sectors", "/sectors/health", "/search" })
        {
            var page = await factory.Browser().GetDocumentAsync(url + "?culture=en");
            Assert.DoesNotContain("not open yet", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
    }
}
