using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Mvc.Testing;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

/// <summary>Sessions end on the server: a copy of a signed-out cookie signs nobody in, and each sign-in is a new session.</summary>
public class SignInSessionTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    private const string CookieName = ".AspNetCore.Identity.Application";

    [Fact]
    public async Task ACopiedCookieStopsWorkingWhenItsOwnerSignsOut()
    {
        var user = await factory.CreateUserAsync(Roles.Customer);
        var browser = factory.Browser();
        var cookie = await SignInAsync(browser, user.Email!);
        Assert.Equal(1, await SessionsOfAsync(user.Id));

        // Someone who copied the cookie is signed in as its owner, as long as the session lasts.
        var thief = Bare(cookie);
        Assert.Equal(HttpStatusCode.OK, (await thief.GetAsync("/account")).StatusCode);

        var signedOut = await browser.SubmitFormAsync("/about", [], "header form[action='/account/signout']");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        var after = await thief.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/signin", after.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(0, await SessionsOfAsync(user.Id));
    }

    [Fact]
    public async Task EachSignInIsANewSessionAndEndingOneLeavesTheOther()
    {
        var user = await factory.CreateUserAsync(Roles.Customer);
        var laptop = factory.Browser();
        var phone = factory.Browser();
        var first = await SignInAsync(laptop, user.Email!);
        var second = await SignInAsync(phone, user.Email!);

        Assert.NotEqual(first, second);
        Assert.Equal(2, await SessionsOfAsync(user.Id));
        await laptop.SubmitFormAsync("/about", [], "header form[action='/account/signout']");
        Assert.Equal(HttpStatusCode.Redirect, (await Bare(first).GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Bare(second).GetAsync("/account")).StatusCode);
    }

    private static async Task<string> SignInAsync(HttpClient client, string email)
    {
        var response = await client.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = NormativeFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var set = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal));
        return set[(CookieName.Length + 1)..set.IndexOf(';', StringComparison.Ordinal)];
    }

    private HttpClient Bare(string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", $"{CookieName}={cookie}");
        return client;
    }

    private Task<int> SessionsOfAsync(string userId) => factory.WithDbAsync(db => db.SignInSessions.CountAsync(s => s.UserId == userId));
}
