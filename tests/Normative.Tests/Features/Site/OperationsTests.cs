using System.Net;
using System.Text.Json;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Site;

public class OperationsTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Fact]
    public async Task HealthCheckAsksTheDatabase()
    {
        var response = await factory.Browser().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocumentListsTheApi()
    {
        var response = await factory.Browser().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Normative API", doc.RootElement.GetProperty("info").GetProperty("title").GetString());
        Assert.True(doc.RootElement.GetProperty("paths").TryGetProperty("/api/v1/account", out _));
    }

    [Fact]
    public async Task TheOpenApiDocumentSaysWhichOperationsNeedAnApiTokenAndHowTheyRefuse()
    {
        using var doc = JsonDocument.Parse(await factory.Browser().GetStringAsync("/openapi/v1.json"));
        var scheme = doc.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiToken");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());

        var paths = doc.RootElement.GetProperty("paths");
        var change = paths.GetProperty("/api/v1/deliverables/{id}").GetProperty("put");
        Assert.True(change.GetProperty("security")[0].TryGetProperty("ApiToken", out _));
        Assert.True(change.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(change.GetProperty("responses").TryGetProperty("403", out _));
        Assert.False(paths.GetProperty("/api/v1/open-data/deliverables.csv").GetProperty("get").TryGetProperty("security", out _));

        // What the document says is what the API answers.
        var anonymous = await factory.CreateClient().PutAsync("/api/v1/deliverables/1", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var (customer, _) = await factory.ApiClientAsync("Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PutAsync("/api/v1/deliverables/1", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"))).StatusCode);
    }

    [Fact]
    public async Task SwaggerUiIsServedUnderApiDocs()
    {
        var response = await factory.Browser().GetAsync("/api/docs/index.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("/openapi/v1.json", await (await factory.Browser().GetAsync("/api/docs/index.js")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApiErrorsAreProblemDetails()
    {
        var response = await factory.Browser().GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(404, doc.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AnonymousApiCallGets401ProblemNotARedirect()
    {
        var response = await factory.Browser().GetAsync("/api/v1/account");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
