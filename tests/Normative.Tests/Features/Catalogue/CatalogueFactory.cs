using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Normative.Cli.Demo;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.OpenData;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

/// <summary>The app with the catalogue's demo data loaded once per test class, and helpers to import more.</summary>
public class CatalogueFactory : NormativeFactory
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _loaded;

    /// <summary>Loads the demo catalogue (ICS, committees, 41 deliverables, top standards) the first time.</summary>
    public async Task<CatalogueFactory> WithDemoAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (!_loaded)
            {
                await using var scope = Services.CreateAsyncScope();
                var sp = scope.ServiceProvider;
                await CatalogueDemo.LoadAsync(sp.GetRequiredService<CatalogueImporter>(), sp.GetRequiredService<NormativeDb>(), TimeProvider.System, CancellationToken.None);
                await RefreshVersionAsync();
                _loaded = true;
            }
        }
        finally
        {
            _gate.Release();
        }
        return this;
    }

    /// <summary>Imports deliverables given as JSON Lines (or CSV when the name ends in .csv); problems are returned with the result.</summary>
    public Task<(ImportResult Result, string Problems)> ImportDeliverablesAsync(string text, string name = "test.jsonl") =>
        ImportAsync(text, name, (i, s, w) => i.ImportDeliverablesAsync(s, w, null, CancellationToken.None));

    public Task<(ImportResult Result, string Problems)> ImportDeliverablesAsync(byte[] bytes, string name) =>
        ImportAsync(bytes, name, (i, s, w) => i.ImportDeliverablesAsync(s, w, null, CancellationToken.None));

    public Task<(ImportResult Result, string Problems)> ImportCommitteesAsync(string text, string name = "committees.jsonl") =>
        ImportAsync(text, name, (i, s, w) => i.ImportCommitteesAsync(s, w, null, CancellationToken.None));

    public Task<(ImportResult Result, string Problems)> ImportIcsAsync(string text, string name = "ics.jsonl") =>
        ImportAsync(text, name, (i, s, w) => i.ImportIcsAsync(s, w, null, CancellationToken.None));

    private Task<(ImportResult, string)> ImportAsync(string text, string name, Func<CatalogueImporter, ImportSource, TextWriter, Task<ImportResult>> run) =>
        ImportAsync(Encoding.UTF8.GetBytes(text), name, run);

    private async Task<(ImportResult, string)> ImportAsync(byte[] bytes, string name, Func<CatalogueImporter, ImportSource, TextWriter, Task<ImportResult>> run)
    {
        await using var scope = Services.CreateAsyncScope();
        using var source = ImportSource.Open(new MemoryStream(bytes), name);
        var problems = new StringWriter();
        var result = await run(scope.ServiceProvider.GetRequiredService<CatalogueImporter>(), source, problems);
        await RefreshVersionAsync();
        return (result, problems.ToString());
    }

    /// <summary>What the version watcher does every few seconds, now.</summary>
    public Task RefreshVersionAsync() => Services.GetRequiredService<CatalogueVersion>().RefreshAsync();

    /// <summary>One deliverable as a JSON line in ISO's shape; <paramref name="changes"/> overrides fields (null removes one).</summary>
    public static string Line(int id, string reference, string title, int stage = 6060, params (string Field, object? Value)[] changes)
    {
        var record = new Dictionary<string, object?>
        {
            ["id"] = id,
            ["deliverableType"] = "IS",
            ["supplementType"] = null,
            ["reference"] = reference,
            ["title"] = new Dictionary<string, string> { ["en"] = title },
            ["publicationDate"] = stage >= 6060 ? "2020-01-15" : null,
            ["edition"] = 1,
            ["icsCode"] = new[] { "03.120.10" },
            ["ownerCommittee"] = "ISO/TC 176/SC 2",
            ["currentStage"] = stage,
            ["replaces"] = null,
            ["replacedBy"] = null,
            ["languages"] = new[] { "en" },
            ["pages"] = new Dictionary<string, int> { ["en"] = 10 },
            ["scope"] = null,
        };
        foreach (var (field, value) in changes)
        {
            record[field] = value;
        }
        return JsonSerializer.Serialize(record);
    }
}
