using System.Net;
using Normative.Features.Content.Updates;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

public class SignUpLimitTests(SignUpLimitTests.Factory factory) : IClassFixture<SignUpLimitTests.Factory>
{
    public sealed class Factory : UpdatesFactory
    {
        protected override int SignUpLimit => 2;
    }

    private async Task<HttpResponseMessage> SignUpAsync(string from)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/updates?culture=en")
        {
            Content = new FormUrlEncodedContent([new("Input.Email", $"r-{Guid.NewGuid():N}@example.org"), new("Input.Topics", UpdateTopics.News)]),
        };
        request.Headers.Add(ClientAddress.Header, from);
        return await factory.Browser().SendAsync(request);
    }

    [Fact]
    public async Task SignUpsFromOneClientAreLimitedAndOthersAreNot()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SignUpAsync("198.51.100.20")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignUpAsync("198.51.100.20")).StatusCode);

        var third = await SignUpAsync("198.51.100.20");
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Contains("Too many sign-ups", (await third.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SignUpAsync("198.51.100.21")).StatusCode);
        // Reading the pages is never limited.
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().GetAsync("/updates")).StatusCode);
    }
}
