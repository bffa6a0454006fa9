using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Development.Membership;

/// <summary>Finding member bodies: one by its code or acronym, and the directory's filters, in SQL.</summary>
public static class MemberBodies
{
    /// <summary>A member body by its alpha-2 or alpha-3 country code or its acronym, in any letter case.</summary>
    public static Task<MemberBody?> FindAsync(NormativeDb db, string code, CancellationToken ct = default)
    {
        var c = code.Trim().ToUpperInvariant();
        return db.MemberBodies.AsNoTracking().FirstOrDefaultAsync(m => m.CountryCode == c || m.CountryCode3 == c || m.Acronym.ToUpper() == c, ct);
    }

    /// <summary>
    /// The member bodies of a category and a region (each when given and known), whose acronym, name or
    /// country (in English or in <paramref name="language"/>) contains <paramref name="q"/>, or whose country code is <paramref name="q"/>.
    /// </summary>
    public static IQueryable<MemberBody> Matching(IQueryable<MemberBody> bodies, string? category, string? region, string? q, string language)
    {
        if (Enum.TryParse<MemberCategory>(category, true, out var c))
        {
            bodies = bodies.Where(m => m.Category == c);
        }
        if (Enum.TryParse<Region>(region, true, out var r))
        {
            bodies = bodies.Where(m => m.Region == r);
        }
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            var pattern = SqlLike.Contains(term);
            var code = term.ToUpperInvariant();
            bodies = bodies.Where(m => EF.Functions.ILike(m.Acronym, pattern) || EF.Functions.ILike(m.Name, pattern) || EF.Functions.ILike(m.CountryEn, pattern)
                || (language == "fr" && EF.Functions.ILike(m.CountryFr, pattern))
                || (language == "es" && EF.Functions.ILike(m.CountryEs, pattern))
                || (language == "ru" && EF.Functions.ILike(m.CountryRu, pattern))
                || m.CountryCode == code);
        }
        return bodies;
    }
}
