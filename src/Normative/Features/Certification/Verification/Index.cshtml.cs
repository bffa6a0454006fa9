using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Certification.Registry;

namespace Normative.Features.Certification.Verification;

/// <summary>/certification: free public verification by number, and search by organization, country, standard or CB.</summary>
[EnableRateLimiting(CertificationFeature.SearchPolicy)]
public class IndexModel(ReadRoute read, NormativeDb db, IOptions<CertificationOptions> options, TimeProvider clock, VerificationCache answers) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "number")]
    public string? Number { get; set; }

    [BindProperty(SupportsGet = true, Name = "cb")]
    public string? Cb { get; set; }

    [BindProperty(SupportsGet = true, Name = "organization")]
    public string? Organization { get; set; }

    [BindProperty(SupportsGet = true, Name = "country")]
    public string? Country { get; set; }

    [BindProperty(SupportsGet = true, Name = "standard")]
    public string? Standard { get; set; }

    [BindProperty(SupportsGet = true, Name = "body")]
    public string? Body { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public bool Verifying { get; private set; }
    public bool Searching { get; private set; }
    /// <summary>A key in CertificationText when the query cannot run.</summary>
    public string? Error { get; private set; }
    public IReadOnlyList<CertificateView> Found { get; private set; } = [];
    public List<CertificateSummary> Results { get; private set; } = [];
    public bool HasMore { get; private set; }
    public List<(string Code, string Name)> Bodies { get; private set; } = [];
    public List<string> Standards { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Bodies = (await db.CertificationBodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Code, b.Name }).ToListAsync(ct))
            .Select(b => (b.Code, b.Name)).ToList();
        Standards = await db.Accreditations.AsNoTracking().Select(a => a.Standard).Distinct().OrderBy(s => s).ToListAsync(ct);

        if (Request.Query.ContainsKey("number"))
        {
            Verifying = true;
            if (string.IsNullOrWhiteSpace(Number))
            {
                return Refuse("Verify.Error.Empty");
            }
            if (Number.Length > CertificateSearch.MaxLength || Cb?.Length > CertificateSearch.MaxLength)
            {
                return Refuse("Search.Error.TooLong");
            }
            Found = await answers.VerifyAsync(read, Number, Cb, CertificateRules.Today(clock.GetUtcNow()), ct);
            return Page();
        }

        var search = new CertificateSearch(Organization, Country, Standard, Body);
        if (new[] { "organization", "country", "standard", "body" }.Any(Request.Query.ContainsKey))
        {
            Searching = true;
            if (search.Check() is { } error)
            {
                return Refuse(error);
            }
            if (PageNumber is < 1 or > CertificateSearch.MaxPage)
            {
                return Refuse("Search.Error.Page");
            }
            (Results, HasMore, var tooCommon) = await read.ReadAsync(ds => VerificationSql.SearchAsync(ds, search, PageNumber, options.Value.Search.MaxWordReach,
                CertificateRules.Today(clock.GetUtcNow()), read.PrepareStatements, ct));
            if (tooCommon)
            {
                return Refuse("Search.Error.TooCommon");
            }
        }
        return Page();
    }

    private PageResult Refuse(string error)
    {
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>The link to another page of the same search.</summary>
    public string PageLink(int page) => CertificationLinks.Search(Organization, Country, Standard, Body, page);
}
