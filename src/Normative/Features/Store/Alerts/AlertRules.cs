using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Store.Offers;

namespace Normative.Features.Store.Alerts;

/// <summary>
/// What changed about a bought deliverable, from the catalogue's life-cycle data: a published
/// deliverable that replaces it (a new edition), a published supplement to it (an amendment or a
/// corrigendum, recognised by its identifier: "ISO 9001:2015/Amd 1:2024" supplements
/// "ISO 9001:2015"), or its withdrawal (stage 95.99).
/// </summary>
public static class AlertRules
{
    public sealed record Change(AlertKind Kind, int? NewDeliverableId)
    {
        /// <summary>Identifies the change for "once per change": "NewEdition:62085", "Withdrawn".</summary>
        public string Key => NewDeliverableId is { } id && Kind != AlertKind.Withdrawn ? $"{Kind}:{id}" : Kind.ToString();
    }

    public static IReadOnlyList<Change> ChangesFor(Deliverable bought, IEnumerable<Deliverable> catalogue)
    {
        var changes = new List<Change>();
        var boughtId = Identify(bought.Reference);
        var published = catalogue.Where(c => c.Id != bought.Id && IsPublished(c)).ToList();

        var editions = published
            .Where(c => c.SupplementType is null && (c.Replaces.Contains(bought.Id) || bought.ReplacedBy.Contains(c.Id)))
            .OrderBy(c => c.PublicationDate ?? DateOnly.MaxValue).ThenBy(c => c.Id)
            .ToList();
        changes.AddRange(editions.Select(e => new Change(AlertKind.NewEdition, e.Id)));

        if (boughtId is not null)
        {
            foreach (var candidate in published.Where(c => c.SupplementType is not null).OrderBy(c => c.PublicationDate ?? DateOnly.MaxValue).ThenBy(c => c.Id))
            {
                if (Identify(candidate.Reference) is { } supplement && Supplements(supplement, boughtId))
                {
                    var kind = supplement.Supplements[^1].Kind == SupplementKind.Cor ? AlertKind.Corrigendum : AlertKind.Amendment;
                    changes.Add(new Change(kind, candidate.Id));
                }
            }
        }

        if (Pricing.IsWithdrawn(bought))
        {
            changes.Add(new Change(AlertKind.Withdrawn, editions.LastOrDefault()?.Id));
        }
        return changes;
    }

    /// <summary>Published and not itself a draft: stage 60.60 or later.</summary>
    public static bool IsPublished(Deliverable d) => Pricing.IsForSale(d);

    /// <summary>
    /// True when <paramref name="supplement"/> adds published supplements to exactly <paramref name="bought"/>:
    /// the same document and year, the bought one's own supplements first.
    /// </summary>
    public static bool Supplements(PublicationIdentifier supplement, PublicationIdentifier bought)
    {
        if (supplement.Supplements.Count <= bought.Supplements.Count || supplement.IsDraft)
        {
            return false;
        }
        for (var i = 0; i < bought.Supplements.Count; i++)
        {
            if (supplement.Supplements[i] != bought.Supplements[i])
            {
                return false;
            }
        }
        return Bare(supplement) == Bare(bought);
    }

    /// <summary>The key used to find candidate supplements in the catalogue: "ISO 9001" for "ISO 9001:2015".</summary>
    public static string? BaseKey(string reference) => Identify(reference)?.BaseKey;

    private static PublicationIdentifier Bare(PublicationIdentifier id) =>
        id with { Supplements = default, Languages = default, Edition = null, Iteration = null };

    private static PublicationIdentifier? Identify(string reference) =>
        PublicationIdentifier.TryParse(reference, out var id, out _) ? id : null;
}
