using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Features.Store.Subscriptions;

namespace Normative.Features.Store.Admin;

/// <summary>
/// An Editor makes or changes a collection: its names in the site's languages, its rule, yearly
/// price and format. A form with a mistake comes back as typed, with what to correct; a
/// collection nobody bought can be deleted, one that was sold only taken off sale.
/// </summary>
public class CollectionEditModel(NormativeDb db, CatalogueVersion version, TimeProvider clock, IStringLocalizer<StoreText> s) : PageModel
{
    public const string New = "new";

    public sealed class InputModel
    {
        public string? NameEn { get; set; }
        public string? NameFr { get; set; }
        public string? NameEs { get; set; }
        public string? NameRu { get; set; }
        public string? Rule { get; set; } = nameof(CollectionRule.Committee);
        public string? Committee { get; set; }
        public string? IcsCode { get; set; }
        /// <summary>One reference a line.</summary>
        public string? References { get; set; }
        public string? Price { get; set; }
        public string? Format { get; set; } = nameof(ProductFormat.Pdf);
        public bool OnSale { get; set; } = true;
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>Null for a new collection.</summary>
    public Collection? Collection { get; private set; }

    public bool Sold { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await FindAsync(id) is { } missing)
        {
            return missing;
        }
        if (Collection is { } c)
        {
            Input = new InputModel
            {
                NameEn = c.NameEn, NameFr = c.NameFr, NameEs = c.NameEs, NameRu = c.NameRu, Rule = c.Rule.ToString(), Committee = c.Committee, IcsCode = c.IcsCode,
                References = string.Join("\n", c.ListedReferences), Price = c.YearlyPrice.ToString("0.00", CultureInfo.InvariantCulture), Format = c.Format.ToString(), OnSale = c.OnSale,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (await FindAsync(id) is { } missing)
        {
            return missing;
        }
        var draft = new CollectionRules.Draft(Input.NameEn, Input.NameFr, Input.NameEs, Input.NameRu, Input.Rule, Input.Committee, Input.IcsCode,
            Input.References, PricesModel.ParsePrice(Input.Price), Input.Format);
        foreach (var p in CollectionRules.Check(draft))
        {
            ModelState.AddModelError("Input." + p.Field, s[p.Key, p.Argument ?? ""]);
        }
        var rule = CollectionRules.ParseRule(Input.Rule);
        var committee = CollectionRules.Clean(Input.Committee);
        var ics = CollectionRules.Clean(Input.IcsCode);
        var references = CollectionRules.SplitReferences(Input.References);
        if (ModelState.IsValid)
        {
            await CheckCatalogueAsync(rule!.Value, committee, ics, references);
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        var c = Collection ?? db.Collections.Add(new Collection { NameEn = "" }).Entity;
        c.NameEn = CollectionRules.Clean(Input.NameEn)!;
        c.NameFr = CollectionRules.Clean(Input.NameFr);
        c.NameEs = CollectionRules.Clean(Input.NameEs);
        c.NameRu = CollectionRules.Clean(Input.NameRu);
        c.Rule = rule!.Value;
        // Only what the rule uses is kept, so the page never shows a committee the rule ignores.
        c.Committee = rule == CollectionRule.Committee ? committee : null;
        c.IcsCode = rule == CollectionRule.Ics ? ics : null;
        c.ListedReferences = rule == CollectionRule.List ? [.. references] : [];
        c.YearlyPrice = draft.Price!.Value;
        c.Format = ProductFormat.Pdf;
        c.OnSale = Input.OnSale;
        c.UpdatedAt = clock.GetUtcNow();
        c.UpdatedBy = User.Identity?.Name;
        await db.SaveChangesAsync();
        await version.RefreshAsync(); // this instance shows the change at once; others within a version poll
        TempData.SetNotice(s["Collections.Saved", c.NameEn]);
        return Redirect(StoreLinks.AdminCollections());
    }

    public async Task<IActionResult> OnPostDeleteAsync(string id)
    {
        if (await FindAsync(id) is { } missing)
        {
            return missing;
        }
        if (Collection is null)
        {
            return NotFound();
        }
        if (Sold)
        {
            ModelState.AddModelError(string.Empty, s["Collections.Error.Sold"]);
            await OnGetAsync(id);
            return new PageResult { StatusCode = StatusCodes.Status409Conflict };
        }
        await db.Collections.Where(c => c.Id == Collection.Id).ExecuteDeleteAsync();
        await version.RefreshAsync();
        TempData.SetNotice(s["Collections.Deleted", Collection.NameEn]);
        return Redirect(StoreLinks.AdminCollections());
    }

    /// <summary>The rule must name what the catalogue has: a committee, an ICS code, deliverables by their references.</summary>
    private async Task CheckCatalogueAsync(CollectionRule rule, string? committee, string? ics, IReadOnlyList<string> references)
    {
        switch (rule)
        {
            case CollectionRule.Committee when !await db.Committees.AnyAsync(c => c.Reference == committee):
                ModelState.AddModelError("Input.Committee", s["Collections.Error.UnknownCommittee", committee ?? ""]);
                break;
            case CollectionRule.Ics when !await db.IcsCodes.AnyAsync(i => i.Code == ics):
                ModelState.AddModelError("Input.IcsCode", s["Collections.Error.UnknownIcs", ics ?? ""]);
                break;
            case CollectionRule.List:
                var known = await db.Deliverables.Where(d => references.Contains(d.Reference)).Select(d => d.Reference).Distinct().ToListAsync();
                var unknown = references.Except(known, StringComparer.Ordinal).ToList();
                if (unknown.Count > 0)
                {
                    ModelState.AddModelError("Input.References", s["Collections.Error.UnknownReferences", string.Join(", ", unknown.Take(20)) + (unknown.Count > 20 ? ", …" : "")]);
                }
                break;
        }
    }

    /// <summary>Loads the collection of <paramref name="id"/> ("new" for none); 404 for an id that names none.</summary>
    private async Task<IActionResult?> FindAsync(string id)
    {
        if (id == New)
        {
            return null;
        }
        if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || await db.Collections.SingleOrDefaultAsync(c => c.Id == number) is not { } collection)
        {
            return NotFound();
        }
        Collection = collection;
        Sold = await db.OrderLines.AnyAsync(l => l.CollectionId == number);
        return null;
    }
}
