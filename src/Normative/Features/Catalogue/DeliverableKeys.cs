using System.Globalization;
using System.Text;
using Normative.Features.Catalogue.Identifiers;

namespace Normative.Features.Catalogue;

/// <summary>
/// What the catalogue derives from a deliverable's reference with the identifier parser: the key
/// shared by every edition and draft of one document, the edition a supplement amends, the number
/// and part for identifier search, and a key that sorts references the way people expect
/// (ISO 2 before ISO 10, parts in order, supplements after their edition).
/// </summary>
public sealed record DeliverableKeys(string? BaseKey, string? SupplementOf, int? Number, string? Part, string SortKey)
{
    private static readonly DeliverableKeys Unparsed = new(null, null, null, null, "~");

    public static DeliverableKeys Of(string? reference)
    {
        return PublicationIdentifier.TryParse(reference, out var id, out _)
            ? Of(id)
            : Unparsed with { SortKey = "~" + (reference ?? "").ToUpperInvariant() };
    }

    public static DeliverableKeys Of(PublicationIdentifier id)
    {
        ArgumentNullException.ThrowIfNull(id);
        var supplementOf = id.Supplements.IsEmpty
            ? null
            : (id with { Supplements = [.. id.Supplements.Take(id.Supplements.Count - 1)], Languages = default, Edition = null }).ToString();
        return new DeliverableKeys(id.BaseKey, supplementOf, id.Number, id.Part, SortKeyOf(id));
    }

    private static string SortKeyOf(PublicationIdentifier id)
    {
        var key = new StringBuilder(64);
        key.Append(id.Number is { } n ? n.ToString("D7", CultureInfo.InvariantCulture) : "9999999");
        key.Append('!');
        foreach (var segment in (id.Part ?? "").Split('-', StringSplitOptions.RemoveEmptyEntries))
        {
            key.Append(Pad(segment)).Append('-');
        }
        key.Append('!').Append(id.Year is { } y ? y.ToString("D4", CultureInfo.InvariantCulture) : "9999");
        // Drafts after the editions, and the publisher last, so ISO 27001 and ISO/IEC 27001 sit together.
        key.Append('!').Append(id.Stage is null ? '0' : '1');
        foreach (var s in id.Supplements)
        {
            key.Append('/').Append(s.Kind.ToString().ToUpperInvariant()).Append(s.Number is { } sn ? sn.ToString("D4", CultureInfo.InvariantCulture) : "0000")
                .Append(':').Append(s.Year is { } sy ? sy.ToString("D4", CultureInfo.InvariantCulture) : "9999");
        }
        key.Append('!').Append(id.Type).Append('|').Append(id.Publisher);
        foreach (var c in id.Copublishers)
        {
            key.Append('/').Append(c);
        }
        return key.Length > 200 ? key.ToString(0, 200) : key.ToString();
    }

    /// <summary>Fields are separated by '!', which sorts before digits and '/', so ISO 10 comes before ISO 10-2 and an edition before its supplements. Numbers in parts sort by value ("2" before "10"); letter parts ("B02") keep their order.</summary>
    private static string Pad(string segment) =>
        int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n.ToString("D5", CultureInfo.InvariantCulture) : segment;
}
