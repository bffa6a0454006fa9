using Microsoft.EntityFrameworkCore;
using System.Net;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

public class TwoFactorTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Fact]
    public async Task AuthenticatorCodeIsAskedAfterThePasswordOnceTurnedOn()
    {
        var (client, user) = await factory.SignInAsAsync(Roles.Customer);
        var setup = await client.GetDocumentAsync("/account/two-factor?culture=en");
        var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        Assert.NotNull(setup.QuerySelector("img[src^='data:image/svg+xml']"));

        var enabled = await client.SubmitFormAsync("/account/two-factor", new() { ["Code"] = Totp.Now(key) });
        var page = await enabled.ReadDocumentAsync();
        Assert.Equal(10, page.QuerySelectorAll("#recovery-codes li").Length);
        var recoveryCode = page.QuerySelector("#recovery-codes li")!.TextContent.Trim();

        var fresh = factory.Browser();
        var password = await fresh.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = NormativeFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/signin/2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await fresh.GetAsync("/account")).StatusCode);

        var wrong = await fresh.SubmitFormAsync(password.Headers.Location.OriginalString, new() { ["Input.Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        var right = await fresh.SubmitFormAsync(password.Headers.Location.OriginalString, new() { ["Input.Code"] = recoveryCode });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task TurningTwoFactorOffOrGettingNewRecoveryCodesAsksForACurrentCode()
    {
        var (client, user) = await factory.SignInAsAsync(Roles.Customer);
        var setup = await client.GetDocumentAsync("/account/two-factor?culture=en");
        var key = setup.QuerySelector("#shared-key")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await client.SubmitFormAsync("/account/two-factor", new() { ["Code"] = Totp.Now(key) });

        // A session alone — left open on a shared computer, or taken — cannot remove the second factor.
        foreach (var code in new[] { "", "000000" })
        {
            var refused = await client.SubmitFormAsync("/account/two-factor?culture=en", new() { ["Code"] = code }, "#disable-form");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("enter a current code", (await refused.ReadDocumentAsync()).QuerySelector("#disable-error")!.TextContent, StringComparison.Ordinal);
            Assert.True(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
        }
        var noCodes = await (await client.SubmitFormAsync("/account/two-factor?culture=en", new() { ["Code"] = "" }, "#new-codes-form")).ReadDocumentAsync();
        Assert.Empty(noCodes.QuerySelectorAll("#recovery-codes li"));
        var codes = await (await client.SubmitFormAsync("/account/two-factor?culture=en", new() { ["Code"] = Totp.Now(key) }, "#new-codes-form")).ReadDocumentAsync();
        Assert.Equal(10, codes.QuerySelectorAll("#recovery-codes li").Length);

        var off = await client.SubmitFormAsync("/account/two-factor?culture=en", new() { ["Code"] = Totp.Now(key) }, "#disable-form");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }
}
