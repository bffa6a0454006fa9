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
    public async Task TitlesBeyondEnglishAndFrenchGetCsvColumnsOnlyWhenSomeRecordHasOneAndRoundTrip()
    {
        await using var catalogue = new CatalogueFactory();
        await catalogue.ImportDeliverablesAsync(CatalogueFactory.Line(9600001, "ISO 96001:2021", "Water reuse"));
        var isoShape = (await catalogue.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.csv")).Split('\n')[0].TrimEnd('\r');
        Assert.Equal("id,deliverableType,supplementType,reference,title.en,title.fr,publicationDate,edition,icsCode,ownerCommittee,currentStage,replaces,replacedBy,languages,pages.en,pages.fr,scope.en,scope.fr", isoShape);

        await catalogue.ImportDeliverablesAsync(CatalogueFactory.Line(9600002, "ISO 96002:2021", "Water reuse — Vocabulary",
            changes: ("title", new Dictionary<string, string> { ["en"] = "Water reuse — Vocabulary", ["ru"] = "Повторное использование воды — Словарь", ["es"] = "Reutilización del agua — Vocabulario" })));
        var csv = await catalogue.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.csv");
        var lines = csv.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(isoShape + ",title.es,title.ru", lines[0]);
        Assert.EndsWith(",,", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(",Reutilización del agua — Vocabulario,Повторное использование воды — Словарь", lines[2], StringComparison.Ordinal);

        await using var again = new CatalogueFactory();
        var (_, problems) = await again.ImportDeliverablesAsync(csv, "deliverables.csv");
        Assert.Equal("", problems);
        Assert.Equal(csv, await again.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.csv"));
        Assert.Equal(await catalogue.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.jsonl"), await again.CreateClient().GetStringAsync("/api/v1/open-data/deliverables.jsonl"));
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
