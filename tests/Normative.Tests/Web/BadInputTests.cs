using System.Net;
using Normative.Tests.Features.Store;
using Normative.Tests.Infrastructure;
using Normative.Web;
using Npgsql;

namespace Normative.Tests.Web;

/// <summary>Input nothing can use is a 400 with the site's own answer, never a 500.</summary>
public class BadInputTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Theory]
    [InlineData("/api/v1/deliverables?committee=%00")]
    [InlineData("/api/v1/certificates/verify?number=%00")]
    [InlineData("/certification?number=%00")]
    [InlineData("/search?q=iso%009001")]
    [InlineData("/standards?%00=1")]
    public async Task ANulCharacterInTheQueryIsRefusedBeforeItReachesTheDatabase(string url)
    {
        var response = await factory.Browser().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        if (url.StartsWith("/api/", StringComparison.Ordinal))
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.Contains("<h1>", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AReturnAddressWithCharactersOutsideAsciiIsFollowedEncoded()
    {
        var response = await factory.Browser().GetAsync("/language?culture=fr&returnUrl=%2F%C2%BF");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/%C2%BF", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ACheckboxPostedAsMaybeShowsTheFormAgainWithTheProblem()
    {
        var response = await factory.Browser().SubmitFormAsync("/account/signin?culture=en", new()
        {
            ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "not the password", ["Input.RememberMe"] = "maybe",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        // The sign-in form again, its box unticked; nobody is signed in.
        Assert.NotNull(page.QuerySelector("input[name='Input.RememberMe'][type=checkbox]:not([checked])"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Email']"));
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARequestNoHandlerOfThePageAnswersIsRefusedNotAServerError()
    {
        var (client, _) = await factory.SignInAsAsync("Customer");
        var token = await StoreTestData.TokenAsync(client);
        FormUrlEncodedContent Form() => new([new("__RequestVerificationToken", token)]);

        // The seats page has only named POST handlers; a bare POST used to render it with no order loaded (a 500).
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/store/orders/2026-999999/seats", Form())).StatusCode);
        var onlyRead = await client.PostAsync("/development/dashboard", Form());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, onlyRead.StatusCode);
        Assert.Equal(["GET"], onlyRead.Content.Headers.Allow);
        // A page with handlers for the request still answers as before.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/development/dashboard")).StatusCode);
    }

    [Fact]
    public void TheDatabaseRefusingTheRequestsTextIsTheRequestsFault()
    {
        Assert.Equal(400, BadInput.StatusCodeFor(new PostgresException("invalid byte sequence for encoding \"UTF8\": 0x00", "ERROR", "ERROR", "22021")));
        Assert.Equal(400, BadInput.StatusCodeFor(new InvalidOperationException("wrapped", new PostgresException("x", "ERROR", "ERROR", "22P05"))));
        Assert.Equal(500, BadInput.StatusCodeFor(new PostgresException("deadlock", "ERROR", "ERROR", "40P01")));
        Assert.Equal(500, BadInput.StatusCodeFor(new InvalidOperationException("a bug")));
    }
}
