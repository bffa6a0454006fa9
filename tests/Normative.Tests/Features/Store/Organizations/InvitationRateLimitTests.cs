using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Organizations;

/// <summary>Organisation invitation links are rate-limited per client, so their tokens cannot be tried in bulk.</summary>
public class InvitationRateLimitTests(InvitationRateLimitTests.Factory factory) : IClassFixture<InvitationRateLimitTests.Factory>
{
    public sealed class Factory : StoreFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Site:TokenLinkRequestsPerMinute"] = "3" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter, ClientAddress>());
        }
    }

    private HttpClient ClientAt(string address)
    {
        var client = factory.Browser();
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }

    [Fact]
    public async Task TheFourthInvitationLinkInAMinuteGetsATooManyRequestsPageAndAnotherClientDoesNot()
    {
        var client = ClientAt("198.51.100.41");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/account/organizations/join/guess{i}?culture=en")).StatusCode);
        }

        var refused = await client.GetAsync("/account/organizations/join/guess3?culture=en");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        Assert.Contains("Too many requests", (await refused.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await ClientAt("198.51.100.42").GetAsync("/account/organizations/join/guess3?culture=en")).StatusCode);
    }
}
