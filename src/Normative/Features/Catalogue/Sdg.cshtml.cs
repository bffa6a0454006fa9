using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Normative.Features.Catalogue.Sdgs;
using Normative.Features.Catalogue.Search;
using Normative.Web;

namespace Normative.Features.Catalogue;

/// <summary>/sdgs/{n}: the standards serving one Sustainable Development Goal, with the search's filters, counts and pages.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class SdgModel(CatalogueSearch search) : PageModel
{
    public Sdg Goal { get; private set; } = null!;
    public SearchResult Result { get; private set; } = null!;

    public SearchQuery Query => Result.Query;

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken ct)
    {
        if (Sdg.Find(number) is not { } goal)
        {
            return NotFound();
        }
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        Goal = goal;
        // The goal is the page; the other filters come from the query string as on /search, and a bad one is left out.
        var query = SearchQuery.Read(Request.Query.Where(p => p.Key is not ("q" or "sdg")), out _) with
        {
            Sdg = number,
            PageSize = SearchQuery.DefaultPageSize,
        };
        if (!Request.Query.ContainsKey("sort"))
        {
            query = query with { Sort = SearchSort.Reference };
        }
        Result = await search.SearchAsync(query, Cultures.Current, ct);
        return Page();
    }

    public string Link(params (string Key, string? Value)[] changes) =>
        CatalogueLinks.Sdg(Goal.Number) + Query.ToQueryString([.. changes, ("sdg", null)]);
}
