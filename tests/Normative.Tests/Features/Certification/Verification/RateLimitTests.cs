using System.Net;
using System.Text.Json;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Certification.Verification;

public class RateLimitTests(RateLimitTests.LowLimitFactory factory) : IClassFixture<RateLimitTests.LowLimitFactory>
{
    public sealed class LowLimitFactory : NormativeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Certification:ExpiryJob:Enabled"] = "false",
            ["Certification:RateLimit:PermitLimit"] = "3",
            ["Certification:RateLimit:WindowSeconds"] = "120",
        };
    }

    [Fact]
    public async Task AnonymousSearchBeyondTheLimitGetsA429WithRetryAfterAndProblemDetails()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/certificates/verify?number=N-" + i)).StatusCode);
        }
        var refused = await client.GetAsync("/api/v1/certificates?country=GB");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 120);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains($"Try again in {retryAfter} seconds", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The page says so in the site's own words, with the same header.
        var page = await factory.Browser().GetAsync("/certification?number=X");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.Contains("Retry-After"));
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var seconds = page.Headers.GetValues("Retry-After").Single();
        Assert.Contains($"Try again in {seconds} seconds", (await page.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A person opening the search page, or reading a certificate's page, is not searching.
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().GetAsync("/certification")).StatusCode);
        var pages = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => factory.Browser().GetAsync("/certification/certificates/999999999")));
        Assert.All(pages, p => Assert.Equal(HttpStatusCode.NotFound, p.StatusCode));

        // What is not search is not limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/certification/statistics")).StatusCode);
    }

    [Fact]
    public async Task SignedInUsersAreNotLimited()
    {
        var (api, _) = await factory.ApiClientAsync(Roles.CertificationBody);
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/certificates/verify?number=S-" + i)).StatusCode);
        }
    }
}
