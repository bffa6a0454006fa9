using Normative.Tools.Notices;

namespace Normative.Tests;

public class LicenceTests
{
    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Normative.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The source tree (Normative.slnx) was not found above the test binaries.");
    }

    private static IReadOnlyList<PackageLicences.Package> Shipped() => PackageLicences.Read(
        Path.Combine(Root(), "src", "Normative", "obj", "project.assets.json"),
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"));

    private static PackageLicences.Package With(string licence) => new("Some.Package", "1.0.0", licence, null, null, null);

    [Fact]
    public void EveryPackageTheAppShipsHasAPermissiveLicence()
    {
        var packages = Shipped();
        Assert.Contains(packages, p => p.Id == "PDFsharp" && p.Version == "6.2.4" && p.Licence == "MIT");
        Assert.Contains(packages, p => p.Id == "Stripe.net" && p.Licence == "Apache-2.0");
        Assert.DoesNotContain(packages, p => p.Id.StartsWith("xunit", StringComparison.Ordinal));
        Assert.Empty(packages.Select(PackageLicences.Problem).OfType<string>());
    }

    [Theory]
    [InlineData("AGPL-3.0-only")]
    [InlineData("GPL-2.0-or-later")]
    [InlineData("LGPL-3.0-only")]
    [InlineData("MPL-2.0")]
    [InlineData("MIT AND GPL-3.0-only")]
    [InlineData("UNKNOWN (licence URL https://example.org/eula)")]
    public void CopyleftAndUnknownLicencesMayNotShip(string licence) => Assert.NotNull(PackageLicences.Problem(With(licence)));

    [Theory]
    [InlineData("MIT")]
    [InlineData("Apache-2.0")]
    [InlineData("PostgreSQL")]
    [InlineData("MS-PL OR Apache-2.0")]
    [InlineData("(MIT OR GPL-3.0-only)")]
    public void PermissiveLicencesMayShip(string licence) => Assert.Null(PackageLicences.Problem(With(licence)));

    [Fact]
    public void TheCommittedNoticeListsEveryShippedPackage()
    {
        var notice = File.ReadAllText(Path.Combine(Root(), "THIRD-PARTY-NOTICES"));
        var missing = Shipped().Where(p => !notice.Contains($"\n{p.Id} {p.Version}\n", StringComparison.Ordinal)).Select(p => $"{p.Id} {p.Version}").ToList();
        Assert.True(missing.Count == 0, "Run ./build.sh notices: THIRD-PARTY-NOTICES lacks " + string.Join(", ", missing));
    }

    [Fact]
    public void NothingUsesSystemNetMail() =>
        Assert.DoesNotContain(typeof(Program).Assembly.GetReferencedAssemblies(), a => a.Name == "System.Net.Mail");
}
