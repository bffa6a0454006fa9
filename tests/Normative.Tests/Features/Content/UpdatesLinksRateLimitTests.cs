using System.Net;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

/// <summary>The e-mail updates' token links (confirm, preferences, unsubscribe) are rate-limited per client.</summary>
public class UpdatesLinksRateLimitTests(UpdatesLinksRateLimitTests.Factory factory) : IClassFixture<UpdatesLinksRateLimitTests.Factory>
{
    public sealed class Factory : UpdatesFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Site:TokenLinkRequestsPerMinute"] = "3" };
    }

    private HttpClient ClientAt(string address)
    {
        var client = factory.Browser();
        client.DefaultRequestHeaders.Add(ClientAddress.Header, address);
        return client;
    }

    [Fact]
    public async Task TheFourthTokenLinkInAMinuteGetsATooManyRequestsPageAndAnotherClientDoesNot()
    {
        var client = ClientAt("198.51.100.21");
        foreach (var link in new[] { "/updates/confirm?token=guess1", "/updates/preferences?token=guess2", "/updates/unsubscribe?token=guess3" })
        {
            var answer = await client.GetAsync(link + "&culture=en");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, answer.StatusCode);
            Assert.DoesNotContain("Too many requests", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var refused = await client.GetAsync("/updates/confirm?token=guess4&culture=en");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var page = (await refused.ReadDocumentAsync()).QuerySelector("main")!.TextContent;
        Assert.Contains("Too many requests", page, StringComparison.Ordinal);
        Assert.Contains("Wait a moment, then try again.", page, StringComparison.Ordinal);

        var other = await ClientAt("198.51.100.22").GetAsync("/updates/confirm?token=guess4&culture=en");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }
}
