using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.Editing;
using static Normative.Features.Catalogue.CatalogueApi;
using static Normative.Features.Catalogue.CatalogueEditApi;

namespace Normative.Tests.Features.Catalogue;

public class CatalogueEditApiTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static StringContent Body(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    [Fact]
    public async Task AnEditorsTokenChangesARecordInTheOpenDataShapeAndAStaleVersionIsRefused()
    {
        await factory.WithDemoAsync();
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(9500001, "ISO 95001:2020", "Water reuse"));
        var (client, user) = await factory.ApiClientAsync(Roles.Editor);
        var before = await factory.CreateClient().GetFromJsonAsync<DeliverableResponse>("/api/v1/deliverables/9500001", Json);

        var request = new HttpRequestMessage(HttpMethod.Put, "/api/v1/deliverables/9500001")
        {
            Content = Body(CatalogueFactory.Line(9500001, "ISO 95001:2020", "Water reuse", changes: [("title", new Dictionary<string, string> { ["en"] = "Water reuse", ["fr"] = "Réutilisation de l'eau" }), ("sdgs", new[] { 6 })])),
        };
        request.Headers.IfMatch.ParseAdd($"\"{before!.Version}\"");
        var changed = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<ChangeResponse>(Json);
        Assert.Equal(["title.fr", "sdgs"], body!.Changes.Select(c => c.Field));
        var after = await factory.CreateClient().GetFromJsonAsync<DeliverableResponse>("/api/v1/deliverables/9500001", Json);
        Assert.Equal("Réutilisation de l'eau", after!.Title.Fr);
        Assert.Equal([6], after.Sdgs);
        Assert.Equal(2, await factory.WithDbAsync(db => db.DeliverableChanges.CountAsync(c => c.DeliverableId == 9500001 && c.By == user.Email)));

        var stale = new HttpRequestMessage(HttpMethod.Put, "/api/v1/deliverables/9500001") { Content = Body(CatalogueFactory.Line(9500001, "ISO 95001:2020", "Water reuse again")) };
        stale.Headers.IfMatch.ParseAdd($"\"{before.Version}\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await client.SendAsync(stale)).StatusCode);
        Assert.Equal("Water reuse", await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == 9500001).Select(d => d.TitleEn).SingleAsync()));
    }

    [Fact]
    public async Task ARussianTitleAloneIsAChangeKeptInTheHistoryAndATitleObjectWithoutOtherLanguagesKeepsIt()
    {
        await factory.WithDemoAsync();
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(9500011, "ISO 95011:2020", "Water reuse"));
        var (client, _) = await factory.ApiClientAsync(Roles.Editor);

        var changed = await client.PutAsync("/api/v1/deliverables/9500011", Body(CatalogueFactory.Line(9500011, "ISO 95011:2020", "Water reuse",
            changes: ("title", new Dictionary<string, string> { ["en"] = "Water reuse", ["ru"] = "Повторное использование воды" }))));

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var body = await changed.Content.ReadFromJsonAsync<ChangeResponse>(Json);
        Assert.Equal([new FieldChange("title.ru", null, "Повторное использование воды")], body!.Changes);
        var after = await factory.CreateClient().GetFromJsonAsync<DeliverableResponse>("/api/v1/deliverables/9500011", Json);
        Assert.Equal("Повторное использование воды", after!.OtherTitles!["ru"]);

        // English and French only, as ISO's open data has them: the Russian title stays.
        var unchanged = await client.PutAsync("/api/v1/deliverables/9500011", Body(CatalogueFactory.Line(9500011, "ISO 95011:2020", "Water reuse")));
        Assert.Empty((await unchanged.Content.ReadFromJsonAsync<ChangeResponse>(Json))!.Changes);
        Assert.Equal(1, await factory.WithDbAsync(db => db.DeliverableChanges.CountAsync(c => c.DeliverableId == 9500011)));
    }

    [Fact]
    public async Task BadRecordsAreProblemsByFieldAndNothingChanges()
    {
        await factory.WithDemoAsync();
        var (client, _) = await factory.ApiClientAsync(Roles.Editor);

        var response = await client.PutAsync("/api/v1/deliverables/62085", Body(CatalogueFactory.Line(62085, "ISO 9001:2015", "Quality management systems — Requirements", changes: ("icsCode", new[] { "99.999.99" }))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.Contains("99.999.99", problem.GetProperty("errors").GetProperty("icsCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PutAsync("/api/v1/deliverables/62085", Body(CatalogueFactory.Line(1, "ISO 9001:2015", "Wrong id")))).StatusCode);
    }

    [Theory]
    [InlineData("""{"id": "62085", "deliverableType": "IS", "reference": "ISO 9010", "title": {"en": "Id as text"}, "currentStage": 1000}""", "id")]
    [InlineData("""{"deliverableType": "IS", "deliverableType": "TS", "reference": "ISO 9010", "title": {"en": "A name twice"}, "currentStage": 1000}""", "record")]
    [InlineData("""{"deliverableType": "IS", "reference": "ISO 9010", "title": {"en": "Half a pair \ud800"}, "currentStage": 1000}""", "record")]
    public async Task JsonTheRecordCannotBeReadFromIsABadRequestAndCreatesNothing(string record, string field)
    {
        await factory.WithDemoAsync();
        var (client, _) = await factory.ApiClientAsync(Roles.Editor);
        var before = await factory.WithDbAsync(db => db.Deliverables.CountAsync());

        var response = await client.PostAsync("/api/v1/deliverables", Body(record));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Deliverables.CountAsync()));
    }

    [Fact]
    public async Task AnEditorsTokenCreatesARecord()
    {
        await factory.WithDemoAsync();
        var (client, _) = await factory.ApiClientAsync(Roles.Administrator);

        var created = await client.PostAsync("/api/v1/deliverables", Body(CatalogueFactory.Line(0, "ISO Guide 98:2026", "Uncertainty notes", changes: [("id", null), ("deliverableType", "Guide"), ("publicationDate", "2026-01-10")])));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<ChangeResponse>(Json);
        Assert.True(body!.Id > 100_000_000);
        Assert.Equal("ISO Guide 98:2026", (await factory.CreateClient().GetFromJsonAsync<DeliverableResponse>(body.Url, Json))!.Reference);
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.CommitteeManager)]
    public async Task OnlyEditorsAndAdministratorsWrite(string role)
    {
        var (client, _) = await factory.ApiClientAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsync("/api/v1/deliverables/62085", Body("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/deliverables", Body("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PutAsync("/api/v1/deliverables/62085", Body("{}"))).StatusCode);
    }
}
