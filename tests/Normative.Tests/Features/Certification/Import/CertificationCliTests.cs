using Normative.Features.Certification.Import;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Certification.Import;

public class CertificationCliTests
{
    [Fact]
    public async Task DemoGenerateWritesTheSameRealisticFileTwice()
    {
        var folder = Directory.CreateTempSubdirectory("generate-").FullName;
        var a = Path.Combine(folder, "a.csv");
        var b = Path.Combine(folder, "b.csv");
        var result = await CliProcess.RunAsync(null, "demo", "generate", "--certificates", "2000", "--out", a);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Wrote 2,000 certificates", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await CliProcess.RunAsync(null, "demo", "generate", "--certificates", "2000", "--out", b)).ExitCode);
        Assert.Equal(await File.ReadAllTextAsync(a), await File.ReadAllTextAsync(b));

        using var reader = new StreamReader(a);
        var rows = CertificateCsv.Read(reader).Select(i => i.Input!).ToList();
        Assert.Equal(2000, rows.Count);
        Assert.Equal(2000, rows.Select(r => r.Number).Distinct().Count());
        var quality = rows.Count(r => r.Standards[0] == "ISO 9001:2015") / 2000.0;
        Assert.InRange(quality, 0.5, 0.7);
        var active = rows.Count(r => r.Status == "Active") / 2000.0;
        Assert.InRange(active, 0.75, 0.92);
        Assert.Contains(rows, r => r.Status == "Withdrawn");
        Assert.Contains(rows, r => r.Country == "CN");
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task DemoGenerateWithoutACountIsAUsageError()
    {
        var result = await CliProcess.RunAsync(null, "demo", "generate", "--out", "/tmp/never.csv");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--certificates", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCommandExitsZeroTwoOrOneAndListsRejectedRows()
    {
        var config = "--ConnectionStrings:Normative=" + await TestCluster.CreateDatabaseAsync();
        Assert.Equal(0, (await CliProcess.RunAsync(null, "demo", config)).ExitCode);
        var folder = Directory.CreateTempSubdirectory("import-").FullName;
        string Write(string name, string text)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllText(path, text);
            return path;
        }

        var good = Write("good.csv", RegistryWorld.Csv(RegistryWorld.Row("CLI-1", "NBC"), RegistryWorld.Row("CLI-2", "ALZ", country: "DE")));
        var loaded = await CliProcess.RunAsync(null, "import", "certificates", good, config);
        Assert.Equal(0, loaded.ExitCode);
        Assert.Contains("2 rows read: 2 new, 0 updated, 0 unchanged, 0 rejected", loaded.Output, StringComparison.Ordinal);

        var mixed = Write("mixed.csv", RegistryWorld.Csv(RegistryWorld.Row("CLI-3", "NBC"), RegistryWorld.Row("CLI-4", "NBC", standard: "ISO 9001")));
        var partly = await CliProcess.RunAsync(null, "import", "certificates", mixed, config);
        Assert.Equal(2, partly.ExitCode);
        Assert.Contains("Line 3: ISO 9001 has no year", partly.Error, StringComparison.Ordinal);
        Assert.Contains("1 new", partly.Output, StringComparison.Ordinal);

        var strict = await CliProcess.RunAsync(null, "import", "certificates", Write("strict.csv", RegistryWorld.Csv(RegistryWorld.Row("CLI-5", "NBC"), RegistryWorld.Row("CLI-6", "NOPE"))), "--all-or-nothing", config);
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("Nothing was loaded", strict.Output, StringComparison.Ordinal);

        var broken = await CliProcess.RunAsync(null, "import", "certificates", Write("broken.csv", "certificate_number;certification_body\n1;2\n"), config);
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("separated by ';'", broken.Error, StringComparison.Ordinal);

        var missing = await CliProcess.RunAsync(null, "import", "certificates", Path.Combine(folder, "none.csv"), config);
        Assert.Equal(1, missing.ExitCode);
        Directory.Delete(folder, recursive: true);
    }
}
