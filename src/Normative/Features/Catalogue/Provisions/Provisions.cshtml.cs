using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Reading;

namespace Normative.Features.Catalogue.Provisions;

/// <summary>
/// A text filtered to its provisions, clause by clause (all of them, or one kind: its requirements,
/// say): everyone sees how many each clause holds; a licence holder reads them, each with its
/// identifier and a link to its place in the reader.
/// </summary>
public sealed class ProvisionsModel(NormativeDb db, IReadingLicences licences, IAuthorizationService authorization) : PageModel
{
    public ReaderText Text { get; private set; } = null!;
    public ProvisionKind? Kind { get; private set; }
    public bool Licensed { get; private set; }
    public IReadOnlyDictionary<ProvisionKind, int> Counts { get; private set; } = new Dictionary<ProvisionKind, int>();
    public IReadOnlyList<ClauseProvisions> Clauses { get; private set; } = [];

    public sealed record ClauseProvisions(string Anchor, string? Number, string? Title, IReadOnlyList<TextProvision> Provisions);

    public async Task<IActionResult> OnGetAsync(int id, string? lang, string? kind, CancellationToken ct)
    {
        if (kind is not null)
        {
            if (!Enum.TryParse<ProvisionKind>(kind, ignoreCase: true, out var parsed) || kind.Any(char.IsDigit))
            {
                return NotFound();
            }
            Kind = parsed;
        }
        var text = await TextReading.FindAsync(db, id, lang, Web.Cultures.Current, ct);
        if (text is null)
        {
            return NotFound();
        }
        Text = text;
        var all = await db.TextProvisions.AsNoTracking().Where(p => p.TextId == text.TextId)
            .OrderBy(p => p.ClauseOrdinal).ThenBy(p => p.Ordinal).ToListAsync(ct);
        Counts = Enum.GetValues<ProvisionKind>().ToDictionary(k => k, k => all.Count(p => p.Kind == k));
        var shown = all.Where(p => Kind is null || p.Kind == Kind).ToList();
        var ordinals = shown.Select(p => p.ClauseOrdinal).Distinct().ToList();
        var clauses = await db.TextClauses.AsNoTracking().Where(c => c.TextId == text.TextId && ordinals.Contains(c.Ordinal))
            .OrderBy(c => c.Ordinal).Select(c => new { c.Ordinal, c.Anchor, c.Number, c.Title }).ToListAsync(ct);
        Clauses = [.. clauses.Select(c => new ClauseProvisions(c.Anchor, c.Number, c.Title, [.. shown.Where(p => p.ClauseOrdinal == c.Ordinal)]))];
        Licensed = await ReadingAccess.ReadsEverythingAsync(User, authorization, licences, id, text.Language, ct);
        return Page();
    }

    public static string KindName(ProvisionKind kind) => kind.ToString().ToLowerInvariant();
}
