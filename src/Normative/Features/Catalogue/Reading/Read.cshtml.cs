using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Normative.Data;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// /standard/{id}/read[/{lang}]: a standard's text. Everyone reads the preview (foreword to terms
/// and definitions); a licence holder for the language reads every clause. Not output-cached: what
/// it shows depends on who reads, and it is a few indexed rows of HTML rendered at import.
/// </summary>
public sealed class ReadModel(NormativeDb db, IReadingLicences licences, IAuthorizationService authorization) : PageModel
{
    public ReaderText Text { get; private set; } = null!;
    public List<ReaderClause> Clauses { get; private set; } = [];
    public bool Licensed { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, string? lang, CancellationToken ct)
    {
        if (lang is not null && (lang.Length is < 2 or > 3 || !lang.All(char.IsAsciiLetterLower)))
        {
            return NotFound();
        }
        var text = await TextReading.FindAsync(db, id, lang, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, ct);
        if (text is null)
        {
            return NotFound();
        }
        Text = text;
        Licensed = await ReadingAccess.ReadsEverythingAsync(User, authorization, licences, id, text.Language, ct);
        Clauses = await TextReading.ClausesAsync(db, text.TextId, Licensed, ct);
        return Page();
    }

    /// <summary>h2 for a main clause, h3 for its sub-clauses … never beyond h6.</summary>
    public static string Heading(short level) => "h" + Math.Clamp(level + 1, 2, 6).ToString(CultureInfo.InvariantCulture);
}
