using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Shipping;

namespace Normative.Features.Store.Admin;

/// <summary>
/// Editors keep the shipping zones (countries, or every other country) and each zone's rates by the
/// printed pages in a parcel. The whole set is checked and saved at once; refused, nothing is saved
/// and the form shows what was typed, to be corrected.
/// </summary>
public class ShippingModel(NormativeDb db, IStringLocalizer<StoreText> s) : PageModel
{
    public sealed class RateInput
    {
        public string? MinPages { get; set; }
        public string? MaxPages { get; set; }
        public string? Price { get; set; }
        public bool Delete { get; set; }

        public bool IsBlank => Blank(MinPages) && Blank(MaxPages) && Blank(Price);
    }

    public sealed class ZoneInput
    {
        public string? Name { get; set; }
        /// <summary>ISO country codes, separated by spaces, commas or line breaks.</summary>
        public string? Countries { get; set; }
        public bool Delete { get; set; }
        public List<RateInput> Rates { get; set; } = [];
    }

    /// <summary>Every zone as typed; the page adds a blank zone and a blank band per zone for new ones.</summary>
    [BindProperty]
    public List<ZoneInput> Zones { get; set; } = [];

    /// <summary>Which zone (its row) is for every other country; null for none.</summary>
    [BindProperty]
    public int? EverywhereElse { get; set; }

    public async Task OnGetAsync()
    {
        var zones = await ShippingRates.LoadAsync(db, HttpContext.RequestAborted);
        Zones = zones.Select(z => new ZoneInput
        {
            Name = z.Name,
            Countries = string.Join(" ", z.Countries.Select(c => c.Country)),
            Rates = z.Rates.Select(r => new RateInput
            {
                MinPages = r.MinPages.ToString(CultureInfo.InvariantCulture),
                MaxPages = r.MaxPages?.ToString(CultureInfo.InvariantCulture),
                Price = r.Price.ToString("0.00", CultureInfo.InvariantCulture),
            }).ToList(),
        }).ToList();
        EverywhereElse = zones.FindIndex(z => z.EverywhereElse) is var i and >= 0 ? i : null;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var drafts = new List<ShippingRules.ZoneDraft>();
        var unreadable = false;
        for (var i = 0; i < Zones.Count; i++)
        {
            var zone = Zones[i];
            var everywhereElse = EverywhereElse == i;
            var rates = zone.Rates.Where(r => !r.Delete && !r.IsBlank).ToList();
            if (zone.Delete || (Blank(zone.Name) && Blank(zone.Countries) && rates.Count == 0 && !everywhereElse))
            {
                continue;
            }
            var read = new List<ShippingRules.RateDraft>();
            foreach (var rate in rates)
            {
                if (Pages(rate.MinPages) is not { } min || (!Blank(rate.MaxPages) && Pages(rate.MaxPages) is null) || Amount(rate.Price) is not { } price)
                {
                    unreadable = true;
                    continue;
                }
                read.Add(new ShippingRules.RateDraft(min, Pages(rate.MaxPages), price));
            }
            drafts.Add(new ShippingRules.ZoneDraft(zone.Name, CountryCodesIn(zone.Countries), everywhereElse, read));
        }
        // Bands that could not be read would only show up again as gaps.
        IReadOnlyList<ShippingRules.Problem> problems = unreadable ? [new ShippingRules.Problem("Shipping.Error.Unreadable")] : ShippingRules.Check(drafts, Countries.IsKnown);
        foreach (var problem in problems)
        {
            ModelState.AddModelError(string.Empty, s[problem.Key, [.. problem.Args]]);
        }
        if (!ModelState.IsValid)
        {
            Tidy();
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        await ShippingRates.SaveAsync(db, drafts, HttpContext.RequestAborted);
        TempData.SetNotice(s["Prices.Saved"]);
        return Redirect(StoreLinks.AdminShipping());
    }

    /// <summary>The codes typed for a zone, upper-cased, each once, in the order typed.</summary>
    public static IReadOnlyList<string> CountryCodesIn(string? text) =>
        (text ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries)
            .Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();

    /// <summary>
    /// A refused form comes back without the rows left blank, so each failed save does not add another;
    /// the zone for every other country keeps its mark.
    /// </summary>
    private void Tidy()
    {
        var kept = Zones.Select((zone, i) => (zone, i))
            .Where(z => !(Blank(z.zone.Name) && Blank(z.zone.Countries) && z.zone.Rates.All(r => r.IsBlank) && EverywhereElse != z.i))
            .ToList();
        EverywhereElse = kept.FindIndex(z => z.i == EverywhereElse) is var i and >= 0 ? i : null;
        Zones = kept.Select(z => z.zone).ToList();
        foreach (var zone in Zones)
        {
            zone.Rates = zone.Rates.Where(r => !r.IsBlank).ToList();
        }
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private static int? Pages(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pages) ? pages : null;

    /// <summary>An amount typed with a point or a comma ("12.50", "12,50"), at most two decimals; a sign is read, so a negative rate is refused for what it is.</summary>
    private static decimal? Amount(string? text)
    {
        if (Blank(text))
        {
            return null;
        }
        var normalized = text!.Trim().Replace(',', '.').Replace("'", "", StringComparison.Ordinal).Replace('−', '-');
        return decimal.TryParse(normalized, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value == decimal.Round(value, 2)
            ? value
            : null;
    }
}
