using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Normative.Tests.Infrastructure;
using static Normative.Features.Catalogue.CatalogueApi;

namespace Normative.Tests.Features.Catalogue;

public class SearchTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<DeliverableListResponse> SearchAsync(string query)
    {
        await factory.WithDemoAsync();
        var response = await factory.CreateClient().GetAsync("/api/v1/deliverables" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<DeliverableListResponse>(Json))!;
    }

    private static List<string> References(DeliverableListResponse r) => r.Items.Select(i => i.Reference).ToList();

    [Theory]
    [InlineData("iso9001")]
    [InlineData("ISO 9001")]
    [InlineData("9001")]
    [InlineData("iso 9001")]
    public async Task ANumberTypedAnyOldWayFindsTheCurrentEditionFirst(string typed)
    {
        var result = await SearchAsync("?q=" + Uri.EscapeDataString(typed));

        Assert.Equal("identifier", result.Mode);
        Assert.Equal("ISO 9001:2015", result.Items[0].Reference);
        var refs = References(result);
        Assert.Contains("ISO 9001:2008", refs);
        Assert.Contains("ISO/DIS 9001", refs);
        Assert.Contains("ISO 9001:2015/Amd 1:2024", refs);
        // In force above under development above withdrawn.
        Assert.True(refs.IndexOf("ISO/DIS 9001") < refs.IndexOf("ISO 9001:2008"));
    }

    [Fact]
    public async Task AnExactIdentifierRanksFirstEvenWhenWithdrawn()
    {
        var result = await SearchAsync("?q=" + Uri.EscapeDataString("ISO 9001:2008"));

        Assert.Equal("ISO 9001:2008", result.Items[0].Reference);
        Assert.Equal("withdrawn", result.Items[0].Status);
    }

    [Fact]
    public async Task JointIdentifiersAreFoundWithoutTheirCopublisherAndWithYearsTypedLoosely()
    {
        Assert.Equal("ISO/IEC 27001:2022", (await SearchAsync("?q=" + Uri.EscapeDataString("ISO/IEC 27001 2022"))).Items[0].Reference);
        Assert.Equal("ISO/IEC 27001:2022", (await SearchAsync("?q=" + Uri.EscapeDataString("ISO 27001"))).Items[0].Reference);
        Assert.Equal("ISO/IEC 27001:2022/Amd 1:2024", (await SearchAsync("?q=" + Uri.EscapeDataString("iso/iec 27001:2022/AMD1:2024"))).Items[0].Reference);
    }

    [Fact]
    public async Task NumbersMatchByPrefix()
    {
        var refs = References(await SearchAsync("?q=" + Uri.EscapeDataString("ISO 900") + "&pageSize=50"));

        Assert.Contains("ISO 9001:2015", refs);
        Assert.Contains("ISO 9000:2015", refs);
    }

    [Fact]
    public async Task WordsFindTitlesInEnglishAndFrenchWithAccentsOrWithout()
    {
        Assert.Contains("ISO 9001:2015", References(await SearchAsync("?q=quality+management+systems+requirements")));
        Assert.Contains("ISO 9001:2015", References(await SearchAsync("?q=" + Uri.EscapeDataString("systèmes de management de la qualité exigences"))));
        Assert.Contains("ISO 9001:2015", References(await SearchAsync("?q=" + Uri.EscapeDataString("systemes management qualite exigences"))));
        Assert.Equal("words", (await SearchAsync("?q=information+security")).Mode);
        Assert.Contains("ISO/IEC 27001:2022", References(await SearchAsync("?q=information+security")));
    }

    [Fact]
    public async Task TyposAreForgivenAndTheCorrectionIsSaid()
    {
        var result = await SearchAsync("?q=qualty+managment");

        Assert.Equal("quality management", result.CorrectedQuery);
        Assert.Contains("ISO 9001:2015", References(result));
    }

    [Fact]
    public async Task TheLastWordMayBeUnfinished()
    {
        var result = await SearchAsync("?q=environmental+manag");

        Assert.Null(result.CorrectedQuery);
        Assert.Contains("ISO 14001:2015", References(result));
    }

    [Fact]
    public async Task CurrentEditionsRankAboveWithdrawnOnesForTheSameWords()
    {
        var refs = References(await SearchAsync("?q=quality+management+systems+requirements"));

        Assert.True(refs.IndexOf("ISO 9001:2015") < refs.IndexOf("ISO 9001:2008"));
    }

    [Fact]
    public async Task FiltersNarrowTheResultsAndCountEachValue()
    {
        var all = await SearchAsync("?q=management&pageSize=100");
        var published = await SearchAsync("?q=management&status=published&pageSize=100");
        var tc176 = await SearchAsync("?committee=" + Uri.EscapeDataString("ISO/TC 176") + "&pageSize=100");
        var ics = await SearchAsync("?ics=03.120&pageSize=100");
        var years = await SearchAsync("?from=2018&to=2019&pageSize=100");
        var russian = await SearchAsync("?language=ru&pageSize=100");
        var pas = await SearchAsync("?type=PAS");
        var stage = await SearchAsync("?stage=40.60");

        Assert.True(published.Total < all.Total);
        Assert.All(published.Items, i => Assert.Equal("published", i.Status));
        Assert.Equal(published.Total, all.Facets.Status.Single(s => s.Value == "published").Count);
        // A committee includes its subcommittees.
        Assert.Contains(tc176.Items, i => i.OwnerCommittee == "ISO/TC 176/SC 2");
        Assert.Contains(tc176.Items, i => i.OwnerCommittee == "ISO/TC 176/SC 1");
        Assert.All(tc176.Items, i => Assert.StartsWith("ISO/TC 176", i.OwnerCommittee!, StringComparison.Ordinal));
        Assert.Contains("ISO 9001:2015", References(ics));
        Assert.All(years.Items, i => Assert.InRange(i.PublicationDate!.Value.Year, 2018, 2019));
        Assert.Contains("ISO 31000:2018", References(years));
        Assert.Contains("ISO 26000:2010", References(russian));
        Assert.Equal(["ISO/PAS 45005:2020"], References(pas));
        Assert.Equal(["ISO/DIS 9001"], References(stage));
        Assert.Contains(all.Facets.Ics, f => f.Value == "03");
        Assert.Contains(all.Facets.Type, f => f.Value == "IS");
    }

    [Fact]
    public async Task SortAndPagesAreHonoured()
    {
        var newest = await SearchAsync("?sort=newest&pageSize=5");
        var byReference = await SearchAsync("?sort=reference&pageSize=100&status=published");
        var page2 = await SearchAsync("?sort=reference&pageSize=5&page=2&status=published");

        Assert.Equal(newest.Items.Select(i => i.PublicationDate).OrderByDescending(d => d), newest.Items.Select(i => i.PublicationDate));
        var numbers = byReference.Items.Where(i => i.Reference.StartsWith("ISO ", StringComparison.Ordinal) && !i.Reference.Contains('/', StringComparison.Ordinal))
            .Select(i => int.Parse(i.Reference[4..].Split(':', '-')[0], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(numbers.Order(), numbers);
        Assert.Equal(byReference.Items.Skip(5).Take(5).Select(i => i.Id), page2.Items.Select(i => i.Id));
        Assert.Equal(byReference.Total, page2.Total);
    }

    [Theory]
    [InlineData("?q=zzzzqqqq")]
    [InlineData("?q=%27%3B%20DROP%20TABLE%20deliverables%3B%20--")]
    [InlineData("?q=%22%20OR%201%3D1%20--")]
    [InlineData("?q=a%26b%7Cc%3A*%21(d)")]
    [InlineData("?q=%E2%80%94%E2%80%94")]
    [InlineData("?q=ISO%2099999999")]
    [InlineData("?q=the")]
    public async Task OddQueriesGiveAnAnswerNotAnError(string query)
    {
        var result = await SearchAsync(query);

        Assert.True(result.Total >= 0);
        Assert.True(await factory.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Deliverables)));
    }

    [Theory]
    [InlineData("?page=-1", "page")]
    [InlineData("?status=pending", "status")]
    [InlineData("?type=NOPE", "type")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?from=abc", "from")]
    public async Task TheApiAnswersBadFiltersWithProblemDetails(string query, string key)
    {
        await factory.WithDemoAsync();
        var response = await factory.CreateClient().GetAsync("/api/v1/deliverables" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(key, out _));
    }

    [Fact]
    public async Task AQueryOfTenThousandCharactersIsRefusedByTheApiAndReadInPartByThePage()
    {
        await factory.WithDemoAsync();
        var q = Uri.EscapeDataString(string.Concat(Enumerable.Repeat("quality ", 1250)));

        var api = await factory.CreateClient().GetAsync("/api/v1/deliverables?q=" + q);
        var page = await factory.CreateClient().GetAsync("/search?q=" + q);

        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task ThePageHighlightsMatchesAndEscapesEverything()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/search?q=quality+management");

        var first = page.QuerySelector(".result")!;
        Assert.NotEmpty(first.QuerySelectorAll(".result-title mark"));
        Assert.Contains(page.QuerySelectorAll(".result-title mark"), m => m.TextContent.Equals("Quality", StringComparison.OrdinalIgnoreCase));

        var hostile = await factory.Browser().GetDocumentAsync("/search?q=" + Uri.EscapeDataString("<script>alert(1)</script>"));
        Assert.Empty(hostile.QuerySelectorAll("main script"));
        Assert.Equal("<script>alert(1)</script>", hostile.QuerySelector("#search-q")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AnEmptyResultSuggestsWhatToTry()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/search?q=zzzzqqqq+wwwwxxxx&type=TR");

        var suggestions = page.QuerySelector(".empty-result")!;
        Assert.Contains(suggestions.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/search?q=zzzzqqqq%20wwwwxxxx");
        Assert.Contains(suggestions.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/search?q=zzzzqqqq");
        Assert.Contains(suggestions.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/ics");
    }

    [Fact]
    public async Task ThePageIgnoresBadFiltersAndSaysSo()
    {
        await factory.WithDemoAsync();
        var response = await factory.Browser().GetAsync("/search?q=quality&page=-1&status=pending&stage=99.99");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("status, stage, page", page.QuerySelector(".notice-warn")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(page.QuerySelectorAll(".result"));
    }

    [Fact]
    public async Task FilterLinksCarryTheirCounts()
    {
        await factory.WithDemoAsync();
        var page = await factory.Browser().GetDocumentAsync("/search?q=management");

        var typeLinks = page.QuerySelectorAll("#facet-type ~ ul a").ToList();
        Assert.Contains(typeLinks, a => a.GetAttribute("href")!.Contains("type=IS", StringComparison.Ordinal) && a.TextContent.Contains("International Standard", StringComparison.Ordinal));
        var chosen = await factory.Browser().GetDocumentAsync("/search?q=management&type=IS");
        Assert.NotNull(chosen.QuerySelector(".chips a[href='/search?q=management']"));
    }
}
