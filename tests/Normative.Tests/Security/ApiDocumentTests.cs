using System.Text.Json;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Security;

/// <summary>What a client generated from the OpenAPI document learns: how to authenticate, and the errors each operation can answer.</summary>
public class ApiDocumentTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Fact]
    public async Task TheDocumentNamesTheTokenSchemeWhereItIsNeededAndTheErrorsEachOperationCanAnswer()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json")).RootElement;
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiToken");
        Assert.Equal(("http", "bearer"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("scheme").GetString()));

        var paths = document.GetProperty("paths");
        var vote = paths.GetProperty("/api/v1/ballots/{id}/votes").GetProperty("post");
        Assert.Equal("ApiToken", vote.GetProperty("security")[0].EnumerateObject().Single().Name);
        var voteAnswers = vote.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "400", "401", "403", "404", "413", "415" }, voteAnswers);
        Assert.Equal("application/problem+json", vote.GetProperty("responses").GetProperty("404").GetProperty("content").EnumerateObject().Single().Name);

        // A public read needs no token and says so; a wrong id is its 404.
        var deliverable = paths.GetProperty("/api/v1/deliverables/{id}").GetProperty("get");
        Assert.False(deliverable.TryGetProperty("security", out _));
        var answers = deliverable.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
        Assert.Contains("404", answers);
        Assert.Contains("400", answers);
        Assert.DoesNotContain("401", answers);

        // Every parameter has an example, so Swagger UI's "Try it out" and a generated client start from a value that reads.
        var withoutExample = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(m => m.Value.ValueKind == JsonValueKind.Object && m.Value.TryGetProperty("parameters", out _))
                .SelectMany(m => m.Value.GetProperty("parameters").EnumerateArray()
                    .Where(x => !x.TryGetProperty("example", out _))
                    .Select(x => $"{m.Name.ToUpperInvariant()} {p.Name} {x.GetProperty("name").GetString()}")))
            .ToList();
        Assert.True(withoutExample.Count == 0, "parameters without an example (add one to ApiExamples): " + string.Join("; ", withoutExample));
        var change = paths.GetProperty("/api/v1/deliverables/{id}").GetProperty("put").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.Equal("ISO 9001:2015", change.GetProperty("example").GetProperty("reference").GetString());
        var create = paths.GetProperty("/api/v1/deliverables").GetProperty("post").GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
        Assert.True(create.GetProperty("schema").GetProperty("properties").TryGetProperty("currentStage", out _), "the open-data record's fields are described");

        // The registry's searches are rate-limited, and say so.
        Assert.True(paths.GetProperty("/api/v1/certificates").GetProperty("get").GetProperty("responses").TryGetProperty("429", out _));
    }
}
