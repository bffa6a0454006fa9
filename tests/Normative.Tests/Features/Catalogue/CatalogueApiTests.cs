using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using static Normative.Features.Catalogue.CatalogueApi;

namespace Normative.Tests.Features.Catalogue;

public class CatalogueApiTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ADeliverableComesInTheOpenDataShapeWithItsLinks()
    {
        await factory.WithDemoAsync();
        var d = await factory.CreateClient().GetFromJsonAsync<DeliverableResponse>("/api/v1/deliverables/62085", Json);

        Assert.Equal("ISO 9001:2015", d!.Reference);
        Assert.Equal("Systèmes de management de la qualité — Exigences", d.Title.Fr);
        Assert.Equal(9092, d.CurrentStage);
        Assert.Equal("90.92", d.Stage);
        Assert.Equal("published", d.Status);
        Assert.Equal("urn:iso:std:iso:9001:2015", d.Urn);
        Assert.Equal([46486], d.Replaces);
        Assert.Equal(["ISO 9001:2015/Amd 1:2024"], d.Supplements.Select(s => s.Reference));
        Assert.Equal(["ISO 9001:2008"], d.PreviousEditions.Select(s => s.Reference));
        Assert.Equal(["ISO/DIS 9001"], d.NextEditions.Select(s => s.Reference));
        Assert.NotNull(d.CommitteeId);
    }

    [Fact]
    public async Task UnknownIdsAreProblemDetails()
    {
        var response = await factory.CreateClient().GetAsync("/api/v1/deliverables/123456789");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task CommitteesListAndDetailWithCounts()
    {
        await factory.WithDemoAsync();
        var client = factory.CreateClient();
        var all = await client.GetFromJsonAsync<List<CommitteeSummary>>("/api/v1/committees", Json);
        var tc = all!.Single(c => c.Reference == "ISO/TC 176");

        var children = await client.GetFromJsonAsync<List<CommitteeSummary>>($"/api/v1/committees?parent={tc.Id}", Json);
        var detail = await client.GetFromJsonAsync<CommitteeResponse>($"/api/v1/committees/{tc.Id}", Json);

        Assert.Equal(["ISO/TC 176/SC 1", "ISO/TC 176/SC 2", "ISO/TC 176/SC 3"], children!.Select(c => c.Reference));
        Assert.Equal("Quality management and quality assurance", detail!.Title.En);
        Assert.Equal(4, detail.PublishedCount);
        Assert.Equal(1, detail.UnderDevelopmentCount);
        Assert.Contains("ANSI", detail.PMembers);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/committees?parent=x")).StatusCode);
    }

    [Fact]
    public async Task IcsCodesComeWithCounts()
    {
        await factory.WithDemoAsync();
        var codes = await factory.CreateClient().GetFromJsonAsync<List<IcsResponse>>("/api/v1/ics", Json);

        Assert.Equal(1381, codes!.Count);
        Assert.True(codes.Single(c => c.Code == "03.120.10").Published >= 3);
        Assert.Equal("03.120", codes.Single(c => c.Code == "03.120.10").Parent);
    }

    [Fact]
    public async Task ReadsCarryETagsAndCacheHeadersAndAnswerNotModified()
    {
        await factory.WithDemoAsync();
        var client = factory.CreateClient();
        var first = await client.GetAsync("/api/v1/deliverables?q=9001");
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/deliverables?q=9001");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        var second = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("max-age=", first.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task TheApiIsOpenToAnonymousCallersAndToTokens()
    {
        await factory.WithDemoAsync();
        var (withToken, _) = await factory.ApiClientAsync(Roles.Customer);

        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync("/api/v1/deliverables/62085")).StatusCode);
        var response = await withToken.GetAsync("/api/v1/deliverables/62085");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Headers.ETag);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheCatalogue()
    {
        var doc = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");

        foreach (var path in new[] { "/api/v1/deliverables", "/api/v1/deliverables/{id}", "/api/v1/committees", "/api/v1/committees/{id}", "/api/v1/ics", "/api/v1/open-data/deliverables.jsonl", "/api/v1/open-data/deliverables.csv" })
        {
            Assert.True(paths.TryGetProperty(path, out _), path);
        }
        var parameters = paths.GetProperty("/api/v1/deliverables").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("q", parameters);
        Assert.Contains("committee", parameters);
        Assert.DoesNotContain("/sitemap.xml", paths.EnumerateObject().Select(p => p.Name));
    }
}
