using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue;

/// <summary>A deliverable's page: what it is, its status and stage, its place among its editions, and where to buy it.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public sealed class StandardModel(NormativeDb db, IOptions<OrganizationOptions> organization) : PageModel
{
    private static readonly Func<NormativeDb, int, CancellationToken, Task<Deliverable?>> ById =
        EF.CompileAsyncQuery((NormativeDb d, int id, CancellationToken ct) => d.Deliverables.AsNoTracking().FirstOrDefault(x => x.Id == id));

    public Deliverable Deliverable { get; private set; } = null!;
    public LifeCycle LifeCycle { get; private set; } = null!;
    public Committee? Committee { get; private set; }
    public List<IcsCode> Ics { get; private set; } = [];
    /// <summary>For a supplement, the edition it amends.</summary>
    public Deliverable? Amends { get; private set; }
    public List<Deliverable> OtherSupplements { get; private set; } = [];
    public string? Urn { get; private set; }
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(HttpContext))
        {
            return StatusCode(StatusCodes.Status304NotModified);
        }
        var deliverable = await ById(db, id, ct);
        if (deliverable is null)
        {
            return NotFound();
        }
        Deliverable = deliverable;
        var linked = deliverable.Replaces.Concat(deliverable.ReplacedBy).ToList();
        var family = await db.Deliverables.AsNoTracking()
            .Where(d => (deliverable.BaseKey != null && d.BaseKey == deliverable.BaseKey) || linked.Contains(d.Id) || d.SupplementOf == deliverable.Reference
                || (deliverable.SupplementOf != null && d.Reference == deliverable.SupplementOf))
            .ToListAsync(ct);
        if (deliverable.SupplementOf is null)
        {
            LifeCycle = LifeCycle.Build(deliverable, family);
        }
        else
        {
            // A supplement's life cycle is its edition's; the page names that edition and the other supplements to it.
            LifeCycle = LifeCycle.Build(deliverable, []);
            Amends = family.FirstOrDefault(d => d.Reference == deliverable.SupplementOf);
            OtherSupplements = [.. family.Where(d => d.SupplementOf == deliverable.SupplementOf && d.Id != deliverable.Id).OrderBy(d => d.SortKey, StringComparer.Ordinal)];
        }
        if (deliverable.OwnerCommittee is { } reference)
        {
            Committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == reference, ct);
        }
        Ics = await db.IcsCodes.AsNoTracking().Where(i => deliverable.IcsCodes.Contains(i.Code)).OrderBy(i => i.Code).ToListAsync(ct);
        Urn = PublicationIdentifier.TryParse(deliverable.Reference, out var parsed, out _) ? parsed.ToUrn() : null;
        JsonLd = BuildJsonLd();
        return Page();
    }

    private string BuildJsonLd()
    {
        var d = Deliverable;
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "CreativeWork",
            ["name"] = $"{d.Reference} {d.TitleIn("en").Text}",
            ["alternateName"] = CatalogueFormat.OtherTitles(d, d.TitleIn("en").Language).Select(t => t.Text).FirstOrDefault(),
            ["identifier"] = Urn is null ? d.Reference : new[] { d.Reference, Urn },
            ["url"] = SiteLinks.Absolute(HttpContext, CatalogueLinks.Standard(d.Id)),
            ["datePublished"] = d.PublicationDate is { } date ? CatalogueFormat.Date(date) : null,
            ["version"] = d.Edition,
            ["inLanguage"] = d.Languages,
            ["creativeWorkStatus"] = d.Status.ToString(),
            ["publisher"] = new Dictionary<string, string> { ["@type"] = "Organization", ["name"] = organization.Value.Name },
            ["about"] = Ics.Select(i => $"ICS {i.Code} {i.Title}").ToArray(),
            ["abstract"] = ScopeText.ToPlainText(d.ScopeEn) is { Length: > 0 } scope ? scope : null,
        };
        // The default encoder escapes <, > and &, so the JSON cannot close its script element.
        return JsonSerializer.Serialize(data.Where(kv => kv.Value is not null).ToDictionary());
    }
}
