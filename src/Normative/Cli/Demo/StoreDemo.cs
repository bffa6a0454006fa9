using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Admin;
using Normative.Features.Store.Pdf;

namespace Normative.Cli.Demo;

/// <summary>
/// Demo data for the store: clearly marked sample PDFs (made here with PDFsharp, no real standard's
/// text) for a few demo deliverables, so a newcomer can buy, pay with the test provider and download.
/// Idempotent: a file already there is left alone.
/// </summary>
public static class StoreDemo
{
    /// <summary>Deliverables of the catalogue's demo data that get a sample PDF, by language.</summary>
    public static readonly IReadOnlyList<(int Id, string Language)> Samples =
    [
        (62085, "en"), (62085, "fr"), (82875, "en"), (65694, "en"), (36631, "en"), (46486, "en"), (60857, "en"),
    ];

    public static async Task<int> LoadAsync(NormativeDb db, TimeProvider clock, CancellationToken ct)
    {
        var ids = Samples.Select(s => s.Id).Distinct().ToList();
        var deliverables = await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var existing = (await db.SourceFiles.AsNoTracking().Where(f => ids.Contains(f.DeliverableId)).Select(f => new { f.DeliverableId, f.Language }).ToListAsync(ct))
            .Select(f => (f.DeliverableId, f.Language)).ToHashSet();
        var count = 0;
        foreach (var (id, language) in Samples)
        {
            if (!deliverables.TryGetValue(id, out var d))
            {
                continue;
            }
            count++;
            if (existing.Contains((id, language)))
            {
                continue;
            }
            var title = d.TitleIn(language).Text;
            var pages = Math.Clamp(d.PagesEn ?? 4, 2, 6);
            var pdf = SamplePdf.Create(d.Reference, title, language, pages);
            await Files.SaveAsync(db, null, id, language, $"SAMPLE-{d.Reference.Replace('/', '-').Replace(':', '-').Replace(' ', '_')}-{language}.pdf", pdf, pages, "demo", clock.GetUtcNow());
        }
        return count;
    }
}
