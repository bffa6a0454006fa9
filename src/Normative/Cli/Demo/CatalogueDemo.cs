using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Cli.Demo;

/// <summary>
/// Loads the catalogue's demo data shipped in Data/Catalogue/ — ICS codes, committees, sample deliverables
/// — through the same importer as 'normative import', then a first list of top standards if the
/// Editors have none yet. Safe to run again.
/// </summary>
public static class CatalogueDemo
{
    /// <summary>The demo's top standards, by reference, in order.</summary>
    public static readonly IReadOnlyList<string> TopStandards =
        ["ISO 9001:2015", "ISO/IEC 27001:2022", "ISO 14001:2015", "ISO 45001:2018", "ISO 22000:2018", "ISO 50001:2018", "ISO 31000:2018", "ISO 13485:2016", "ISO/IEC 42001:2023", "ISO 26000:2010"];

    public sealed record Loaded(ImportResult Ics, ImportResult Committees, ImportResult Deliverables, int TopStandards);

    public static async Task<Loaded> LoadAsync(CatalogueImporter importer, NormativeDb db, TimeProvider clock, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var ics = await ImportAsync("ics-ed7.jsonl", (s, w) => importer.ImportIcsAsync(s, w, null, ct));
        var committees = await ImportAsync("sample-committees.jsonl", (s, w) => importer.ImportCommitteesAsync(s, w, null, ct));
        var deliverables = await ImportAsync("sample-deliverables.jsonl", (s, w) => importer.ImportDeliverablesAsync(s, w, null, ct));

        var top = 0;
        if (!await db.TopStandards.AnyAsync(ct))
        {
            var position = 0;
            foreach (var reference in TopStandards)
            {
                var id = await db.Deliverables.Where(d => d.Reference == reference).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
                if (id is not null)
                {
                    db.TopStandards.Add(new TopStandard { DeliverableId = id.Value, Position = ++position, AddedAt = clock.GetUtcNow(), AddedBy = "demo" });
                }
            }
            await db.SaveChangesAsync(ct);
            top = position;
        }
        return new Loaded(ics, committees, deliverables, top);
    }

    private static async Task<ImportResult> ImportAsync(string file, Func<ImportSource, TextWriter, Task<ImportResult>> import)
    {
        var stream = typeof(CatalogueDemo).Assembly.GetManifestResourceStream("Normative.Cli.Demo.Data.Catalogue." + file)
            ?? throw new InvalidOperationException($"The demo file {file} is not embedded.");
        using var source = ImportSource.Open(stream, file);
        using var problems = new StringWriter();
        var result = await import(source, problems);
        // The shipped files are ours: a rejected line is a bug in them, not something to skip quietly.
        return result.Rejected == 0 ? result : throw new InvalidOperationException($"{file}: {problems}");
    }
}
