using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Features.Catalogue.Editing;

/// <summary>
/// The form Editors fill in for a deliverable (to change one or create one): every open-data field
/// as typed, read into a <see cref="DeliverableRecord"/> with a problem per field that cannot be read.
/// Lists are typed one a line (commas also separate); the editions replaced are named by reference.
/// </summary>
public sealed partial class DeliverableForm
{
    public string? Reference { get; set; }
    public string? DeliverableType { get; set; }
    public string? SupplementType { get; set; }
    public string? TitleEn { get; set; }
    public string? TitleFr { get; set; }
    /// <summary>Titles in languages beyond English and French, by language code ("ru").</summary>
    public Dictionary<string, string?> OtherTitles { get; set; } = [];
    public string? ScopeEn { get; set; }
    public string? ScopeFr { get; set; }
    public string? Edition { get; set; }
    public string? PublicationDate { get; set; }
    public string? Stage { get; set; }
    public string? IcsCodes { get; set; }
    /// <summary>Codes ticked in the ICS tree under the field; they join those typed in <see cref="IcsCodes"/>.</summary>
    public List<string> IcsPicked { get; set; } = [];
    public string? OwnerCommittee { get; set; }
    public string? Languages { get; set; }
    public string? PagesEn { get; set; }
    public string? PagesFr { get; set; }
    public string? Replaces { get; set; }
    public string? ReplacedBy { get; set; }
    public List<int> Sdgs { get; set; } = [];
    /// <summary>The version of the record the form was filled from (see <see cref="Deliverable.RowVersion"/>).</summary>
    public int RowVersion { get; set; }

    /// <summary>The form's property for each open-data field, for messages next to the right input.</summary>
    public static readonly IReadOnlyDictionary<string, string> PropertyOf = new Dictionary<string, string>
    {
        ["reference"] = nameof(Reference), ["deliverableType"] = nameof(DeliverableType), ["supplementType"] = nameof(SupplementType),
        ["title.en"] = nameof(TitleEn), ["title.fr"] = nameof(TitleFr), ["scope.en"] = nameof(ScopeEn), ["scope.fr"] = nameof(ScopeFr),
        ["edition"] = nameof(Edition), ["publicationDate"] = nameof(PublicationDate), ["currentStage"] = nameof(Stage),
        ["icsCode"] = nameof(IcsCodes), ["ownerCommittee"] = nameof(OwnerCommittee), ["languages"] = nameof(Languages),
        ["pages.en"] = nameof(PagesEn), ["pages.fr"] = nameof(PagesFr), ["replaces"] = nameof(Replaces), ["replacedBy"] = nameof(ReplacedBy),
        ["sdgs"] = nameof(Sdgs), ["id"] = nameof(Reference),
    };

    /// <summary>The languages beyond English and French the form has a title field for: the site's own, and any the record has.</summary>
    public IEnumerable<string> OtherTitleLanguages => new[] { "es", "ru" }.Union(OtherTitles.Keys).Where(IsOtherTitleLanguage).Order(StringComparer.Ordinal);

    /// <summary>The form's property (for <c>ModelState</c>, under "Input.") that holds an open-data field.</summary>
    public static string PropertyFor(string field, string fallback) =>
        DeliverableRecord.IsOtherTitleColumn(field, out var language) ? $"{nameof(OtherTitles)}[{language}]" : PropertyOf.GetValueOrDefault(field, fallback);

    public static async Task<DeliverableForm> FromAsync(NormativeDb db, Deliverable d, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(d);
        var linked = d.Replaces.Concat(d.ReplacedBy).ToList();
        var references = linked.Count == 0 ? [] : await db.Deliverables.Where(x => linked.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Reference, ct);
        string Names(List<int> ids) => string.Join("\n", ids.Select(i => references.GetValueOrDefault(i, i.ToString(CultureInfo.InvariantCulture))));
        return new DeliverableForm
        {
            Reference = d.Reference, DeliverableType = d.DeliverableType, SupplementType = d.SupplementType,
            TitleEn = d.TitleEn, TitleFr = d.TitleFr, ScopeEn = d.ScopeEn, ScopeFr = d.ScopeFr,
            Edition = d.Edition?.ToString(CultureInfo.InvariantCulture), PublicationDate = CatalogueFormat.Date(d.PublicationDate),
            Stage = HarmonizedStages.Format(d.CurrentStage), IcsCodes = string.Join("\n", d.IcsCodes), OwnerCommittee = d.OwnerCommittee,
            Languages = string.Join(", ", d.Languages), PagesEn = d.PagesEn?.ToString(CultureInfo.InvariantCulture),
            PagesFr = d.PagesFr?.ToString(CultureInfo.InvariantCulture), Replaces = Names(d.Replaces), ReplacedBy = Names(d.ReplacedBy),
            Sdgs = [.. d.Sdgs], RowVersion = d.RowVersion, OtherTitles = d.OtherTitles.ToDictionary(t => t.Key, t => (string?)t.Value),
        };
    }

