using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Normative.Features.Catalogue.Identifiers;

/// <summary>
/// The identifier of an ISO deliverable, such as "ISO 9001:2015/Amd 1:2024", "ISO/IEC FDIS 7816-6"
/// or "IWA 36:2021". <see cref="Parse"/> reads what people type, French and Russian forms and
/// RFC 5141 URNs; <see cref="ToString()"/> writes the canonical form ISO uses today.
/// </summary>
/// <remarks>
/// Canonical choices: ISO alone joins with a slash ("ISO/TS", "ISO/DIS", "ISO/AWI TS"), joint and
/// IEC identifiers with spaces ("ISO/IEC TS", "IEC TS"); enquiry and final drafts of TS, TR and
/// PAS fuse ("DTS", "FDTR", "DPAS") and committee drafts do not ("CD TS", also for the older
/// PDTS); supplements write "Amd", "Cor", "DAmd", "FDCor", "CD Amd"; a published IWA has no
/// publisher ("IWA 36") and a draft one does ("ISO/AWI IWA 36"); "Guide" follows the publishers;
/// the edition follows everything but the languages ("ISO 14442:2006 Ed 2"); languages are ISO
/// 639-1 codes, en, fr and ru first ("(en,fr)" for "(E/F)"). A hyphen always starts a part, so
/// "ISO 9001-2015" is part 2015 (only ISO Recommendations were dated so: "ISO/R 170-1960").
/// </remarks>
public sealed record PublicationIdentifier
{
    /// <summary>The leading publisher: "ISO" or "IEC".</summary>
    public string Publisher { get; init; } = "ISO";

    /// <summary>Joint publishers after the first, in the order they are written ("IEC", "IEEE").</summary>
    public ValueList<string> Copublishers { get; init; }

    public DeliverableType Type { get; init; }

    /// <summary>The draft stage; null once published.</summary>
    public DraftStage? Stage { get; init; }

    /// <summary>Which circulation of the draft ("ISO/DIS 21143.2" is the second).</summary>
    public int? Iteration { get; init; }

    /// <summary>The document number; only the Directives' supplements ("ISO/IEC DIR JTC 1 SUP") have none.</summary>
    public int? Number { get; init; }

    /// <summary>The part, upper case, without the leading hyphen: "1", "2-3", "B02", "1Q".</summary>
    public string? Part { get; init; }

    public int? Year { get; init; }

    public int? Edition { get; init; }

    /// <summary>For the ISO/IEC Directives only: the body whose own version this is ("IEC" in "ISO/IEC DIR 2 IEC", "JTC 1" in "ISO/IEC JTC 1 DIR").</summary>
    public string? Issuer { get; init; }

    /// <summary>Supplements in order, each applying to what precedes it ("/Amd 1:2005/Cor 1:2006").</summary>
    public ValueList<Supplement> Supplements { get; init; }

    /// <summary>ISO 639-1 codes, English, French and Russian first ("en", "fr"); "other" for ISO's catch-all.</summary>
    public ValueList<string> Languages { get; init; }

    /// <summary>True for a draft, or for a published deliverable with a draft supplement.</summary>
    public bool IsDraft => Stage is not null || Supplements.Any(s => s.IsDraft);

    /// <summary>
    /// The deliverable without stage, iteration, year, edition, supplements or languages
    /// ("ISO/TS 23016-1"): the key that groups every edition and draft of one document.
    /// </summary>
    public string BaseKey => IdentifierText.Render(
        this with
        {
            Stage = null,
            Iteration = null,
            Year = null,
            Edition = null,
            Supplements = default,
            Languages = default,
        },
        IdentifierText.Form.English);

    public static PublicationIdentifier Parse(string? input)
    {
        if (TryParse(input, out var id, out var error))
        {
            return id;
        }

        throw new FormatException($"Cannot read {Quote(input)} as an ISO identifier: {error}.");
    }

    /// <summary>Reads an identifier or an RFC 5141 URN; on failure, <paramref name="error"/> says why in plain English.</summary>
    public static bool TryParse(
        [NotNullWhen(true)] string? input,
        [NotNullWhen(true)] out PublicationIdentifier? id,
        [NotNullWhen(false)] out string? error) =>
        IdentifierParser.TryParse(input, out id, out error);

    /// <summary>The canonical English form, as ISO writes it today.</summary>
    public override string ToString() => IdentifierText.Render(this, IdentifierText.Form.English);

    /// <summary>
    /// The form used in documents in <paramref name="culture"/>'s language: French writes
    /// "Guide ISO/CEI 71", Russian "ИСО/МЭК ТО 19791"; any other language gets the English form.
    /// </summary>
    public string ToString(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return IdentifierText.Render(this, culture.TwoLetterISOLanguageName switch
        {
            "fr" => IdentifierText.Form.French,
            "ru" => IdentifierText.Form.Russian,
            _ => IdentifierText.Form.English,
        });
    }

    /// <summary>
    /// The RFC 5141 URN ("urn:iso:std:iso:9001:2015:amd:2024:v1"). Iterations and a supplement's
    /// month have no place in a URN and are left out.
    /// </summary>
    public string ToUrn() => IdentifierUrn.Render(this);

    private static string Quote(string? input) => input switch
    {
        null => "nothing",
        { Length: > 60 } => $"'{input[..60]}…' ({input.Length} characters)",
        _ => $"'{input}'",
    };
}
