using Microsoft.AspNetCore.Mvc.Testing;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Web;

/// <summary>Password-reset and confirmation links come from Site:BaseUrl, whatever Host the request named.</summary>
public class HostHeaderMailTests(HostHeaderMailTests.Factory factory) : IClassFixture<HostHeaderMailTests.Factory>
{
    public sealed class Factory : NormativeFactory
    {
        // Any host is let through here, so that the forged Host reaches the page that sends the mail.
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Site:BaseUrl"] = "https://standards.example.org",
            ["AllowedHosts"] = "*",
        };
    }

    private HttpClient Forged() => factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("http://evil.example/"),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    [Fact]
    public async Task APasswordResetRequestedWithAForgedHostLinksToTheSitesBaseUrl()
    {
        var user = await factory.CreateUserAsync("Customer");
        var response = await Forged().SubmitFormAsync("/account/forgot?culture=en", new() { ["Email"] = user.Email! });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin", response.Headers.Location!.OriginalString);

        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, user.Email!);
        Assert.DoesNotContain("evil.example", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.Html, StringComparison.Ordinal);
        Assert.Contains("https://standards.example.org/account/reset?email=", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConfirmationMailAfterSignUpWithAForgedHostLinksToTheSitesBaseUrl()
    {
        var email = $"new-{Guid.NewGuid():N}@example.org";
        await Forged().SubmitFormAsync("/account/signup?culture=en", new()
        {
            ["Input.Email"] = email,
            ["Input.DisplayName"] = "Nadia New",
            ["Input.Password"] = NormativeFactory.Password,
            ["Input.ConfirmPassword"] = NormativeFactory.Password,
        });
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, email);
        Assert.DoesNotContain("evil.example", mail.Text, StringComparison.Ordinal);
        Assert.Contains("https://standards.example.org/account/confirm?userId=", mail.Text, StringComparison.Ordinal);
    }
}