    /// <summary>Reads the form as the record with this id; null, with the problems, when a field cannot be read.</summary>
    public async Task<DeliverableRecord?> ReadAsync(NormativeDb db, int id, List<DeliverableProblem> problems, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var reference = Clean(Reference);
        if (reference is null)
        {
            problems.Add(new("reference", "Edit.Error.Required"));
        }
        else if (reference.Length > 200)
        {
            problems.Add(new("reference", "Edit.Error.TooLong", 200));
        }
        var type = Enum.GetNames<DeliverableType>().FirstOrDefault(n => n.Equals(Clean(DeliverableType), StringComparison.OrdinalIgnoreCase));
        if (type is null)
        {
            problems.Add(new("deliverableType", "Edit.Error.Type"));
        }
        string? supplement = null;
        if (Clean(SupplementType) is { } kind)
        {
            supplement = Enum.GetNames<SupplementKind>().FirstOrDefault(n => n.Equals(kind, StringComparison.OrdinalIgnoreCase));
            if (supplement is null)
            {
                problems.Add(new("supplementType", "Edit.Error.SupplementType"));
            }
        }
        var titleEn = Clean(TitleEn);
        // Keys that are not language codes cannot come from the form's fields; they are left out.
        var others = OtherTitles.Where(t => IsOtherTitleLanguage(t.Key) && Clean(t.Value) is not null).ToDictionary(t => t.Key, t => Clean(t.Value)!);
        // One title is enough: a deliverable published in French only (or in any one language) has no English one.
        if (titleEn is null && Clean(TitleFr) is null && others.Count == 0)
        {
            problems.Add(new("title.en", "Edit.Error.TitleMissing"));
        }
        foreach (var (field, title) in others.Select(t => (DeliverableRecord.TitleColumn(t.Key), (string?)t.Value)).Prepend(("title.fr", Clean(TitleFr))).Prepend(("title.en", titleEn)))
        {
            // The import's limit, so that what the form saves the export writes and the import reads back.
            if (title is { Length: > MaxTitle })
            {
                problems.Add(new(field, "Edit.Error.TooLong", MaxTitle));
            }
        }
        var edition = Number(Edition, "edition", 1, problems);
        var pagesEn = Number(PagesEn, "pages.en", 0, problems);
        var pagesFr = Number(PagesFr, "pages.fr", 0, problems);
        DateOnly? date = null;
        if (Clean(PublicationDate) is { } dateText)
        {
            if (DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                date = d;
            }
            else
            {
                problems.Add(new("publicationDate", "Edit.Error.Date"));
            }
        }
        var stage = HarmonizedStages.Parse(Stage);
        if (stage is null)
        {
            problems.Add(new("currentStage", "Edit.Error.Stage"));
        }
        var ics = List(IcsCodes, splitSpaces: true).Concat(IcsPicked.Select(c => c.Trim()).Where(c => c.Length > 0)).Distinct().ToList();
        if (ics.FirstOrDefault(c => !IcsRecord.IsCode(c)) is { } badCode)
        {
            problems.Add(new("icsCode", "Edit.Error.IcsCode", badCode));
        }
        var committee = Clean(OwnerCommittee);
        if (committee is { Length: > 100 })
        {
            problems.Add(new("ownerCommittee", "Edit.Error.TooLong", 100));
        }
        var languages = List(Languages, splitSpaces: true).Select(l => l.ToLowerInvariant()).Distinct().ToList();
        if (languages.FirstOrDefault(l => !LanguageCode().IsMatch(l)) is { } badLanguage)
        {
            problems.Add(new("languages", "Edit.Error.Language", badLanguage));
        }
        var replaces = await IdsAsync(db, Replaces, "replaces", problems, ct);
        var replacedBy = await IdsAsync(db, ReplacedBy, "replacedBy", problems, ct);
        if (problems.Count > before)
        {
            return null;
        }
        return new DeliverableRecord(
            id, type!, supplement, reference!, titleEn, Clean(TitleFr), date, edition, ics, committee, stage!.Value, replaces, replacedBy,
            languages, pagesEn, pagesFr, Paragraphs(ScopeEn), Paragraphs(ScopeFr), Sdgs.Distinct().Order().ToList(), others);
    }

    /// <summary>Editions named by reference (or by id), one a line, as ids; a name the catalogue does not know is a problem.</summary>
    private static async Task<List<int>> IdsAsync(NormativeDb db, string? text, string field, List<DeliverableProblem> problems, CancellationToken ct)
    {
        var names = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (names.Count == 0)
        {
            return [];
        }
        var numbers = names.Select(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : 0).Where(i => i > 0).ToList();
        var found = await db.Deliverables.Where(d => names.Contains(d.Reference) || numbers.Contains(d.Id)).Select(d => new { d.Id, d.Reference }).ToListAsync(ct);
        var ids = new List<int>();
        var unknown = new List<string>();
        foreach (var name in names)
        {
            var match = found.FirstOrDefault(f => f.Reference == name) ?? found.FirstOrDefault(f => f.Id.ToString(CultureInfo.InvariantCulture) == name);
            if (match is null)
            {
                unknown.Add(name);
            }
            else
            {
                ids.Add(match.Id);
            }
        }
        if (unknown.Count > 0)
        {
            problems.Add(new(field, "Edit.Error.UnknownReferences", string.Join(", ", unknown)));
        }
        return ids.Distinct().ToList();
    }

    private static int? Number(string? text, string field, int min, List<DeliverableProblem> problems)
    {
        if (Clean(text) is not { } t)
        {
            return null;
        }
        if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min)
        {
            return n;
        }
        problems.Add(new(field, "Edit.Error.Number", min));
        return null;
    }

    private static List<string> List(string? text, bool splitSpaces) =>
        (text ?? "").Split(splitSpaces ? ['\n', '\r', ',', ';', ' ', '\t'] : ['\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList();

    private const int MaxTitle = 1000;

    private static bool IsOtherTitleLanguage(string language) => DeliverableRecord.IsOtherTitleColumn(DeliverableRecord.TitleColumn(language), out _);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Plain text with paragraphs, line ends as \n (a browser sends \r\n); otherwise as typed, so an untouched scope is no change.</summary>
    private static string? Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    [GeneratedRegex("^[a-z]{2,3}$")]
    private static partial Regex LanguageCode();
}
