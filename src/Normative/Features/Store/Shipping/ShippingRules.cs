using System.Globalization;

namespace Normative.Features.Store.Shipping;

/// <summary>
/// The shipping charge of a parcel of printed copies, and the checks on the zones and rates Editors
/// save. Pure functions: tested without a database.
/// </summary>
public static class ShippingRules
{
    public const int MaxZoneName = 100;

    /// <summary>The highest rate the page accepts: a typo of a few zeros is refused rather than charged.</summary>
    public const decimal MaxPrice = 9_999m;

    /// <summary>A shipping charge: the zone whose rate applies, and the net price.</summary>
    public sealed record Quote(string Zone, decimal Price);

    /// <summary>A zone as an Editor typed it, its numbers read.</summary>
    public sealed record ZoneDraft(string? Name, IReadOnlyList<string> Countries, bool EverywhereElse, IReadOnlyList<RateDraft> Rates);

    public sealed record RateDraft(int MinPages, int? MaxPages, decimal Price);

    /// <summary>What is wrong, as a resource key and the values its text names.</summary>
    public sealed record Problem(string Key, IReadOnlyList<object> Args)
    {
        public Problem(string key, params object[] args) : this(key, (IReadOnlyList<object>)args)
        {
        }

        public bool Equals(Problem? other) => other is not null && Key == other.Key && Args.SequenceEqual(other.Args);

        public override int GetHashCode() => HashCode.Combine(Key, Args.Count);
    }

    /// <summary>The printed pages in a parcel: each copy's pages (at least one) times how many copies.</summary>
    public static int Pages(IEnumerable<(int Pages, int Quantity)> printed) => printed.Sum(p => Math.Max(1, p.Pages) * p.Quantity);

    /// <summary>
    /// What shipping <paramref name="pages"/> printed pages to <paramref name="country"/> costs: the rate of
    /// the zone that lists the country, else of the zone for every other country; null when neither
    /// zone exists or none of its bands covers that many pages (the store does not ship it there).
    /// </summary>
    public static Quote? QuoteFor(IEnumerable<ShippingZone> zones, string country, int pages)
    {
        var code = country.Trim().ToUpperInvariant();
        var list = zones.ToList();
        var zone = list.FirstOrDefault(z => !z.EverywhereElse && z.Countries.Any(c => c.Country == code)) ?? list.FirstOrDefault(z => z.EverywhereElse);
        var rate = zone?.Rates.Where(r => r.Contains(pages)).OrderBy(r => r.MinPages).FirstOrDefault();
        return rate is null ? null : new Quote(zone!.Name, rate.Price);
    }

    /// <summary>
    /// Problems with a set of zones, each named so the Editor finds it: a zone needs a name of its own
    /// and its countries (unless it is the one zone for every other country), a country belongs to one
    /// zone, and a zone's bands start at one page, neither overlap nor leave a gap, and cost 0 or more.
    /// A zone without bands is allowed: printed copies are not shipped there.
    /// </summary>
    public static IReadOnlyList<Problem> Check(IReadOnlyList<ZoneDraft> zones, Func<string, bool> isCountry)
    {
        ArgumentNullException.ThrowIfNull(zones);
        ArgumentNullException.ThrowIfNull(isCountry);
        var problems = new List<Problem>();
        if (zones.Count(z => z.EverywhereElse) > 1)
        {
            problems.Add(new("Shipping.Error.EverywhereElseTwice"));
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var zoneOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var zone in zones)
        {
            var name = zone.Name?.Trim() ?? "";
            if (name.Length is 0 or > MaxZoneName)
            {
                problems.Add(new("Shipping.Error.ZoneName", MaxZoneName));
            }
            else if (!names.Add(name))
            {
                problems.Add(new("Shipping.Error.SameName", name));
            }
            if (zone.EverywhereElse && zone.Countries.Count > 0)
            {
                problems.Add(new("Shipping.Error.EverywhereElseLists", name));
            }
            if (!zone.EverywhereElse && zone.Countries.Count == 0)
            {
                problems.Add(new("Shipping.Error.NoCountries", name));
            }
            foreach (var country in zone.Countries)
            {
                if (!isCountry(country))
                {
                    problems.Add(new("Shipping.Error.UnknownCountry", country, name));
                }
                else if (zoneOf.TryGetValue(country, out var first))
                {
                    problems.Add(new("Shipping.Error.CountryTwice", country, first, name));
                }
                else
                {
                    zoneOf[country] = name;
                }
            }
            CheckRates(problems, name, zone.Rates);
        }
        return problems.Distinct().ToList();
    }

    private static void CheckRates(List<Problem> problems, string zone, IReadOnlyList<RateDraft> rates)
    {
        foreach (var r in rates)
        {
            if (r.Price < 0)
            {
                problems.Add(new("Shipping.Error.NegativePrice", zone, r.Price.ToString("0.00", CultureInfo.InvariantCulture)));
            }
            else if (r.Price > MaxPrice)
            {
                problems.Add(new("Shipping.Error.TooHigh", zone, MaxPrice.ToString("0", CultureInfo.InvariantCulture)));
            }
        }
        if (rates.Any(r => r.MinPages < 1 || r.MaxPages < r.MinPages))
        {
            // Overlaps and gaps between bands that are not ranges would only add noise.
            problems.Add(new("Shipping.Error.BadRange", zone));
            return;
        }
        var ordered = rates.OrderBy(r => r.MinPages).ThenBy(r => r.MaxPages ?? int.MaxValue).ToList();
        if (ordered.Count > 0 && ordered[0].MinPages > 1)
        {
            problems.Add(new("Shipping.Error.Gap", zone, Range(1, ordered[0].MinPages - 1)));
        }
        for (var i = 1; i < ordered.Count; i++)
        {
            var (previous, current) = (ordered[i - 1], ordered[i]);
            if (previous.MaxPages is not { } end || end >= current.MinPages)
            {
                problems.Add(new("Shipping.Error.Overlap", zone, Range(previous.MinPages, previous.MaxPages), Range(current.MinPages, current.MaxPages)));
            }
            else if (end + 1 < current.MinPages)
            {
                problems.Add(new("Shipping.Error.Gap", zone, Range(end + 1, current.MinPages - 1)));
            }
        }
    }

    /// <summary>"1–100", "2001+": a band's pages as the messages and pages write them.</summary>
    public static string Range(int min, int? max) =>
        max is { } m ? string.Create(CultureInfo.InvariantCulture, $"{min}–{m}") : string.Create(CultureInfo.InvariantCulture, $"{min}+");
}
