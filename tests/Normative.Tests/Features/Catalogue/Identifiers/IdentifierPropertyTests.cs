using CsCheck;
using Normative.Features.Catalogue.Identifiers;

namespace Normative.Tests.Features.Catalogue.Identifiers;

/// <summary>
/// 10,000 generated inputs per property: whatever is typed, the parser answers (an identifier or a
/// reason) and never throws; what it reads renders and reads back to itself; and identifiers
/// generated in ISO's canonical form read back exactly as written.
/// </summary>
public class IdentifierPropertyTests
{
    private const int Cases = 10_000;

    /// <summary>Pieces of real identifiers in any order, with stray punctuation and digits: text near what the parser knows.</summary>
    private static readonly Gen<string> NearIdentifiers =
        Gen.OneOf(
            Gen.OneOf("ISO", "IEC", "ISO/IEC", "IEEE", "IWA", "Guide", "TS", "TR", "PAS", "DIS", "FDIS", "CD", "AWI", "NP", "WD", "DTS", "FDTR",
                "/", " ", ":", "-", ".", "(E)", "(E/F)", "(fr)", "Ed", "Amd", "Cor", "DAmd", "/Amd ", "/Cor ", "urn:iso:std:iso:", ":ed-", ":v", "ГОСТ", "ИСО", "NF ", "pr", "Fpr", "R"),
            Gen.Int[0, 99_999].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Int[1900, 2100].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Char.Select(c => c.ToString()))
        .Array[1, 14]
        .Select(parts => string.Concat(parts));

    /// <summary>Any text at all, up to a little beyond the longest accepted.</summary>
    private static readonly Gen<string> AnyText = Gen.Char.Array[0, 220].Select(chars => new string(chars));

    private static void ReadsBackToItself(string text)
    {
        if (!PublicationIdentifier.TryParse(text, out var id, out var error))
        {
            Assert.False(string.IsNullOrWhiteSpace(error), $"'{text}' was refused without a reason");
            return;
        }
        var canonical = id.ToString();
        Assert.True(PublicationIdentifier.TryParse(canonical, out var again, out var againError), $"'{text}' renders as '{canonical}', which is refused: {againError}");
        Assert.Equal(id, again);
        Assert.Equal(canonical, again.ToString());
    }

    [Fact]
    public void TextNearIdentifiersIsReadOrRefusedWithAReasonAndWhatIsReadRendersBackToItself() =>
        NearIdentifiers.Sample(ReadsBackToItself, iter: Cases, threads: 1);

    [Fact]
    public void AnyTextIsReadOrRefusedWithAReason() =>
        AnyText.Sample(ReadsBackToItself, iter: Cases, threads: 1);

    /// <summary>A canonical identifier: publishers, type, number, part, year and supplements as ISO writes them today.</summary>
    private static readonly Gen<(string Text, int Number, string? Part, int? Year)> Canonical =
        from publisher in Gen.OneOf("ISO", "IEC", "ISO/IEC")
        from type in Gen.OneOf("", "TS", "TR", "PAS")
        from number in Gen.Int[1, 99_999]
        from part in Gen.OneOf(Gen.Const((string?)null), Gen.Int[1, 99].Select(p => (string?)p.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        from year in Gen.OneOf(Gen.Const((int?)null), Gen.Int[1950, 2026].Select(y => (int?)y))
        from amendment in Gen.OneOf(Gen.Const((int?)null), Gen.Int[1, 9].Select(a => (int?)a))
        from amendmentYear in Gen.Int[1950, 2026]
        let head = type.Length == 0 ? publisher : publisher == "ISO" ? $"ISO/{type}" : $"{publisher} {type}"
        let body = $"{head} {number}{(part is null ? "" : "-" + part)}{(year is null ? "" : ":" + year)}"
        let text = year is not null && amendment is not null ? $"{body}/Amd {amendment}:{Math.Max(amendmentYear, year.Value)}" : body
        select (text, number, part, year);

    [Fact]
    public void CanonicalIdentifiersReadBackExactlyAsWritten() =>
        Canonical.Sample(c =>
        {
            Assert.True(PublicationIdentifier.TryParse(c.Text, out var id, out var error), $"'{c.Text}' is refused: {error}");
            Assert.Equal(c.Text, id.ToString());
            Assert.Equal(c.Number, id.Number);
            Assert.Equal(c.Part, id.Part);
            Assert.Equal(c.Year, id.Year);
            Assert.False(id.IsDraft);
        }, iter: Cases, threads: 1);
}
