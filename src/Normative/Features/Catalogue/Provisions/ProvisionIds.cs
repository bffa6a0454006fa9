using System.Globalization;
using Normative.Features.Catalogue.Identifiers;

namespace Normative.Features.Catalogue.Provisions;

/// <summary>
/// A provision's identifier: the standard's URN (RFC 5141) with its edition and the text's language,
/// then the clause and the ordinal, as the reader's deep links name clauses:
/// <c>urn:iso:std:iso:9001:2015:ed-5:en:sec:8.5.1:prov:3</c>.
/// </summary>
public static class ProvisionIds
{
    public static string Of(string reference, int? edition, string language, string clause, int ordinal)
    {
        var standard = PublicationIdentifier.TryParse(reference, out var id, out _)
            ? (id with { Edition = edition ?? id.Edition, Languages = [language] }).ToUrn()
            : $"{reference}:{language}";
        return $"{standard}:sec:{clause}:prov:{ordinal.ToString(CultureInfo.InvariantCulture)}";
    }
}
