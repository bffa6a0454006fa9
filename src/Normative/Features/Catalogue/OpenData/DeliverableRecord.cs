using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Catalogue.Sdgs;

namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// One deliverable in the shape of ISO's open-data file iso_deliverables_metadata: what the import
/// reads, the export writes and the demo generator produces, so the three agree field for field.
/// </summary>
public sealed partial record DeliverableRecord(
    int Id,
    string DeliverableType,
    string? SupplementType,
    string Reference,
    string? TitleEn,
    string? TitleFr,
    DateOnly? PublicationDate,
    int? Edition,
    IReadOnlyList<string> IcsCodes,
    string? OwnerCommittee,
    int CurrentStage,
    IReadOnlyList<int> Replaces,
    IReadOnlyList<int> ReplacedBy,
    IReadOnlyList<string> Languages,
    int? PagesEn,
    int? PagesFr,
    string? ScopeEn,
    string? ScopeFr,
    IReadOnlyList<int>? Sdgs = null,
    IReadOnlyDictionary<string, string>? OtherTitles = null)
{
    /// <summary>The CSV columns, in order (ISO's names; lists as "[a, b]").</summary>
    public static readonly IReadOnlyList<string> CsvColumns =
    [
        "id", "deliverableType", "supplementType", "reference", "title.en", "title.fr", "publicationDate", "edition",
        "icsCode", "ownerCommittee", "currentStage", "replaces", "replacedBy", "languages", "pages.en", "pages.fr",
        "scope.en", "scope.fr",
    ];

    /// <summary>The column of the Sustainable Development Goals ("[7, 13]"), written after <see cref="CsvColumns"/> only when some record has goals, so a file without them stays ISO's shape.</summary>
    public const string SdgsColumn = "sdgs";

    /// <summary>The column of the title in a language beyond English and French ("title.es"), written after the others only when some record has such a title.</summary>
    public static string TitleColumn(string language) => "title." + language;

    /// <summary>Whether the column holds the title in a language beyond English and French, and which.</summary>
    public static bool IsOtherTitleColumn(string column, out string language)
    {
        ArgumentNullException.ThrowIfNull(column);
        language = column.StartsWith("title.", StringComparison.Ordinal) ? column[6..] : "";
        return language is not ("en" or "fr") && LanguageCode().IsMatch(language);
    }

    /// <summary>The fields without which a file is not a deliverables file at all.</summary>
    public static readonly IReadOnlyList<string> SignatureFields = ["id", "reference", "deliverableType", "currentStage"];

    private static readonly string[] KnownTypes = Enum.GetNames<DeliverableType>();
    private static readonly string[] KnownSupplements = Enum.GetNames<SupplementKind>();

    /// <summary>Reads and checks one record; a problem is a <see cref="BadLineException"/> and nothing of the record is kept.</summary>
    public static DeliverableRecord Read(RecordFields f) => Read(f, out _);

    /// <summary>Reads and checks one record, and gives the keys its reference yields (parsed once).</summary>
    public static DeliverableRecord Read(RecordFields f, out DeliverableKeys keys)
    {
        var id = f.Int("id") ?? throw new BadLineException("id is missing");
        if (id <= 0)
        {
            throw new BadLineException($"id must be a positive number, not {id}");
        }
        var type = f.Required("deliverableType").Trim();
        type = KnownTypes.FirstOrDefault(k => k.Equals(type, StringComparison.OrdinalIgnoreCase)) ?? type;
        if (type.Length > 20 || !TypeWord().IsMatch(type))
        {
            throw new BadLineException($"deliverableType '{RecordFields.Shorten(type)}' is not a deliverable type such as IS, TS, TR, PAS, IWA or Guide");
        }
        var supplement = f.Text("supplementType")?.Trim();
        if (supplement is not null)
        {
            supplement = KnownSupplements.FirstOrDefault(k => k.Equals(supplement, StringComparison.OrdinalIgnoreCase))
                ?? throw new BadLineException($"supplementType '{RecordFields.Shorten(supplement)}' is not Amd, Cor, Add or Suppl");
        }
        var reference = f.Required("reference").Trim();
        if (reference.Length > 200)
        {
            throw new BadLineException("reference is longer than 200 characters");
        }
        if (!PublicationIdentifier.TryParse(reference, out var parsed, out var why))
        {
            throw new BadLineException($"reference '{RecordFields.Shorten(reference)}' is not an ISO identifier: {why}");
        }
        var titles = ReadTitles(f);
        var stage = f.Int("currentStage") ?? throw new BadLineException("currentStage is missing");
        if (!HarmonizedStages.IsKnown(stage))
        {
            throw new BadLineException($"currentStage {stage} is not a harmonized stage code (such as 6060 for 60.60)");
        }
        var edition = f.Int("edition");
        if (edition is <= 0)
        {
            throw new BadLineException($"edition must be a positive number, not {edition}");
        }
        var ics = f.TextList("icsCode");
        foreach (var code in ics)
        {
            if (!IcsRecord.IsCode(code))
            {
                throw new BadLineException($"icsCode '{RecordFields.Shorten(code)}' is not an ICS code such as 03.120.10");
            }
        }
        var committee = f.Text("ownerCommittee")?.Trim();
        if (committee is { Length: > 100 })
        {
            throw new BadLineException("ownerCommittee is longer than 100 characters");
        }
        var languages = f.TextList("languages").Select(l => l.Trim().ToLowerInvariant()).ToList();
        foreach (var language in languages)
        {
            if (!LanguageCode().IsMatch(language))
            {
                throw new BadLineException($"languages has '{RecordFields.Shorten(language)}', which is not a two-letter language code");
            }
        }
        var pagesEn = f.Int("pages.en");
        var pagesFr = f.Int("pages.fr");
        if (pagesEn is < 0 || pagesFr is < 0)
        {
            throw new BadLineException("pages cannot be negative");
        }
        keys = DeliverableKeys.Of(parsed);
        var others = titles.Where(t => t.Key is not ("en" or "fr")).ToDictionary(t => t.Key, t => t.Value);
        return new DeliverableRecord(
            id, type, supplement, reference, titles.GetValueOrDefault("en"), titles.GetValueOrDefault("fr"), f.Date("publicationDate"), edition,
            ics, committee, stage, f.IntList("replaces"), f.IntList("replacedBy"), languages.Distinct().ToList(),
            pagesEn, pagesFr, f.Text("scope.en"), f.Text("scope.fr"), ReadSdgs(f), others.Count == 0 ? null : others);
    }

    /// <summary>
    /// The titles by language. A deliverable published in one language (French only, say) has only
    /// that title; one with none at all is refused.
    /// </summary>
    private static Dictionary<string, string> ReadTitles(RecordFields f)
    {
        var titles = new Dictionary<string, string>();
        foreach (var (language, text) in f.PerLanguage("title"))
        {
            var code = language.Trim().ToLowerInvariant();
            if (!LanguageCode().IsMatch(code))
            {
                throw new BadLineException($"title.{Shorten(language)} is not under a two-letter language code such as title.en or title.fr");
            }
            var title = text.Trim();
            if (title.Length > 1000)
            {
                throw new BadLineException($"title.{code} is longer than 1000 characters");
            }
            titles[code] = title;
        }
        return titles.Count > 0 ? titles : throw new BadLineException("title is missing: give at least one, such as title.en or title.fr");
    }

    /// <summary>The titles in every language, English and French first.</summary>
    public IEnumerable<KeyValuePair<string, string>> Titles()
    {
        if (TitleEn is not null)
        {
            yield return new("en", TitleEn);
        }
        if (TitleFr is not null)
        {
            yield return new("fr", TitleFr);
        }
        foreach (var other in (OtherTitles ?? new Dictionary<string, string>()).OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            yield return other;
        }
    }

    /// <summary>The goals, ascending and once each; null when the file has no such field (the import then keeps what the catalogue has).</summary>
    private static List<int>? ReadSdgs(RecordFields f)
    {
        if (!f.Has(SdgsColumn))
        {
            return null;
        }
        var goals = f.TextList(SdgsColumn)
            .Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && Sdg.IsGoal(n)
                ? n
                : throw new BadLineException($"{SdgsColumn} must list Sustainable Development Goals by number (1 to 17), not '{Shorten(t)}'"))
            .Distinct().Order().ToList();
        return goals;
    }

    private static string Shorten(string text) => RecordFields.Shorten(text);

    /// <summary>Writes the record as one JSON object in ISO's field order; empty lists are null as in ISO's files.</summary>
    public void WriteJson(Utf8JsonWriter w)
    {
        ArgumentNullException.ThrowIfNull(w);
        w.WriteStartObject();
        w.WriteNumber("id", Id);
        w.WriteString("deliverableType", DeliverableType);
        w.WriteString("supplementType", SupplementType);
        w.WriteString("reference", Reference);
        w.WriteStartObject("title");
        foreach (var (language, title) in Titles())
        {
            w.WriteString(language, title);
        }
        w.WriteEndObject();
        if (PublicationDate is { } date)
        {
            w.WriteString("publicationDate", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteNull("publicationDate");
        }
        WriteNumberOrNull(w, "edition", Edition);
        WriteList(w, "icsCode", IcsCodes);
        w.WriteString("ownerCommittee", OwnerCommittee);
        w.WriteNumber("currentStage", CurrentStage);
        WriteList(w, "replaces", Replaces);
        WriteList(w, "replacedBy", ReplacedBy);
        WriteList(w, "languages", Languages);
        WritePair(w, "pages", PagesEn, PagesFr);
        WritePair(w, "scope", ScopeEn, ScopeFr);
        // Only when there are goals: a record without them is written exactly as ISO's files have it.
        if (Sdgs is { Count: > 0 })
        {
            WriteList(w, SdgsColumn, Sdgs);
        }
        w.WriteEndObject();
    }

    /// <summary>The values of one CSV row, in <see cref="CsvColumns"/> order, then the goals when <paramref name="withSdgs"/>.</summary>
    public string?[] CsvValues(bool withSdgs) =>
        withSdgs ? [.. CsvValues(), CsvRecordFields.FormatList(Sdgs ?? [])] : CsvValues();

    /// <summary>The values of one CSV row as <see cref="CsvValues(bool)"/>, then the titles in <paramref name="titleLanguages"/> (see <see cref="TitleColumn"/>).</summary>
    public string?[] CsvValues(bool withSdgs, IReadOnlyList<string> titleLanguages)
    {
        ArgumentNullException.ThrowIfNull(titleLanguages);
        return [.. CsvValues(withSdgs), .. titleLanguages.Select(l => OtherTitles?.GetValueOrDefault(l))];
    }

    /// <summary>The values of one CSV row, in <see cref="CsvColumns"/> order.</summary>
    public string?[] CsvValues() =>
    [
        Id.ToString(CultureInfo.InvariantCulture), DeliverableType, SupplementType, Reference, TitleEn, TitleFr,
        PublicationDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Edition?.ToString(CultureInfo.InvariantCulture),
        CsvRecordFields.FormatList(IcsCodes), OwnerCommittee, CurrentStage.ToString(CultureInfo.InvariantCulture),
        CsvRecordFields.FormatList(Replaces), CsvRecordFields.FormatList(ReplacedBy), CsvRecordFields.FormatList(Languages),
        PagesEn?.ToString(CultureInfo.InvariantCulture), PagesFr?.ToString(CultureInfo.InvariantCulture), ScopeEn, ScopeFr,
    ];

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteList<T>(Utf8JsonWriter w, string name, IReadOnlyList<T> items)
    {
        if (items.Count == 0)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartArray(name);
        foreach (var item in items)
        {
            if (item is int n)
            {
                w.WriteNumberValue(n);
            }
            else
            {
                w.WriteStringValue(Convert.ToString(item, CultureInfo.InvariantCulture));
            }
        }
        w.WriteEndArray();
    }

    private static void WritePair(Utf8JsonWriter w, string name, int? en, int? fr)
    {
        if (en is null && fr is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        if (en is { } e)
        {
            w.WriteNumber("en", e);
        }
        if (fr is { } f)
        {
            w.WriteNumber("fr", f);
        }
        w.WriteEndObject();
    }

    private static void WritePair(Utf8JsonWriter w, string name, string? en, string? fr)
    {
        if (en is null && fr is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        if (en is not null)
        {
            w.WriteString("en", en);
        }
        if (fr is not null)
        {
            w.WriteString("fr", fr);
        }
        w.WriteEndObject();
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9 ]*$")]
    private static partial Regex TypeWord();

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
