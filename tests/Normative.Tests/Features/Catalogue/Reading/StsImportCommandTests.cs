using Normative.Tests.Infrastructure;
using Npgsql;

namespace Normative.Tests.Features.Catalogue.Reading;

public class StsImportCommandTests
{
    [Fact]
    public async Task ABatchGoesOnPastAFileThatFailsAndSaysWhereItFailed()
    {
        var connection = await TestCluster.CreateDatabaseAsync();
        var config = "--ConnectionStrings:Normative=" + connection;
        var folder = Directory.CreateTempSubdirectory("sts-").FullName;
        var good = Path.Combine(folder, "good.xml");
        var unknown = Path.Combine(folder, "unknown.xml");
        var broken = Path.Combine(folder, "broken.xml");
        await File.WriteAllTextAsync(good, TestTexts.Full("ISO 740001:2020"));
        await File.WriteAllTextAsync(unknown, TestTexts.Full("ISO 740002:2020"));
        await File.WriteAllTextAsync(broken, "<standard>\n<front><iso-meta><std-ref>ISO 740003:2020 &nope;</std-ref></iso-meta></front></standard>");

        var first = await CliProcess.RunAsync(null, "import", "sts", good, broken, "--create", config);
        Assert.Equal(2, first.ExitCode);
        Assert.Contains("good.xml: added: ISO 740001:2020 (new record) in en (ISO), 9 clauses, 2 terms", first.Output, StringComparison.Ordinal);
        Assert.Contains("broken.xml, line 2: the entity &nope; is unknown", first.Error, StringComparison.Ordinal);
        Assert.Contains("1 loaded, 1 failed.", first.Output, StringComparison.Ordinal);
        // The setting after the files is configuration, not a third file: the text is in the database it names.
        await using (var db = new NpgsqlConnection(connection))
        {
            await db.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT count(*) FROM standard_texts t JOIN deliverables d ON d.id = t.deliverable_id WHERE d.reference = 'ISO 740001:2020'", db);
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }

        var second = await CliProcess.RunAsync(null, "import", "sts", good, unknown, config);
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("good.xml: unchanged", second.Output, StringComparison.Ordinal);
        Assert.Contains("ISO 740002:2020 matches no deliverable in the catalogue; --create makes the record", second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsAloneAreNotFiles()
    {
        var run = await CliProcess.RunAsync(null, "import", "sts", "--ConnectionStrings:Normative=Host=127.0.0.1;Port=1;Username=x;Database=y;Timeout=3");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("name at least one STS XML file", run.Error, StringComparison.Ordinal);
    }
}
