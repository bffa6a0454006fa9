using System.Text;
using System.Text.Json;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Security;

/// <summary>The fuzzer's judge of answers: it passes the app's real answers and catches ones a client generated from the document could not read.</summary>
public class ResponseConformanceTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Fact]
    public async Task RealAnswersPassAndAnswersUnlikeTheDocumentAreCaught()
    {
        var client = factory.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = OpenApiOperation.AllIn(document);
        var conformance = new ResponseConformance(document);
        var ics = operations.Single(o => o.Method == "GET" && o.Path == "/api/v1/ics");
        var deliverable = operations.Single(o => o.Method == "GET" && o.Path == "/api/v1/deliverables/{id}");
        var search = operations.Single(o => o.Method == "GET" && o.Path == "/api/v1/deliverables");

        // What the app really sends: a page of the catalogue, and problem details for a deliverable that does not exist.
        using var list = await client.GetAsync("/api/v1/deliverables?page=1");
        Assert.Equal(200, (int)list.StatusCode);
        Assert.Null(conformance.Check(search, "/api/v1/deliverables?page=1", 200, list.Content.Headers.ContentType?.MediaType, await list.Content.ReadAsByteArrayAsync()));
        using var missing = await client.GetAsync("/api/v1/deliverables/987654");
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Null(conformance.Check(deliverable, "/api/v1/deliverables/987654", 404, missing.Content.Headers.ContentType?.MediaType, await missing.Content.ReadAsByteArrayAsync()));

        // A code that is a number where the schema says text, a record missing its required fields.
        Assert.Contains("does not match its schema", conformance.Check(ics, "/api/v1/ics", 200, "application/json", Encoding.UTF8.GetBytes("[{\"code\":5}]")));
        Assert.Contains("does not match its schema", conformance.Check(deliverable, "/api/v1/deliverables/1", 200, "application/json", Encoding.UTF8.GetBytes("{\"id\":1}")));
        // An error page where the document promises problem details; a status it does not list; a JSON answer with no body.
        Assert.Contains("came as text/html", conformance.Check(deliverable, "/api/v1/deliverables/1", 404, "text/html", Encoding.UTF8.GetBytes("<html></html>")));
        Assert.Contains("not listed", conformance.Check(deliverable, "/api/v1/deliverables/1", 418, "application/json", Encoding.UTF8.GetBytes("{}")));
        Assert.Contains("without the body", conformance.Check(deliverable, "/api/v1/deliverables/1", 200, null, []));
        Assert.Contains("is not JSON", conformance.Check(deliverable, "/api/v1/deliverables/1", 200, "application/json", Encoding.UTF8.GetBytes("{\"id\":")));
    }
}
