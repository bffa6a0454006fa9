using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Identifiers;

namespace Normative.Features.Catalogue;

/// <summary>Finds the deliverable a person means by a reference or an id typed any old way.</summary>
public static class DeliverableFinder
{
    /// <summary>
    /// An id ("62085"), the reference as stored, its canonical form ("iso9001:2015" → "ISO 9001:2015"),
    /// or, without a year, the edition in force (else the newest draft, else the last withdrawn).
    /// </summary>
    public static async Task<int?> FindAsync(NormativeDb db, string text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        text = (text ?? "").Trim();
        if (text.Length is 0 or > 200)
        {
            return null;
        }
        if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            && await db.Deliverables.AnyAsync(d => d.Id == id, ct))
        {
            return id;
        }
        if (await ByReferenceAsync(db, text, ct) is { } exact)
        {
            return exact;
        }
        if (!PublicationIdentifier.TryParse(text, out var parsed, out _))
        {
            return null;
        }
        if (await ByReferenceAsync(db, parsed.ToString(), ct) is { } canonical)
        {
            return canonical;
        }
        if (parsed.Year is not null || !parsed.Supplements.IsEmpty || parsed.Stage is not null)
        {
            return null;
        }
        return await db.Deliverables.AsNoTracking()
            .Where(d => d.BaseKey == parsed.BaseKey && d.SupplementOf == null && d.Status != DeliverableStatus.Deleted)
            .OrderBy(d => d.Status == DeliverableStatus.Published ? 0 : d.Status == DeliverableStatus.UnderDevelopment ? 1 : 2)
            .ThenByDescending(d => d.PublicationDate)
            .Select(d => (int?)d.Id)
            .FirstOrDefaultAsync(ct);
    }

    private static Task<int?> ByReferenceAsync(NormativeDb db, string reference, CancellationToken ct) =>
        db.Deliverables.AsNoTracking()
            .Where(d => d.Reference == reference)
            .OrderBy(d => d.Status == DeliverableStatus.Published ? 0 : 1)
            .Select(d => (int?)d.Id)
            .FirstOrDefaultAsync(ct);
}
