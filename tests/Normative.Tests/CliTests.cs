using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests;

public class CliTests
{
    [Fact]
    public async Task UnknownCommandPrintsUsageAndFails()
    {
        var result = await CliProcess.RunAsync(null, "frobnicate");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("unknown command or option: frobnicate", result.Error, StringComparison.Ordinal);
        Assert.Contains("--help", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOptionPrintsUsageAndFails()
    {
        var result = await CliProcess.RunAsync(null, "users", "create", "--email", "a@example.org", "--role", "Customer", "--colour", "blue");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--colour", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpListsTheCommands()
    {
        var result = await CliProcess.RunAsync(null, "--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "migrate", "users", "demo" })
        {
            Assert.Contains(command, result.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task UnreachableDatabaseIsOneLineNamingTheHostAndAFailure()
    {
        var result = await CliProcess.RunAsync(null, "migrate", "--ConnectionStrings:Normative=Host=127.0.0.1;Port=1;Username=x;Database=y;Timeout=3");
        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains("127.0.0.1:1", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersCreateMakesTheFirstAdministrator()
    {
        var connection = await TestCluster.CreateDatabaseAsync();
        var config = "--ConnectionStrings:Normative=" + connection;

        var created = await CliProcess.RunAsync(null, "users", "create", "--email", "root@example.org", "--role", "administrator", "--password", "a long admin passphrase", config);
        Assert.Equal(0, created.ExitCode);
        Assert.Contains("Created root@example.org with the role Administrator", created.Output, StringComparison.Ordinal);

        var weak = await CliProcess.RunAsync(null, "users", "create", "--email", "weak@example.org", "--role", "Editor", "--password", "password1234", config);
        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("too common", weak.Error, StringComparison.Ordinal);

        var badRole = await CliProcess.RunAsync(null, "users", "create", "--email", "x@example.org", "--role", "Wizard", "--password", "a long admin passphrase", config);
        Assert.Equal(1, badRole.ExitCode);
        Assert.Contains(Roles.CommitteeManager, badRole.Error, StringComparison.Ordinal);

        var list = await CliProcess.RunAsync(null, "users", "list", config);
        Assert.Contains("root@example.org\tAdministrator", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("weak@example.org", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DemoLoadsOnceAndAgainWithoutDuplicates()
    {
        var config = "--ConnectionStrings:Normative=" + await TestCluster.CreateDatabaseAsync();
        var first = await CliProcess.RunAsync(null, "demo", config);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("1381 ICS codes, 41 deliverables", first.Output, StringComparison.Ordinal);
        Assert.Contains("Content: 4 articles and 3 events (7 new), ", first.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 page texts loaded", first.Output, StringComparison.Ordinal);
        Assert.Contains("Texts: 1 demonstration text", first.Output, StringComparison.Ordinal);
        var second = await CliProcess.RunAsync(null, "demo", config);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("(0 new)", second.Output, StringComparison.Ordinal);
        // The institutional pages' default texts are loaded once; a second run leaves them be.
        Assert.Contains("Content: 4 articles and 3 events (0 new), 0 page texts loaded.", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefsNormalizeWritesCanonicalFormsAndUrnsFromStdin()
    {
        var result = await CliProcess.RunAsync("iso9001:2015\nISO 9001:2015/AMD1:2024\nnot a standard\n", "refs", "normalize");
        Assert.Equal(2, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("iso9001:2015\tISO 9001:2015\turn:iso:std:iso:9001:2015", lines[0]);
        Assert.Equal("ISO 9001:2015/AMD1:2024\tISO 9001:2015/Amd 1:2024\turn:iso:std:iso:9001:2015:amd:2024:v1", lines[1]);
        Assert.StartsWith("not a standard\tERROR\t", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingPostgresBinariesSayHowToInstallThem()
    {
        var result = await CliProcess.RunAsync(null, new Dictionary<string, string> { ["NORMATIVE_PG_BIN"] = "/nonexistent/bin" },
            "migrate", "--Normative:DataDirectory=" + Path.Combine(Path.GetTempPath(), "normative-nobin-" + Guid.NewGuid().ToString("N")[..6]));
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("apt-get install postgresql", result.Error, StringComparison.Ordinal);
    }
}
