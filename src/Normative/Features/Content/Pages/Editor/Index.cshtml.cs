using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Content.Pages.Editor;

/// <summary>Editors: every institutional page with its status, the languages it has text in and when it last changed.</summary>
public class IndexModel(NormativeDb db) : PageModel
{
    public sealed record Row(InstitutionalPages.Entry Entry, string Title, PageStatus Status, IReadOnlyList<string> Saved, DateTimeOffset? UpdatedAt);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var pages = await db.Pages.AsNoTracking().Include(p => p.Versions).ToDictionaryAsync(p => p.Key, ct);
        Rows = InstitutionalPages.All.Select(e =>
        {
            var page = pages.GetValueOrDefault(e.Slug);
            var text = PageRules.Pick(e.Slug, page?.Versions ?? [], Web.Cultures.Current)?.Text;
            return new Row(e, text?.Title ?? e.Slug, page?.Status ?? PageStatus.Published,
                page?.Versions.Select(v => v.Language).Order(StringComparer.Ordinal).ToList() ?? [], page?.UpdatedAt);
        }).ToList();
    }
}
