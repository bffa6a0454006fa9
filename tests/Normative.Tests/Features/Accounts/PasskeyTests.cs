using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

/// <summary>
/// Passkeys over HTTP: what is stored, what bad answers get, and that a password alone never makes
/// a passkey account's staff roles work. The ceremony itself runs in Browser/PasskeyBrowserTests.
/// </summary>
public class PasskeyTests(StaffTwoFactorTests.Factory factory) : IClassFixture<StaffTwoFactorTests.Factory>
{
    private async Task AddStoredPasskeyAsync(User user, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var fresh = (await users.FindByIdAsync(user.Id))!;
        var passkey = new UserPasskeyInfo(Guid.NewGuid().ToByteArray(), [1, 2, 3], DateTimeOffset.UtcNow, 0, ["internal"], true, false, false, [4, 5], [6, 7]) { Name = name };
        Assert.True((await users.AddOrUpdatePasskeyAsync(fresh, passkey)).Succeeded);
    }

    private Task<int> PasskeyCountAsync(User user) => factory.WithDbAsync(db => db.UserPasskeys.CountAsync(p => p.UserId == user.Id));

    [Fact]
    public async Task AGarbledPasskeyAnswerSignsNobodyInAndSaysSo()
    {
        var client = factory.Browser();
        // One ceremony under way (the options asked for, as passkeys.js does), the others not.
        var form = await client.GetDocumentAsync("/account/signin");
        var token = form.QuerySelector("form[data-passkey] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var optionsRequest = new HttpRequestMessage(HttpMethod.Post, form.QuerySelector("form[data-passkey]")!.GetAttribute("data-options"));
        optionsRequest.Headers.Add("RequestVerificationToken", token);
        var options = await client.SendAsync(optionsRequest);
        Assert.Equal("application/json", options.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"challenge\"", await options.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var answer in new[] { "{not json", "", """{"id":"AAAA","rawId":"AAAA","type":"public-key","response":{}}""" })
        {
            var response = await client.SubmitFormAsync("/account/signin?culture=en", new() { ["PasskeyCredential"] = answer }, "form[data-passkey]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("That passkey did not sign you in.", (await response.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task ABrowserThatMadeNoPasskeyAddsNothing()
    {
        var (client, user) = await factory.SignInAsAsync(Roles.Customer);
        foreach (var answer in new[] { "{\"id\":\"x\"}", "" })
        {
            var response = await client.SubmitFormAsync("/account?culture=en", new() { ["NewPasskey.Name"] = "Phone", ["NewPasskey.CredentialJson"] = answer }, "form[data-passkey]");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("No passkey was added.", (await response.ReadDocumentAsync()).QuerySelector("#passkey-error")!.TextContent, StringComparison.Ordinal);
        }

        var unnamed = await client.SubmitFormAsync("/account?culture=en", new() { ["NewPasskey.Name"] = " " }, "form[data-passkey]");
        Assert.False(string.IsNullOrWhiteSpace((await unnamed.ReadDocumentAsync()).QuerySelector("#passkey-error")!.TextContent));
        Assert.Equal(0, await PasskeyCountAsync(user));
    }

    [Fact]
    public async Task APasswordAloneNeitherUnlocksAPasskeyEditorsRoleNorAddsAnotherFactor()
    {
        var editor = await factory.CreateUserAsync(Roles.Editor);
        await AddStoredPasskeyAsync(editor, "Desk key");
        var client = factory.Browser();
        var signedIn = await client.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = editor.Email!, ["Input.Password"] = NormativeFactory.Password });
        Assert.StartsWith("/account/two-factor", signedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/standards/top/edit")).StatusCode);

        var account = await client.GetDocumentAsync("/account?culture=en");
        Assert.Equal("Desk key", account.QuerySelector("#passkey-list tbody td")!.TextContent.Trim());

        var another = await client.SubmitFormAsync("/account?culture=en", new() { ["NewPasskey.Name"] = "Intruder", ["NewPasskey.CredentialJson"] = "{}" }, "form[data-passkey]");
        Assert.Contains("sign in with it before you add another passkey", (await another.ReadDocumentAsync()).QuerySelector("#passkey-error")!.TextContent, StringComparison.Ordinal);
        var authenticator = await client.SubmitFormAsync("/account/two-factor?culture=en", new() { ["Code"] = "123456" });
        Assert.Contains("sign in with it before you add another passkey", (await authenticator.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await PasskeyCountAsync(editor));
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == editor.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));

        // Removing a passkey needs no second factor: it only takes a way in away.
        var removed = await client.SubmitFormAsync("/account?culture=en", [], "#passkey-list form");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(0, await PasskeyCountAsync(editor));
    }
}
