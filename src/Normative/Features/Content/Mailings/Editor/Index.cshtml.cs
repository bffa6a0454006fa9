using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Content.Mailings.Editor;

/// <summary>Editors: every mailing, digests and newsletters, newest first, with how far each has gone.</summary>
public class IndexModel(NormativeDb db) : PageModel
{
    public const int PageSize = 50;

    public IReadOnlyList<Mailing> Mailings { get; private set; } = [];

    public IReadOnlyDictionary<long, MailingProgress> Progress { get; private set; } = new Dictionary<long, MailingProgress>();

    public int PageNumber { get; private set; } = 1;

    public int Total { get; private set; }

    public async Task OnGetAsync(int? page, CancellationToken ct)
    {
        Total = await db.Mailings.CountAsync(ct);
        PageNumber = Math.Clamp(page ?? 1, 1, Pager.Pages(Total, PageSize));
        Mailings = await db.Mailings.AsNoTracking().OrderByDescending(m => m.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Progress = await MailingProgress.ForAsync(db, [.. Mailings.Select(m => m.Id)], ct);
    }
}
