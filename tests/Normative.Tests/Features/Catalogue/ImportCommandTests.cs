using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

/// <summary>The import and generate commands as a person runs them: exit codes, summaries, reports of bad lines.</summary>
public class ImportCommandTests
{
    private static async Task<string> FileAsync(string name, string content)
    {
        var folder = Path.Combine(Path.GetTempPath(), "normative-import-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await File.WriteAllTextAsync(path, content);
        return path;
    }

    [Fact]
    public async Task ExitCodesSayWhetherEverythingLoaded()
    {
        var config = "--ConnectionStrings:Normative=" + await TestCluster.CreateDatabaseAsync();
        var good = await FileAsync("good.jsonl", CatalogueFactory.Line(1, "ISO 1:2002", "Geometrical product specifications — Standard reference temperature") + "\n");
        var mixed = await FileAsync("mixed.jsonl", CatalogueFactory.Line(2, "ISO 2:1973", "Textiles — Designation of the direction of twist") + "\n{broken\n");
        var wrong = await FileAsync("ics.jsonl", "{\"code\": \"01\", \"title\": \"Generalities\"}\n");

        var first = await CliProcess.RunAsync(null, "import", "deliverables", good, config);
        var second = await CliProcess.RunAsync(null, "import", "deliverables", good, config);
        var partly = await CliProcess.RunAsync(null, "import", "deliverables", mixed, config);
        var failed = await CliProcess.RunAsync(null, "import", "deliverables", wrong, config);
        var missing = await CliProcess.RunAsync(null, "import", "deliverables", "/nonexistent/file.jsonl", config);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Deliverables: 1 read, 1 new, 0 updated, 0 unchanged, 0 rejected", first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("0 new, 0 updated, 1 unchanged", second.Output, StringComparison.Ordinal);
        Assert.Equal(2, partly.ExitCode);
        Assert.Contains("line 2: not valid JSON", partly.Error, StringComparison.Ordinal);
        Assert.Contains("1 rejected", partly.Output, StringComparison.Ordinal);
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("is not a deliverables file", failed.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no such file", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportWithoutAFileShowsUsage()
    {
        var result = await CliProcess.RunAsync(null, "import", "deliverables");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("FILE", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateWritesTheAskedNumberOfDeliverablesAndThemCanBeImported()
    {
        var config = "--ConnectionStrings:Normative=" + await TestCluster.CreateDatabaseAsync();
        var path = Path.Combine(Path.GetTempPath(), $"normative-generated-{Guid.NewGuid():N}.jsonl");

        var generated = await CliProcess.RunAsync(null, "demo", "generate", "--deliverables", "1500", "--out", path);
        var imported = await CliProcess.RunAsync(null, "import", "deliverables", path, config);

        Assert.Equal(0, generated.ExitCode);
        Assert.Equal(1500, File.ReadLines(path).Count());
        Assert.Equal(0, imported.ExitCode);
        Assert.Contains("Deliverables: 1500 read, 1500 new", imported.Output, StringComparison.Ordinal);
        Assert.Contains("committees created from references", imported.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateNeedsToBeToldWhat()
    {
        var result = await CliProcess.RunAsync(null, "demo", "generate", "--out", Path.Combine(Path.GetTempPath(), "x.jsonl"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--deliverables N", result.Error, StringComparison.Ordinal);
    }
}
