using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Content.Articles.Editor;

/// <summary>Editors: every article, whatever its status, most recently changed first.</summary>
public class IndexModel(NormativeDb db) : PageModel
{
    public IReadOnlyList<Article> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Articles = await db.Articles.AsNoTracking()
            .OrderByDescending(a => a.UpdatedAt)
            .Take(200)
            .Include(a => a.Versions.Where(v => v.Language == "en"))
            .ToListAsync(ct);
}
