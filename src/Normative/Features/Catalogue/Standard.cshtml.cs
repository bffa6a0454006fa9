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
public sealed class StandardModel(NormativeDb db, IcsDirectory icsDirectory, IOptions<OrganizationOptions> organization) : PageModel
{
    private static readonly Func<NormativeDb, string, CancellationToken, Task<Committee?>> CommitteeByReference =
        EF.CompileAsyncQuery((NormativeDb d, string reference, CancellationToken ct) => d.Committees.AsNoTracking().FirstOrDefault(c => c.Reference == reference));

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
        // The deliverable and its family (same base key, linked by replaces/replaced by, its
        // supplements, the edition it amends) in one round trip: each arm of the OR is an index.
        var family = await db.Deliverables.FromSql($"""
            SELECT f.* FROM deliverables me JOIN deliverables f
              ON f.id = me.id OR f.base_key = me.base_key OR f.id = ANY (me.replaces) OR f.id = ANY (me.replaced_by)
              OR f.supplement_of = me.reference OR f.reference = me.supplement_of
            WHERE me.id = {id}
            """).AsNoTracking().ToListAsync(ct);
        var deliverable = family.Find(d => d.Id == id);
        if (deliverable is null)
        {
            return NotFound();
        }
        Deliverable = deliverable;
        CatalogueCacheTags.Show(HttpContext, family.Select(d => CatalogueCacheTags.Deliverable(d.Id)));
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
            Committee = await CommitteeByReference(db, reference, ct);
        }
        if (deliverable.IcsCodes.Count > 0)
        {
            var codes = await icsDirectory.GetAsync(db, ct);
            Ics = [.. deliverable.IcsCodes.Distinct().Select(codes.GetValueOrDefault).OfType<IcsCode>().OrderBy(i => i.Code, StringComparer.Ordinal)];
        }
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
