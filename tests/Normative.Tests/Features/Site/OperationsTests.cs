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
