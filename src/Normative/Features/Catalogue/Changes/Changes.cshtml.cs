using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Reading;

namespace Normative.Features.Catalogue.Changes;

/// <summary>
/// What changed between two editions of a standard (or a standard and its amendment) that have
/// texts: everyone sees which clauses were added, removed and changed (numbers and titles, as the
/// search shows them); a holder of a licence for the newer edition (and an Editor) sees the changed words marked.
/// </summary>
public sealed class ChangesModel(NormativeDb db, IReadingLicences licences, IAuthorizationService authorization) : PageModel
{
    public Deliverable To { get; private set; } = null!;
    public Deliverable From { get; private set; } = null!;
    /// <summary>The language of the two texts compared; null when the two editions have no text in a common language.</summary>
    public string? Language { get; private set; }
    public bool Licensed { get; private set; }
    public IReadOnlyList<ClauseChange> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int? from, string? lang, CancellationToken ct)
    {
        var to = await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct);
        if (to is null)
        {
            return NotFound();
        }
        // Without ?from=, the edition it replaces (or, for an amendment, the edition it amends).
        var fromId = from ?? (to.Replaces.Count > 0 ? to.Replaces[0]
            : to.SupplementOf is { } amended ? await db.Deliverables.Where(d => d.Reference == amended).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct) : null);
        var older = fromId is { } f && f != id ? await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(d => d.Id == f, ct) : null;
        if (older is null)
        {
            return NotFound();
        }
        To = to;
        From = older;

        // One text per edition and language: the international one before an adoption.
        var texts = await db.StandardTexts.AsNoTracking()
            .Where(t => t.DeliverableId == to.Id || t.DeliverableId == older.Id)
            .OrderBy(t => t.Level).ThenBy(t => t.Id)
            .Select(t => new { t.Id, t.DeliverableId, t.Language })
            .ToListAsync(ct);
        var newer = texts.Where(t => t.DeliverableId == to.Id).DistinctBy(t => t.Language).ToDictionary(t => t.Language, t => t.Id);
        var old = texts.Where(t => t.DeliverableId == older.Id).DistinctBy(t => t.Language).ToDictionary(t => t.Language, t => t.Id);
        var common = newer.Keys.Where(old.ContainsKey).Order(StringComparer.Ordinal).ToList();
        Language = new[] { lang, Web.Cultures.Current, "en" }.FirstOrDefault(l => l is not null && common.Contains(l)) ?? common.FirstOrDefault();
        if (Language is null)
        {
            return Page();
        }
        var ids = new[] { old[Language], newer[Language] };
        var clauses = await db.TextClauses.AsNoTracking().Where(c => ids.Contains(c.TextId)).OrderBy(c => c.Ordinal)
            .Select(c => new { c.TextId, c.Number, c.Title, c.Anchor, c.PlainText, c.Preview })
            .ToListAsync(ct);
        List<ClauseVersion> Of(int textId) =>
            [.. clauses.Where(c => c.TextId == textId).Select(c => new ClauseVersion(c.Number ?? c.Anchor, c.Number, c.Title, c.Anchor, c.PlainText, c.Preview))];
        // An amendment's text holds only what it changes; compared with the edition it amends, what it leaves out is unchanged.
        var amends = to.SupplementOf is { } amendedReference && amendedReference == older.Reference;
        Changes = EditionDiff.Compare(Of(ids[0]), Of(ids[1]), amends);
        Licensed = await ReadingAccess.ReadsEverythingAsync(User, authorization, licences, to.Id, Language, ct);
        return Page();
    }

    public int Count(ClauseChangeKind kind) => Changes.Count(c => c.Kind == kind);
}
