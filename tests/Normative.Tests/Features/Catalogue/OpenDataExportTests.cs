using System.Net;
using System.Text;
using Normative.Cli.Demo;

namespace Normative.Tests.Features.Catalogue;

public class OpenDataExportTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private async Task<string> LoadedExportAsync(string format)
    {
        await factory.WithDemoAsync();
        using var generated = new MemoryStream();
        await new DeliverableGenerator(11).WriteJsonLinesAsync(generated, 400, CancellationToken.None);
        await factory.ImportDeliverablesAsync(Encoding.UTF8.GetString(generated.ToArray()));
        var response = await factory.CreateClient().GetAsync($"/api/v1/open-data/deliverables.{format}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task JsonLinesExportImportsIntoAnEmptyCatalogueAndExportsTheSame()
    {
        var exported = await LoadedExportAsync("jsonl");
        await using var other = new CatalogueFactory();

        var (result, problems) = await other.ImportDeliverablesAsync(exported, "deliverables.jsonl");
        var again = await other.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.jsonl");

        Assert.Equal("", problems);
        Assert.Equal(441, result.Inserted);
        Assert.Equal(exported, again);
        Assert.Contains("\"reference\":\"ISO 9001:2015\"", exported, StringComparison.Ordinal);
        Assert.Contains("Systèmes de management de la qualité", exported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvExportRoundTripsToo()
    {
        var json = await LoadedExportAsync("jsonl");
        var csv = await factory.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.csv");
        await using var other = new CatalogueFactory();

        var (result, problems) = await other.ImportDeliverablesAsync(csv, "deliverables.csv");
        var again = await other.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.jsonl");

        Assert.Equal("", problems);
        Assert.Equal(0, result.Rejected);
        Assert.Equal(json, again);
        Assert.StartsWith("id,deliverableType,supplementType,reference,title.en,title.fr,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportNamesItsFormat()
    {
        await factory.WithDemoAsync();
        var response = await factory.CreateClient().GetAsync("/api/v1/open-data/deliverables.jsonl");

        Assert.Equal("application/jsonl", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("deliverables.jsonl", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
    }
}
