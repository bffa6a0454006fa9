using Normative.Features.Accounts;
using Normative.Tests.Features.Content;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Site;

/// <summary>The logo and colours configuration sets are the defaults; an Administrator's choice overrides them and "restore" comes back to them.</summary>
public class ConfiguredIdentityTests(ConfiguredIdentityTests.Factory factory) : IClassFixture<ConfiguredIdentityTests.Factory>
{
    public sealed class Factory : NormativeFactory
    {
        private static readonly Lazy<string> LogoFile = new(() =>
        {
            var path = Path.Combine(Path.GetTempPath(), "normative-logo-" + Guid.NewGuid().ToString("N") + ".png");
            File.WriteAllBytes(path, LeadImagesTests.TwoColours(400, 100));
            return path;
        });

        // The link colour is unreadable on white: it is left aside for the built-in one.
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Organization:Logo"] = LogoFile.Value,
            ["Organization:Colours:Primary"] = "#1a5e20",
            ["Organization:Colours:Link"] = "#ffff00",
        };
    }

    private async Task<string> ColoursAsync()
    {
        var home = await factory.Browser().GetDocumentAsync("/");
        return await factory.Browser().GetStringAsync(home.QuerySelector("head link[href^='/site/identity/colours-']")!.GetAttribute("href")!);
    }

    [Fact]
    public async Task ConfigurationsLogoAndReadableColoursAreTheDefaultsAndComeBackOnRestore()
    {
        var logo = (await factory.Browser().GetDocumentAsync("/")).QuerySelector("header .brand img")!;
        Assert.StartsWith("/site/identity/logo-", logo.GetAttribute("src"), StringComparison.Ordinal);
        Assert.Equal(("160", "40"), (logo.GetAttribute("width"), logo.GetAttribute("height")));
        var css = await ColoursAsync();
        Assert.Contains("--navy: #1a5e20;", css, StringComparison.Ordinal);
        Assert.Contains("--blue: #0a4f9e;", css, StringComparison.Ordinal);

        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        await admin.SubmitFormAsync("/admin/identity", new() { ["Input.Primary"] = "#4a148c", ["Input.Link"] = "#0a4f9e", ["Input.Accent"] = "#b3102a" }, "main form[action*='handler=Colours']");
        Assert.Contains("--navy: #4a148c;", await ColoursAsync(), StringComparison.Ordinal);

        await admin.SubmitFormAsync("/admin/identity", new(), "main form[action*='handler=Restore']");
        Assert.Contains("--navy: #1a5e20;", await ColoursAsync(), StringComparison.Ordinal);
    }
}
