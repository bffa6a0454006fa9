using System.Net;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

/// <summary>Sign-in answers nobody anything about which addresses have accounts.</summary>
public class SignInDisclosureTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    private async Task<string> SignInErrorAsync(string email, string password)
    {
        var response = await factory.Browser().SubmitFormAsync("/account/signin?culture=en", new() { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent.Trim();
    }

    [Fact]
    public async Task ALockedAccountAnswersAsAnUnknownAddressDoes()
    {
        var user = await factory.CreateUserAsync("Customer");
        var unknown = await SignInErrorAsync($"nobody-{Guid.NewGuid():N}@example.org", "wrong password 1");
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(unknown, await SignInErrorAsync(user.Email!, "wrong password " + i));
        }
        // Locked now: even the right password gets the same answer, which says the lock is possible.
        Assert.Equal(unknown, await SignInErrorAsync(user.Email!, NormativeFactory.Password));
        Assert.Contains("locked for 15 minutes", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlySomeoneWithThePasswordLearnsThatAnAccountWaitsForConfirmation()
    {
        var user = await factory.CreateUserAsync("Customer", confirmed: false);
        var unknown = await SignInErrorAsync($"nobody-{Guid.NewGuid():N}@example.org", "wrong password 1");
        Assert.Equal(unknown, await SignInErrorAsync(user.Email!, "wrong password 1"));
        Assert.Contains("confirm", await SignInErrorAsync(user.Email!, NormativeFactory.Password), StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The anonymous account forms are rate-limited per client; showing them is not.</summary>
public class AccountFormsRateLimitTests(AccountFormsRateLimitTests.Factory factory) : IClassFixture<AccountFormsRateLimitTests.Factory>
{
    public sealed class Factory : NormativeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:FormPostsPerMinute"] = "5" };
    }

    [Fact]
    public async Task TheSixthPostInAMinuteIsRefusedAndTheFormStillShows()
    {
        var client = factory.Browser();
        for (var i = 0; i < 5; i++)
        {
            var response = await client.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = "someone@example.org", ["Input.Password"] = "guess number " + i });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var refused = await client.SubmitFormAsync("/account/forgot?culture=en", new() { ["Email"] = "someone@example.org" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/signin")).StatusCode);
    }
}
