using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Normative.Data;

namespace Normative.Features.Catalogue.Reading;

/// <summary>/terms?q=: every term and definition of every text online, in every language.</summary>
public sealed class TermsModel(NormativeDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "lang")]
    public string? Language { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public TermResults? Results { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Query = Query?.Trim();
        if (Language is not null && (Language.Length is < 2 or > 3 || !Language.All(char.IsAsciiLetterLower)))
        {
            Language = null;
        }
        if (!string.IsNullOrEmpty(Query))
        {
            if (Query.Length > TermSearch.MaxQueryLength)
            {
                Query = Query[..TermSearch.MaxQueryLength];
            }
            Results = await TermSearch.SearchAsync(db, Query, Language, PageNumber, ct);
        }
        return Page();
    }

    public string PageLink(int page) => ReadingLinks.Terms(Query) + (Language is null ? "" : "&lang=" + Language) + (page == 1 ? "" : "&page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
