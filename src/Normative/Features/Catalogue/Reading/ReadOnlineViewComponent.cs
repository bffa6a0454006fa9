using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue.Reading;

/// <summary>"Read online" beside a standard that has a text (CatalogueSlots.StandardAside), in each language it has.</summary>
public sealed class ReadOnlineViewComponent(NormativeDb db) : ViewComponent
{
    // Compiled once: it runs on every standard page.
    private static readonly Func<NormativeDb, int, IAsyncEnumerable<string>> LanguagesOf =
        EF.CompileAsyncQuery<NormativeDb, int, string>((NormativeDb db, int id) => db.StandardTexts.AsNoTracking().Where(t => t.DeliverableId == id)
            .Select(t => t.Language).Distinct().OrderBy(l => l));

    public sealed record Model(int DeliverableId, IReadOnlyList<string> Languages);

    public async Task<IViewComponentResult> InvokeAsync(Deliverable deliverable)
    {
        ArgumentNullException.ThrowIfNull(deliverable);
        var languages = await LanguagesOf(db, deliverable.Id).ToListAsync(HttpContext.RequestAborted);
        return languages.Count == 0
            ? Content("")
            : View("~/Features/Catalogue/Reading/ReadOnline.cshtml", new Model(deliverable.Id, languages));
    }
}
