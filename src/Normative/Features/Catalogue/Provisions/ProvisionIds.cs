using System.Globalization;
using Normative.Features.Catalogue.Reading;

namespace Normative.Features.Catalogue.Provisions;

/// <summary>
/// A provision's identifier: the text's URN as the reader cites its clauses (RFC 5141, with edition
/// and language, see <see cref="TextReading.UrnOf"/>), then the clause and the ordinal:
/// <c>urn:iso:std:iso:9001:ed-5:en:sec:8.5.1:prov:3</c>.
/// </summary>
public static class ProvisionIds
{
    public static string Of(string reference, int? edition, string language, string clause, int ordinal) =>
        $"{TextReading.UrnOf(reference, edition, language) ?? reference + ":" + language}:sec:{clause}:prov:{ordinal.ToString(CultureInfo.InvariantCulture)}";
}
