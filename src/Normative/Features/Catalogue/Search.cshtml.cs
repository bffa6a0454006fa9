using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Normative.Data;
using Normative.Features.Catalogue.Search;
using Normative.Web;

namespace Normative.Features.Catalogue;

/// <summary>/search: one box for identifiers and words, filters with counts, sort, pages, highlighted matches.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class SearchModel(CatalogueSearch search, NormativeDb db, IcsDirectory icsDirectory) : PageModel
{
    public SearchResult Result { get; private set; } = null!;
    /// <summary>Query-string values that could not be read and were left out.</summary>
    public List<string> Ignored { get; private set; } = [];
    public Dictionary<string, string> IcsTitles { get; private set; } = [];

    public SearchQuery Query => Result.Query;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        var query = SearchQuery.Read(Request.Query, out var errors) with { PageSize = SearchQuery.DefaultPageSize };
        Ignored = errors.Select(e => e.Split(':')[0]).Distinct().ToList();
        Result = await search.SearchAsync(query, Cultures.Current, ct);
        var language = Cultures.Current;
        IcsTitles = (await icsDirectory.GetAsync(db, ct)).Values.Where(i => i.Parent == null || i.Code == query.Ics)
            .ToDictionary(i => i.Code, i => i.TitleIn(language));
        return Page();
    }

    public string Link(params (string Key, string? Value)[] changes) => CatalogueLinks.Search() + Query.ToQueryString(changes);
}
