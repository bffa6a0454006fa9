using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Store.Offers;

namespace Normative.Features.Store.Subscriptions;

/// <summary>
/// What an Editor's collection form must say before it is saved: an English name (the fallback of
/// the others), a rule with what it needs, a yearly price, the PDF format. Whether the committee,
/// ICS code and references exist is the catalogue's to say (the page asks it).
/// </summary>
public static class CollectionRules
{
    public const int MaxReferences = 500;

    public const int MaxName = 200;

    /// <summary>A problem with a field of the form: a resource key, and what the key's message names.</summary>
    public sealed record Problem(string Field, string Key, string? Argument = null);

    /// <summary>The form as typed; <paramref name="Price"/> is null when it cannot be read as an amount.</summary>
    public sealed record Draft(string? NameEn, string? NameFr, string? NameEs, string? NameRu, string? Rule, string? Committee, string? IcsCode,
        string? References, decimal? Price, string? Format);

    public static IReadOnlyList<Problem> Check(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = new List<Problem>();
        if (Clean(draft.NameEn) is null)
        {
            problems.Add(new("NameEn", "Collections.Error.NameEn"));
        }
        foreach (var (field, name) in new[] { ("NameEn", draft.NameEn), ("NameFr", draft.NameFr), ("NameEs", draft.NameEs), ("NameRu", draft.NameRu) })
        {
            if (Clean(name) is { Length: > MaxName })
            {
                problems.Add(new(field, "Collections.Error.NameTooLong", MaxName.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
        switch (ParseRule(draft.Rule))
        {
            case CollectionRule.Committee when Clean(draft.Committee) is null:
                problems.Add(new("Committee", "Collections.Error.CommitteeRequired"));
                break;
            case CollectionRule.Ics when Clean(draft.IcsCode) is null:
                problems.Add(new("IcsCode", "Collections.Error.IcsRequired"));
                break;
            case CollectionRule.List:
                var references = SplitReferences(draft.References);
                if (references.Count == 0)
                {
                    problems.Add(new("References", "Collections.Error.ReferencesRequired"));
                }
                else if (references.Count > MaxReferences)
                {
                    problems.Add(new("References", "Collections.Error.TooManyReferences", MaxReferences.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                break;
            case null:
                problems.Add(new("Rule", "Collections.Error.Rule"));
                break;
        }
        if (draft.Price is not { } price || price <= 0 || price > Pricing.MaxPrice || price != decimal.Round(price, 2))
        {
            problems.Add(new("Price", "Collections.Error.Price"));
        }
        if (!string.Equals(draft.Format, nameof(ProductFormat.Pdf), StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new("Format", "Collections.Error.Format"));
        }
        return problems;
    }

    public static CollectionRule? ParseRule(string? rule) =>
        Enum.TryParse<CollectionRule>(rule, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(rule, out _) ? parsed : null;

    /// <summary>
    /// The references typed one per line (or separated by semicolons), as the catalogue writes them
    /// where the identifier parser reads them (the form the store's price search uses too), each once, in the order typed.
    /// </summary>
    public static IReadOnlyList<string> SplitReferences(string? text) =>
        (text ?? "").Split(['\n', '\r', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => PublicationIdentifier.TryParse(r, out var id, out _) ? id.ToString() : r)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>Trimmed, or null when blank.</summary>
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
