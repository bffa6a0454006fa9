using System.Net;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

public class SignUpTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Fact]
    public async Task SignUpConfirmByMailThenSignIn()
    {
        var client = factory.Browser();
        var email = $"new-{Guid.NewGuid():N}@example.org";

        var signUp = await client.SubmitFormAsync("/account/signup?culture=en", new()
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Nadia New",
            ["Input.Password"] = "four random words here",
            ["Input.ConfirmPassword"] = "four random words here",
        });
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        Assert.StartsWith("/account/check-email", signUp.Headers.Location!.OriginalString, StringComparison.Ordinal);

        // Before confirming, signing in is refused with a reason.
        var early = await client.SubmitFormAsync("/account/signin?culture=en", new() { ["Input.Email"] = email, ["Input.Password"] = "four random words here" });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Confirm your e-mail address first", (await early.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, email);
        Assert.Contains("Confirm your e-mail address", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Nadia New", mail.Text, StringComparison.Ordinal);
        var confirm = await client.GetAsync(Mailbox.LinkIn(mail, "/account/confirm"));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);

        var signIn = await client.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = email, ["Input.Password"] = "four random words here" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var account = await client.GetDocumentAsync("/account?culture=en");
        Assert.Contains(email, account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Customer", account.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WeakPasswordIsRefusedNextToTheFieldInThePagesLanguage()
    {
        var client = factory.Browser();
        var response = await client.SubmitFormAsync("/account/signup?culture=fr", new()
        {
            ["Input.Email"] = $"weak-{Guid.NewGuid():N}@example.org",
            ["Input.Password"] = "password1234",
            ["Input.ConfirmPassword"] = "password1234",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("fr", page.DocumentElement.GetAttribute("lang"));
        var error = page.QuerySelector("#password-error")!.TextContent;
        Assert.Contains("mot de passe", error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await factory.WithDbAsync(db => Task.FromResult(db.Users.Where(u => u.Email!.StartsWith("weak-")).ToList())));
    }

    [Fact]
    public async Task ShortPasswordAndBadEmailAreShownNextToTheirFields()
    {
        var client = factory.Browser();
        var response = await client.SubmitFormAsync("/account/signup?culture=en", new()
        {
            ["Input.Email"] = "not-an-address",
            ["Input.Password"] = "short",
            ["Input.ConfirmPassword"] = "different",
        });
        var page = await response.ReadDocumentAsync();
        Assert.Contains("e-mail address", page.QuerySelector("#email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("not the same", page.QuerySelector("#confirm-error")!.TextContent, StringComparison.Ordinal);
        // The address typed is kept, so nothing has to be typed twice.
        Assert.Equal("not-an-address", page.QuerySelector("input[name='Input.Email']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task SigningUpWithATakenAddressRevealsNothingAndWarnsTheOwner()
    {
        var owner = await factory.CreateUserAsync(Roles.Customer);
        var client = factory.Browser();
        var response = await client.SubmitFormAsync("/account/signup?culture=en", new()
        {
            ["Input.Email"] = owner.Email!,
            ["Input.Password"] = "another long passphrase",
            ["Input.ConfirmPassword"] = "another long passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/check-email", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, owner.Email!);
        Assert.Contains("tried to create an account", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccount()
    {
        var user = await factory.CreateUserAsync(Roles.Customer);
        var client = factory.Browser();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitFormAsync("/account/signin?culture=en", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "wrong password " + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await client.SubmitFormAsync("/account/signin?culture=en", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = NormativeFactory.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", (await right.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgottenPasswordIsResetThroughTheMailedLink()
    {
        var user = await factory.CreateUserAsync(Roles.Customer);
        var client = factory.Browser();
        var forgot = await client.SubmitFormAsync("/account/forgot?culture=en", new() { ["Email"] = user.Email! });
        Assert.Equal(HttpStatusCode.Redirect, forgot.StatusCode);
        Assert.NotNull((await client.GetDocumentAsync(forgot.Headers.Location!.OriginalString)).QuerySelector("p.notice"));

        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, user.Email!, m => m.Subject.Contains("Reset", StringComparison.Ordinal));
        var reset = await client.SubmitFormAsync(Mailbox.LinkIn(mail, "/account/reset"), new()
        {
            ["Input.Password"] = "a brand new passphrase",
            ["Input.ConfirmPassword"] = "a brand new passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var landed = await client.GetDocumentAsync(reset.Headers.Location!.OriginalString);
        Assert.Contains("has been changed", landed.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var signIn = await client.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = "a brand new passphrase" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
    }
}
