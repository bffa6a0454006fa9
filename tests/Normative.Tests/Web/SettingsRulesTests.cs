using Microsoft.Extensions.Configuration;
using Normative.Tests.Infrastructure;
using Normative.Web;

namespace Normative.Tests.Web;

public class SettingsRulesTests
{
    private static IReadOnlyList<string> Check(bool development, params (string Key, string Value)[] settings) =>
        SettingsRules.Check(new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build(), development);

    [Fact]
    public void DevelopmentNeedsNoSettings() => Assert.Empty(Check(development: true));

    [Fact]
    public void OutsideDevelopmentEachMissingSettingIsOneLineNamingIt()
    {
        var problems = Check(development: false);
        Assert.Equal(4, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("ConnectionStrings:Normative (ConnectionStrings__Normative) is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Site:BaseUrl (Site__BaseUrl) is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DataProtection:Certificate (DataProtection__Certificate) is required", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mail:Smtp:Host (Mail__Smtp__Host) is required", StringComparison.Ordinal));
        Assert.All(problems, p => Assert.DoesNotContain('\n', p));
    }

    [Fact]
    public void TheEmbeddedDatabaseIsAllowedOutsideDevelopmentOnlyWhenAskedFor()
    {
        Assert.DoesNotContain(Check(false, ("Database:Embedded", "true")), p => p.StartsWith("ConnectionStrings", StringComparison.Ordinal));
        Assert.Contains(Check(false, ("Database:Embedded", "yes")), p => p.StartsWith("Database:Embedded", StringComparison.Ordinal));
    }

    [Fact]
    public void StaffTwoFactorSignInMayBeWaivedOnlyInDevelopment()
    {
        Assert.Empty(Check(true, ("Accounts:StaffTwoFactor", "false")));
        Assert.Contains(Check(false, ("Accounts:StaffTwoFactor", "false")), p => p.StartsWith("Accounts:StaffTwoFactor (Accounts__StaffTwoFactor) may be false only in Development", StringComparison.Ordinal));
        Assert.DoesNotContain(Check(false, ("Accounts:StaffTwoFactor", "true")), p => p.StartsWith("Accounts:", StringComparison.Ordinal));
        Assert.Contains(Check(true, ("Accounts:StaffTwoFactor", "sometimes")), p => p.StartsWith("Accounts:StaffTwoFactor", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("standards.example.org")]
    [InlineData("ftp://standards.example.org")]
    [InlineData("http://standards.example.org")]
    [InlineData("https://standards.example.org/?x=1")]
    public void APublicBaseUrlMustBeAnHttpsAddress(string value) =>
        Assert.Contains(Check(false, ("Site:BaseUrl", value)), p => p.StartsWith("Site:BaseUrl", StringComparison.Ordinal) && p.Contains(value, StringComparison.Ordinal));

    [Theory]
    [InlineData("https://standards.example.org")]
    [InlineData("http://localhost:5080")]
    public void GoodBaseUrlsPass(string value) =>
        Assert.DoesNotContain(Check(false, ("Site:BaseUrl", value)), p => p.StartsWith("Site:BaseUrl", StringComparison.Ordinal));

    [Fact]
    public void AnyHostIsRefusedOutsideDevelopment()
    {
        Assert.Contains(Check(false, ("AllowedHosts", "*")), p => p.StartsWith("AllowedHosts", StringComparison.Ordinal));
        Assert.DoesNotContain(Check(true, ("AllowedHosts", "*")), p => p.StartsWith("AllowedHosts", StringComparison.Ordinal));
    }

    [Fact]
    public void BadValuesAreNamedWithWhatWasGiven()
    {
        var problems = Check(true,
            ("Proxy:KnownProxies", "127.0.0.1, nginx"),
            ("Proxy:KnownNetworks", "10.0.0.0/33"),
            ("Mail:Smtp:Port", "smtp"),
            ("Mail:From", "not an address"),
            ("DataProtection:Certificate", "/nonexistent/key.pem"),
            ("Metrics:AllowedAddresses", "everyone"));
        Assert.Equal(6, problems.Count);
        Assert.Contains("Proxy:KnownProxies (Proxy__KnownProxies) has 'nginx', which is not an IP address such as 127.0.0.1.", problems);
        Assert.Contains(problems, p => p.StartsWith("Proxy:KnownNetworks", StringComparison.Ordinal) && p.Contains("10.0.0.0/33", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mail:Smtp:Port", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Mail:From", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("DataProtection:Certificate", StringComparison.Ordinal) && p.Contains("does not exist", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Metrics:AllowedAddresses", StringComparison.Ordinal));
    }

    [Fact]
    public void ACertificateFileWithoutAKeyIsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("normative-cert-");
        try
        {
            var (pem, _) = TestCertificates.Write(folder.FullName);
            var certificateOnly = Path.Combine(folder.FullName, "only.pem");
            File.WriteAllText(certificateOnly, File.ReadAllText(pem).Split("-----BEGIN PRIVATE KEY-----")[0]);
            Assert.Empty(Check(true, ("DataProtection:Certificate", pem)));
            Assert.Contains(Check(true, ("DataProtection:Certificate", certificateOnly)), p => p.Contains("cannot be used", StringComparison.Ordinal));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
