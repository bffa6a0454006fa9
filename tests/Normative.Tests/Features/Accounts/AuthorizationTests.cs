using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

public class AuthorizationTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Fact]
    public async Task AdministratorPageForbidsACustomer()
    {
        var (client, _) = await factory.SignInAsAsync(Roles.Customer);
        var response = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AdministratorPageSendsAnonymousPeopleToSignIn()
    {
        var response = await factory.Browser().GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin?ReturnUrl=%2Fadmin%2Fusers", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdministratorGrantsARole()
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var delegateUser = await factory.CreateUserAsync(Roles.Customer);
        var page = await admin.GetDocumentAsync("/admin/users?q=" + Uri.EscapeDataString(delegateUser.Email!));
        Assert.Contains(delegateUser.Email!, page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var response = await admin.PostAsync("/admin/users?handler=Roles&q=" + Uri.EscapeDataString(delegateUser.Email!), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Input.UserId", delegateUser.Id),
            new("Input.Roles", Roles.Customer),
            new("Input.Roles", Roles.Delegate),
        ]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var roles = await factory.WithDbAsync(async db =>
            (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == delegateUser.Id select r.Name).ToList());
        Assert.Equal([Roles.Customer, Roles.Delegate], roles.Order().ToList());

        // The redirect keeps the search and says what was saved, once.
        var landed = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(delegateUser.Email!, landed.QuerySelector("p.notice")!.TextContent, StringComparison.Ordinal);
        Assert.Single(landed.QuerySelectorAll("tbody tr"));
        Assert.Null((await admin.GetDocumentAsync(response.Headers.Location!.OriginalString)).QuerySelector("p.notice"));
    }

    [Fact]
    public async Task PersonalApiTokenSignsInTheApiUntilRevoked()
    {
        var (client, user) = await factory.SignInAsAsync(Roles.Delegate);
        var created = await client.SubmitFormAsync("/account", new() { ["NewToken.Name"] = "ballot script" }, "form[action*='CreateToken']");
        var secret = (await created.ReadDocumentAsync()).QuerySelector("#new-token")!.TextContent.Trim();
        Assert.StartsWith("nrm_", secret, StringComparison.Ordinal);

        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var me = await api.GetAsync("/api/v1/account");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using (var doc = JsonDocument.Parse(await me.Content.ReadAsStringAsync()))
        {
            Assert.Equal(user.Email, doc.RootElement.GetProperty("email").GetString());
            Assert.Equal(Roles.Delegate, doc.RootElement.GetProperty("roles")[0].GetString());
        }

        // Only the hash is stored.
        var stored = await factory.WithDbAsync(db => Task.FromResult(db.ApiTokens.Single(t => t.UserId == user.Id)));
        Assert.DoesNotContain(secret, Convert.ToBase64String(stored.Hash), StringComparison.Ordinal);
        Assert.Equal(ApiTokens.Hash(secret), stored.Hash);

        var page = await client.GetDocumentAsync("/account");
        var revokeForm = page.QuerySelector("form[action*='RevokeToken']")!;
        var revoke = await client.PostAsync(revokeForm.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", revokeForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]));
        Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        Assert.NotNull((await client.GetDocumentAsync(revoke.Headers.Location!.OriginalString)).QuerySelector("p.notice"));

        var after = await api.GetAsync("/api/v1/account");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task AChangedPasswordIsSavedOnceAndTheReloadedPageSaysSoOnce()
    {
        var (client, user) = await factory.SignInAsAsync(Roles.Customer);
        const string newPassword = "another long passphrase for the test";
        var changed = await client.SubmitFormAsync("/account?culture=en", new()
        {
            ["Password.Current"] = NormativeFactory.Password,
            ["Password.New"] = newPassword,
        }, "form[action*='ChangePassword']");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var landed = await client.GetDocumentAsync(changed.Headers.Location!.OriginalString);
        Assert.Contains("password", landed.QuerySelector("p.notice")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Null((await client.GetDocumentAsync(changed.Headers.Location!.OriginalString)).QuerySelector("p.notice"));
        var again = await factory.Browser().SubmitFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = newPassword });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task MadeUpTokenIsRefused()
    {
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "nrm_" + new string('x', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/account")).StatusCode);
    }

    [Fact]
    public async Task FormWithoutAntiforgeryTokenIsRejected()
    {
        var response = await factory.Browser().PostAsync("/account/signin", new FormUrlEncodedContent(
            [new("Input.Email", "someone@example.org"), new("Input.Password", "whatever whatever")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AdministratorReadsWrittenMailInTheDevelopmentMailbox()
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var customer = await factory.CreateUserAsync(Roles.Customer);
        await factory.Browser().SubmitFormAsync("/account/forgot?culture=en", new() { ["Email"] = customer.Email! });
        await Mailbox.WaitForMailAsync(factory.MailDirectory, customer.Email!);

        var list = await admin.GetDocumentAsync("/admin/mail?culture=en");
        var link = list.QuerySelectorAll("main table a").First(a => a.TextContent.Contains("Reset your password", StringComparison.Ordinal));
        var mail = await admin.GetDocumentAsync(link.GetAttribute("href")!);
        Assert.Contains("/account/reset?email=", mail.QuerySelector("main pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/mail?file=..%2F..%2Fetc%2Fpasswd")).StatusCode);
    }

    [Fact]
    public async Task TheHeadersSignOutButtonSignsOut()
    {
        var (client, _) = await factory.SignInAsAsync(Roles.Customer);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account")).StatusCode);

        var response = await client.SubmitFormAsync("/about", [], "header form[action='/account/signout']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/account")).StatusCode);
    }
}
