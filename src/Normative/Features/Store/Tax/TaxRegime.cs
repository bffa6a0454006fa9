using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Normative.Features.Store.Tax;

/// <summary>
/// The seller's currency and VAT rules, as data: one JSON file per regime (Regimes/ch.json,
/// Regimes/de.json), chosen by Store:Tax:Regime or read from Store:Tax:File. A file instead of a
/// table because rates change by law, rarely and on a known date: the change is reviewed with the
/// code, ships with a release, and every instance applies the same rules. Editors see them at
/// /store/admin/tax.
/// </summary>
public sealed class TaxRegime
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required Currency Currency { get; init; }
    /// <summary>The countries the seller's own VAT covers, the seller's country first (CH, LI).</summary>
    public required IReadOnlyList<string> Territory { get; init; }
    /// <summary>Whether the seller is in the EU: reverse charge for businesses and OSS rates for consumers in other member states.</summary>
    public bool EuMember { get; init; }
    public required IReadOnlyList<TaxRule> Domestic { get; init; }
    public required IReadOnlyList<TaxRule> Abroad { get; init; }
    public required EuVatRates Eu { get; init; }
    /// <summary>Where the rules were read from: a shipped regime or a file's path.</summary>
    public required string Origin { get; init; }

    public string SellerCountry => Territory[0];

    /// <summary>A <see cref="ProductFormat"/> as VAT sees it: reading online is an electronically supplied service, like the PDF.</summary>
    public static TaxKind KindOf(ProductFormat format) => format == ProductFormat.Paper ? TaxKind.Printed : TaxKind.Electronic;

    /// <summary>
    /// The VAT of a line for a buyer billed in <paramref name="country"/> whose printed copies are
    /// shipped to <paramref name="shipTo"/> (null: to the billing country), or null when no rule covers
    /// the place (the store then does not sell there). <paramref name="vatNumber"/> counts only when it
    /// is in the format of the billing country. An electronic product is taxed where the buyer is; a
    /// printed copy and its shipping where the transport ends (Directive 2006/112/EC art. 33, MWSTG art. 7).
    /// </summary>
    public TaxDecision? Decide(string country, string? vatNumber, TaxKind kind, DateOnly on, string? shipTo)
    {
        var billing = country.Trim().ToUpperInvariant();
        var business = vatNumber is not null && VatNumbers.IsWellFormed(billing, vatNumber);
        return kind == TaxKind.Electronic
            ? Service(billing, business, on)
            : Goods(kind, billing, business, shipTo is null ? billing : shipTo.Trim().ToUpperInvariant(), on);
    }

    private TaxDecision? Service(string billing, bool business, DateOnly on)
    {
        if (Territory.Contains(billing))
        {
            return DomesticRate(TaxKind.Electronic, on);
        }
        if (EuMember && Eu.IsMember(billing))
        {
            // A business accounts for the VAT itself (art. 44, 196); a consumer pays the VAT of the state
            // where they live (art. 58), declared through the one-stop shop.
            return business ? new TaxDecision(0m, billing, TaxBasis.ReverseCharge) : new TaxDecision(Eu.Rates[billing], billing, TaxBasis.OneStopShop);
        }
        return AbroadRate(billing, TaxKind.Electronic, on);
    }

    private TaxDecision? Goods(TaxKind kind, string billing, bool business, string destination, DateOnly on)
    {
        if (Territory.Contains(destination))
        {
            return DomesticRate(kind, on);
        }
        if (EuMember && Eu.IsMember(destination))
        {
            if (business && Eu.IsMember(billing) && !Territory.Contains(billing))
            {
                // An intra-Community supply to a business identified in another member state: exempt here,
                // its acquisition is taxed where the goods arrive (art. 138, 40).
                return new TaxDecision(0m, destination, TaxBasis.ReverseCharge);
            }
            // A business identified in the seller's own state buys a domestic supply (art. 32); a consumer
            // a distance sale taxed where the goods arrive at that state's rate (art. 33), through the one-stop shop.
            return business && Territory.Contains(billing) ? DomesticRate(kind, on) : new TaxDecision(Eu.PrintedRate(destination), destination, TaxBasis.OneStopShop);
        }
        return AbroadRate(destination, kind, on);
    }

    /// <summary>The regime's rule for a country outside its territory (and outside the EU for an EU seller): by its code, else "*".</summary>
    private TaxDecision? AbroadRate(string code, TaxKind kind, DateOnly on)
    {
        var rule = Latest(Abroad.Where(r => r.Country == code), kind, on) ?? Latest(Abroad.Where(r => r.Country == TaxRule.AnyOtherCountry), kind, on);
        return rule is null ? null : new TaxDecision(rule.Rate, code, rule.Basis ?? (rule.Rate == 0 ? TaxBasis.Export : TaxBasis.Domestic));
    }

    private TaxDecision? DomesticRate(TaxKind kind, DateOnly on) =>
        Latest(Domestic, kind, on) is { } rule ? new TaxDecision(rule.Rate, SellerCountry, TaxBasis.Domestic) : null;

    private static TaxRule? Latest(IEnumerable<TaxRule> rules, TaxKind kind, DateOnly on) =>
        rules.Where(r => r.Kind == kind && r.From <= on).MaxBy(r => r.From);

    /// <summary>The regimes that ship with Normative, by id.</summary>
    public static IReadOnlyList<string> Shipped => ["CH", "DE"];

    /// <summary>Reads the regime the configuration names: a file when <paramref name="file"/> is set, else a shipped regime.</summary>
    /// <exception cref="InvalidOperationException">The regime is unknown or its file is not valid; the message says what to fix.</exception>
    public static TaxRegime Load(string? regime, string? file)
    {
        var eu = ReadEu();
        if (!string.IsNullOrWhiteSpace(file))
        {
            if (!File.Exists(file))
            {
                throw new InvalidOperationException($"Store:Tax:File names {file}, which does not exist.");
            }
            using var stream = File.OpenRead(file);
            return Parse(stream, file, eu);
        }
        var id = string.IsNullOrWhiteSpace(regime) ? "CH" : regime.Trim().ToUpperInvariant();
        if (!Shipped.Contains(id))
        {
            throw new InvalidOperationException($"Store:Tax:Regime is {regime}; Normative ships {string.Join(", ", Shipped)}. For another country write a file like Regimes/ch.json and set Store:Tax:File to its path.");
        }
        using var embedded = Resource($"{id.ToLowerInvariant()}.json");
        return Parse(embedded, $"shipped regime {id}", eu);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private sealed record FileCurrency(string? Code, int? MinorUnits, decimal? CashRounding);

    private sealed record FileRule(TaxKind? Kind, decimal? Rate, DateOnly? From, string? Note, string? Country, TaxBasis? Basis);

    private sealed record FileRegime(string? Id, string? Name, FileCurrency? Currency, List<string>? Territory, bool EuMember, List<FileRule>? Domestic, List<FileRule>? Abroad);

    private sealed record FileEu(string Source, string Url, DateOnly AsOf, string Note, Dictionary<string, decimal> Rates, Dictionary<string, decimal>? Printed);

    public static TaxRegime Parse(Stream json, string origin, EuVatRates eu)
    {
        FileRegime? f;
        try
        {
            f = JsonSerializer.Deserialize<FileRegime>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"The tax regime in {origin} is not valid JSON: {e.Message}");
        }
        string Fail(string what) => throw new InvalidOperationException($"The tax regime in {origin}: {what}");
        if (f is null || string.IsNullOrWhiteSpace(f.Id) || string.IsNullOrWhiteSpace(f.Name))
        {
            Fail("it needs an id and a name.");
        }
        if (f!.Currency is not { Code: { Length: 3 } code, MinorUnits: { } minor, CashRounding: { } cash } || !code.All(char.IsAsciiLetterUpper))
        {
            Fail("currency needs an ISO 4217 code of three capital letters, minorUnits and cashRounding.");
            return null!;
        }
        // Prices and amounts are stored with two decimals.
        if (minor is not (0 or 2) || cash <= 0 || cash % (minor == 0 ? 1m : 0.01m) != 0)
        {
            Fail("minorUnits must be 0 or 2, and cashRounding a positive multiple of the minor unit (0.01, 0.05, 1).");
        }
        if (f.Territory is not { Count: > 0 } || f.Territory.Any(c => c.Length != 2))
        {
            Fail("territory lists the seller's country codes (ISO 3166-1 alpha-2), its own first.");
        }
        var domestic = Rules(f.Domestic, origin, abroad: false);
        foreach (var kind in Enum.GetValues<TaxKind>())
        {
            if (!domestic.Any(r => r.Kind == kind))
            {
                Fail($"domestic has no rate for {kind}.");
            }
        }
        return new TaxRegime
        {
            Id = f.Id!.Trim().ToUpperInvariant(),
            Name = f.Name!,
            Currency = new Currency(code, minor, cash),
            Territory = f.Territory!.Select(c => c.ToUpperInvariant()).ToList(),
            EuMember = f.EuMember,
            Domestic = domestic,
            Abroad = Rules(f.Abroad, origin, abroad: true),
            Eu = eu,
            Origin = origin,
        };
    }

    private static List<TaxRule> Rules(List<FileRule>? rules, string origin, bool abroad)
    {
        var list = new List<TaxRule>();
        foreach (var r in rules ?? [])
        {
            if (r.Kind is not { } kind || r.Rate is not { } rate || rate < 0 || rate >= 1 || r.From is not { } from)
            {
                throw new InvalidOperationException($"The tax regime in {origin}: every rule needs a kind (Electronic, Printed, Shipping), a rate between 0 and 1 (0.19 for 19 %) and a from date.");
            }
            var country = abroad ? (r.Country ?? "").Trim().ToUpperInvariant() : TaxRule.AnyOtherCountry;
            if (abroad && country != TaxRule.AnyOtherCountry && country.Length != 2)
            {
                throw new InvalidOperationException($"The tax regime in {origin}: an abroad rule's country is a two-letter code or \"*\".");
            }
            list.Add(new TaxRule(kind, rate, from, r.Note ?? "", country, r.Basis));
        }
        return list;
    }

    public static EuVatRates ReadEu()
    {
        using var stream = Resource("eu-rates.json");
        var eu = JsonSerializer.Deserialize<FileEu>(stream, Json)!;
        var printed = eu.Printed ?? [];
        // A rate for books is a member state's reduced rate: never above its standard rate.
        if (printed.FirstOrDefault(p => !eu.Rates.TryGetValue(p.Key, out var standard) || p.Value < 0 || p.Value > standard) is { Key: not null } wrong)
        {
            throw new InvalidOperationException($"The shipped EU rates give {wrong.Key} a rate for printed books of {wrong.Value}: not a member state, or not between 0 and its standard rate.");
        }
        return new EuVatRates(eu.Source, eu.Url, eu.AsOf, eu.Note, eu.Rates, printed);
    }

    private static Stream Resource(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream("Normative.Features.Store.Tax.Regimes." + name)
        ?? throw new InvalidOperationException($"The shipped tax file {name} is missing from the build.");
}
