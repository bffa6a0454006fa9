using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Normative.Cli.Demo;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

/// <summary>Administrators and editors work only once they sign in with a second factor.</summary>
public class StaffTwoFactorTests(StaffTwoFactorTests.Factory factory) : IClassFixture<StaffTwoFactorTests.Factory>
{
    public sealed class Factory : NormativeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:StaffTwoFactor"] = "true" };
    }

    private const string StaffPage = "/standards/top/edit";

    private async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password = NormativeFactory.Password) =>
        await client.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    private async Task<bool> EnrolAsync(User user)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var fresh = (await users.FindByIdAsync(user.Id))!;
        await users.ResetAuthenticatorKeyAsync(fresh);
        return (await users.SetTwoFactorEnabledAsync(fresh, true)).Succeeded;
    }

    [Fact]
    public async Task AnEditorWithoutTwoFactorIsSentToSetItUpAndWorksOnceEnrolled()
    {
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var client = factory.Browser();

        var signedIn = await SignInAsync(client, editor.Email!);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.StartsWith("/account/two-factor?ReturnUrl=", signedIn.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var refused = await client.GetAsync(StaffPage);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Equal("/account/two-factor?ReturnUrl=" + Uri.EscapeDataString(StaffPage), refused.Headers.Location!.OriginalString);

        var setup = await client.GetDocumentAsync(refused.Headers.Location.OriginalString + "&culture=en");
        Assert.Contains("must sign in with two-factor sign-in", setup.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var enabled = await client.SubmitFormAsync(refused.Headers.Location.OriginalString, new() { ["Code"] = Totp.Now(key) });
        var page = await enabled.ReadDocumentAsync();
        Assert.Equal(10, page.QuerySelectorAll("#recovery-codes li").Length);
        Assert.Equal(StaffPage, page.QuerySelector("a#continue")!.GetAttribute("href"));

        // The same session, renewed with the role, now reaches the staff page.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(StaffPage)).StatusCode);
    }

    [Fact]
    public async Task AnAdministratorWithoutTwoFactorCannotOpenTheAdministratorsPages()
    {
        var admin = await factory.CreateUserAsync(Roles.Administrator);
        var client = factory.Browser();
        await SignInAsync(client, admin.Email!);
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/two-factor", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEditorsApiTokenDoesNoStaffWorkUntilTheEditorHasTwoFactor()
    {
        var (client, editor) = await factory.ApiClientAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/v1/deliverables", new { })).StatusCode);

        Assert.True(await EnrolAsync(editor));
        var enrolled = await client.PostAsJsonAsync("/api/v1/deliverables", new { });
        Assert.NotEqual(HttpStatusCode.Forbidden, enrolled.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, enrolled.StatusCode);
    }

    [Fact]
    public async Task ACustomerWithoutTwoFactorGoesStraightToTheirAccount()
    {
        var customer = await factory.CreateUserAsync(Roles.Customer);
        var response = await SignInAsync(factory.Browser(), customer.Email!);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnEditorCannotTurnTwoFactorOff()
    {
        var editor = await factory.CreateUserAsync(Roles.Editor);
        var client = factory.Browser();
        await SignInAsync(client, editor.Email!);
        var setup = await client.GetDocumentAsync("/account/two-factor");
        var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await client.SubmitFormAsync("/account/two-factor", new() { ["Code"] = Totp.Now(key) });

        var page = await client.GetDocumentAsync("/account/two-factor?culture=en");
        Assert.Null(page.QuerySelector("form[action*='handler=Disable']"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await client.PostAsync("/account/two-factor?handler=Disable", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));

        Assert.True(await factory.WithDbAsync(async db => (await db.Users.FindAsync(editor.Id))!.TwoFactorEnabled));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(StaffPage)).StatusCode);
    }

    [Fact]
    public async Task TheDemoAdministratorSignsInWithTheDocumentedAuthenticatorKey()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await AccountsDemo.LoadAsync(scope.ServiceProvider.GetRequiredService<UserManager<User>>());
        }
        var client = factory.Browser();
        var password = await SignInAsync(client, "admin@demo.normative.test", AccountsDemo.Password);
        Assert.StartsWith("/account/signin/2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var code = await client.SubmitFormAsync(password.Headers.Location.OriginalString, new() { ["Input.Code"] = Totp.Now(AccountsDemo.AuthenticatorKey) });
        Assert.Equal(HttpStatusCode.Redirect, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }
}
