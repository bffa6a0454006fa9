using System.Text.Json;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Cli.Demo;

/// <summary>
/// Writes a realistic catalogue in the open-data shape, at any size: documents in all 40 ICS
/// fields with titles from field vocabularies, owned by committees and subcommittees, with the mix
/// ISO's catalogue has — editions withdrawn and replaced (linked both ways by replaces/replacedBy),
/// the current edition published, confirmed or under review, revisions and new projects under
/// development, deleted projects, amendments and corrigenda, TS/TR/PAS/Guide/IWA, French titles and
/// scopes for part of them. The same seed gives the same file.
/// </summary>
public sealed class DeliverableGenerator
{
    private const int LastYear = 2025;
    private static readonly int[] DraftStages = [2000, 2020, 2060, 2099, 3000, 3020, 3060, 3099, 4000, 4020, 4060, 4099, 5000, 5020, 5060, 6000];
    private static readonly int[] DeletedStages = [0098, 1098, 2098, 3098, 4098];
    private static readonly int[] JtcSubcommittees = [2, 6, 7, 17, 22, 23, 24, 25, 27, 28, 29, 31, 32, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44];

    private readonly Random _random;
    private readonly Dictionary<string, List<string>> _icsByField;
    private readonly List<(string Reference, string Field, bool Joint)> _committees = [];
    private readonly HashSet<int> _numbers = [];
    private readonly HashSet<int> _guides = [];
    private int _nextId = 1000;

    public DeliverableGenerator(int seed = 1)
    {
        _random = new Random(seed);
        _icsByField = LoadIcs();
        BuildCommittees();
    }

    /// <summary>Exactly <paramref name="count"/> deliverables, family by family (memory stays small).</summary>
    public IEnumerable<DeliverableRecord> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var produced = 0;
        while (produced < count)
        {
            // Near the end, single published documents fill the count without cutting a family's links.
            var family = count - produced > 40 ? Family() : [Single()];
            foreach (var record in family.Take(count - produced))
            {
                produced++;
                yield return record;
            }
        }
    }

    /// <summary>Writes <paramref name="count"/> deliverables as JSON Lines (ISO's open-data shape).</summary>
    public async Task WriteJsonLinesAsync(Stream output, int count, CancellationToken ct)
    {
        var options = new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        await using var writer = new Utf8JsonWriter(output, options);
        var newline = "\n"u8.ToArray();
        var written = 0;
        foreach (var record in Generate(count))
        {
            record.WriteJson(writer);
            await writer.FlushAsync(ct);
            writer.Reset();
            await output.WriteAsync(newline, ct);
            if (++written % 5000 == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }
        await output.FlushAsync(ct);
    }

    private List<DeliverableRecord> Family()
    {
        var (committee, field, joint) = _committees[_random.Next(_committees.Count)];
        var type = PickType(committee);
        var number = 0;
        if (type == DeliverableType.Guide && !NewGuideNumber(out number))
        {
            type = DeliverableType.IS;
        }
        if (type != DeliverableType.Guide)
        {
            number = NewNumber();
        }
        // An IWA comes from a workshop, not from a committee of either organization.
        joint &= type != DeliverableType.IWA;
        var subject = Pick(DemoVocabulary.Subjects[field]);
        var ics = PickIcs(field);
        var parts = _random.NextDouble() < 0.3 ? _random.Next(2, 7) : 0;
        var records = new List<DeliverableRecord>();
        for (var part = parts == 0 ? 0 : 1; part <= parts; part++)
        {
            records.AddRange(Document(committee, joint, type, number, part == 0 ? null : part.ToString(System.Globalization.CultureInfo.InvariantCulture), subject, ics, part));
        }
        return records;
    }

    private IEnumerable<DeliverableRecord> Document(string committee, bool joint, DeliverableType type, int number, string? part, string subject, List<string> ics, int partNumber)
    {
        var aspect = Pick(DemoVocabulary.Aspects);
        var (titleEn, titleFr) = Title(subject, aspect, partNumber);
        var owner = type == DeliverableType.IWA ? "ISO/TMBG" : committee;
        var id = new PublicationIdentifier
        {
            Publisher = "ISO",
            Copublishers = joint ? ["IEC"] : default,
            Type = type,
            Number = number,
            Part = part,
        };
        var roll = _random.NextDouble();
        if (roll < 0.03)
        {
            // A project that was stopped before publication.
            var stage = Pick(DeletedStages);
            yield return Record(id with { Stage = DraftFor(stage) }, type, null, titleEn, null, null, 1, ics, owner, stage, aspect, subject, []);
            yield break;
        }
        if (roll < 0.08)
        {
            // A new project, not yet published.
            var stage = Pick(DraftStages);
            yield return Record(id with { Stage = DraftFor(stage) }, type, null, titleEn, Maybe(0.3) ? titleFr : null, null, 1, ics, owner, stage, aspect, subject, []);
            yield break;
        }

        var editions = WeightedEditions();
        var year = _random.Next(1972, LastYear - 2 * (editions - 1));
        DeliverableRecord? previous = null;
        var previousIndex = -1;
        var history = new List<DeliverableRecord>();
        var withdrawnForGood = Maybe(0.07);
        for (var edition = 1; edition <= editions; edition++)
        {
            var isCurrent = edition == editions;
            var nextYear = isCurrent ? LastYear : Math.Min(LastYear - (editions - edition), year + _random.Next(4, 12));
            var stage = !isCurrent || withdrawnForGood ? 9599 : CurrentStage(year);
            var french = Maybe(0.6);
            var record = Record(id with { Year = year }, type, null, titleEn, french ? titleFr : null, DateIn(year), edition, ics, owner, stage, aspect, subject,
                previous is null ? [] : [previous.Id], french);
            if (previous is not null)
            {
                history[previousIndex] = previous with { ReplacedBy = [record.Id] };
            }
            previousIndex = history.Count;
            history.Add(record);
            previous = record;
            foreach (var supplement in Supplements(id with { Year = year }, record, year, nextYear, isCurrent && !withdrawnForGood))
            {
                history.Add(supplement);
            }
            year = Math.Max(nextYear, year + 1);
        }
        if (!withdrawnForGood && Maybe(0.12))
        {
            // A revision under development, which the current edition names as its replacement (as ISO does).
            var stage = Pick(DraftStages);
            var draft = Record(id with { Stage = DraftFor(stage) }, type, null, titleEn, null, null, editions + 1, ics, owner, stage, aspect, subject, [previous!.Id]);
            history[previousIndex] = previous with { ReplacedBy = [draft.Id] };
            history.Add(draft);
        }
        foreach (var record in history)
        {
            yield return record;
        }
    }

    private IEnumerable<DeliverableRecord> Supplements(PublicationIdentifier edition, DeliverableRecord parent, int from, int until, bool current)
    {
        var amendments = Maybe(0.16) ? (Maybe(0.25) ? 2 : 1) : 0;
        var corrigenda = Maybe(0.07) ? 1 : 0;
        var list = new List<(SupplementKind Kind, int Number)>();
        for (var i = 1; i <= amendments; i++)
        {
            list.Add((SupplementKind.Amd, i));
        }
        if (corrigenda > 0)
        {
            list.Add((SupplementKind.Cor, 1));
        }
        foreach (var (kind, number) in list)
        {
            var year = Math.Min(LastYear, from + 1 + _random.Next(0, Math.Max(1, until - from)));
            var stage = parent.CurrentStage == 9599 ? 9599 : (year >= 2021 ? 6060 : 9093);
            var title = kind == SupplementKind.Amd ? $" — Amendment {number}" : $" — Technical Corrigendum {number}";
            var titleFr = kind == SupplementKind.Amd ? $" — Amendement {number}" : $" — Rectificatif technique {number}";
            var id = edition with { Supplements = [new Supplement { Kind = kind, Number = number, Year = year }] };
            yield return new DeliverableRecord(
                NextId(), parent.DeliverableType, kind.ToString(), id.ToString(), parent.TitleEn + title, parent.TitleFr is null ? null : parent.TitleFr + titleFr,
                DateIn(year), 1, parent.IcsCodes, parent.OwnerCommittee, stage, [], [], parent.Languages, _random.Next(1, 8), null, null, null);
        }
        if (current && Maybe(0.02))
        {
            var id = edition with { Supplements = [new Supplement { Kind = SupplementKind.Amd, Number = amendments + 1, Stage = DraftStage.DIS }] };
            yield return new DeliverableRecord(
                NextId(), parent.DeliverableType, "Amd", id.ToString(), parent.TitleEn + $" — Amendment {amendments + 1}", null,
                null, 1, parent.IcsCodes, parent.OwnerCommittee, 4020, [], [], ["en"], null, null, null, null);
        }
    }

    private DeliverableRecord Single()
    {
        var (committee, field, joint) = _committees[_random.Next(_committees.Count)];
        var subject = Pick(DemoVocabulary.Subjects[field]);
        var aspect = Pick(DemoVocabulary.Aspects);
        var (en, fr) = Title(subject, aspect, 0);
        var year = _random.Next(2015, LastYear + 1);
        var id = new PublicationIdentifier { Publisher = "ISO", Copublishers = joint ? ["IEC"] : default, Number = NewNumber(), Year = year };
        return Record(id, DeliverableType.IS, null, en, fr, DateIn(year), 1, PickIcs(field), committee, CurrentStage(year), aspect, subject, [], true);
    }

    private DeliverableRecord Record(
        PublicationIdentifier id, DeliverableType type, string? supplement, string titleEn, string? titleFr, DateOnly? date, int edition,
        List<string> ics, string owner, int stage, string aspect, string subject, int[] replaces, bool french = false)
    {
        var published = stage >= 6060;
        var languages = new List<string> { "en" };
        if (french || titleFr is not null)
        {
            languages.Add("fr");
        }
        if (published && Maybe(0.08))
        {
            languages.Add("ru");
        }
        if (published && Maybe(0.04))
        {
            languages.Add("es");
        }
        var (scopeEn, scopeFr) = Scope(subject, aspect, type);
        var pages = published ? 4 + (int)Math.Min(400, -Math.Log(1 - _random.NextDouble()) * 28) : (int?)null;
        return new DeliverableRecord(
            NextId(), type.ToString(), supplement, id.ToString(), titleEn, titleFr, published || stage == 9599 ? date : null, edition,
            ics, owner, stage, replaces, [], languages, pages, pages is { } p && languages.Contains("fr") && Maybe(0.5) ? p + _random.Next(0, 4) : null,
            Maybe(0.85) ? scopeEn : null, titleFr is not null && Maybe(0.4) ? scopeFr : null);
    }

    private (string En, string Fr) Title(string subject, string aspect, int part)
    {
        var (subjectEn, subjectFr) = DemoVocabulary.Split(subject);
        var (aspectEn, aspectFr) = DemoVocabulary.Split(aspect);
        return part == 0
            ? ($"{subjectEn} — {aspectEn}", $"{subjectFr} — {aspectFr}")
            : ($"{subjectEn} — Part {part}: {aspectEn}", $"{subjectFr} — Partie {part}: {aspectFr}");
    }

    private (string En, string Fr) Scope(string subject, string aspect, DeliverableType type)
    {
        var (openEn, openFr) = DemoVocabulary.Split(Pick(DemoVocabulary.ScopeOpenings));
        var (subjectEn, subjectFr) = DemoVocabulary.Split(subject);
        var (aspectEn, aspectFr) = DemoVocabulary.Split(aspect);
        var en = $"{openEn} {aspectEn.ToLowerInvariant()} for {subjectEn.ToLowerInvariant()}.";
        var fr = $"{openFr} {aspectFr.ToLowerInvariant()} pour {subjectFr.ToLowerInvariant()}.";
        if (type is DeliverableType.TR)
        {
            en += " It reports on current practice and gives examples.";
            fr += " Il rend compte des pratiques actuelles et donne des exemples.";
        }
        else if (Maybe(0.5))
        {
            en += " It is applicable to organizations of all types and sizes.";
            fr += " Il est applicable à tous les organismes, quels que soient leur type et leur taille.";
        }
        return (en, fr);
    }

    private DeliverableType PickType(string committee)
    {
        var r = _random.NextDouble();
        return r switch
        {
            < 0.78 => DeliverableType.IS,
            < 0.87 => DeliverableType.TR,
            < 0.95 => DeliverableType.TS,
            < 0.98 => DeliverableType.PAS,
            < 0.985 when committee.StartsWith("ISO/IEC JTC", StringComparison.Ordinal) => DeliverableType.ISP,
            < 0.9855 => DeliverableType.IWA,
            < 0.993 => DeliverableType.Guide,
            _ => DeliverableType.IS,
        };
    }

    private int CurrentStage(int year)
    {
        if (year >= LastYear - 4)
        {
            return 6060;
        }
        var r = _random.NextDouble();
        return r switch
        {
            < 0.68 => 9093,
            < 0.78 => 9092,
            < 0.88 => 9020,
            < 0.92 => 9060,
            < 0.94 => 9599,
            _ => 6060,
        };
    }

    private static DraftStage DraftFor(int stage) => (stage / 100) switch
    {
        0 => DraftStage.PWI,
        10 => DraftStage.NP,
        20 when stage == 2000 => DraftStage.AWI,
        20 => DraftStage.WD,
        30 => DraftStage.CD,
        40 => DraftStage.DIS,
        50 => DraftStage.FDIS,
        _ => DraftStage.PRF,
    };

    private int WeightedEditions()
    {
        var r = _random.NextDouble();
        return r switch
        {
            < 0.38 => 1,
            < 0.68 => 2,
            < 0.86 => 3,
            < 0.95 => 4,
            _ => 5,
        };
    }

    private List<string> PickIcs(string field)
    {
        var codes = _icsByField[field];
        var first = codes[_random.Next(codes.Count)];
        if (Maybe(0.25))
        {
            var second = codes[_random.Next(codes.Count)];
            return second == first ? [first] : [.. new[] { first, second }.Order(StringComparer.Ordinal)];
        }
        return [first];
    }

    private int NewNumber()
    {
        while (true)
        {
            // Most ISO numbers are below 30000, newer ones run to the 80000s.
            var n = Maybe(0.7) ? _random.Next(100, 30000) : _random.Next(30000, 82000);
            if (_numbers.Add(n))
            {
                return n;
            }
        }
    }

    private bool NewGuideNumber(out int number)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            number = _random.Next(1, 99);
            if (_guides.Add(number))
            {
                return true;
            }
        }
        number = 0;
        return false;
    }

    private int NextId() => _nextId += _random.Next(1, 4);

    private DateOnly DateIn(int year) => new DateOnly(year, 1, 1).AddDays(_random.Next(0, 364));

    private bool Maybe(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private void BuildCommittees()
    {
        var fields = DemoVocabulary.Subjects.Keys.Order(StringComparer.Ordinal).ToList();
        var tc = 1;
        foreach (var field in fields)
        {
            if (field == "35")
            {
                foreach (var sc in JtcSubcommittees)
                {
                    _committees.Add(($"ISO/IEC JTC 1/SC {sc}", field, true));
                }
                continue;
            }
            var count = DemoVocabulary.Subjects[field].Length;
            for (var i = 0; i < count; i++, tc++)
            {
                var reference = $"ISO/TC {tc}";
                _committees.Add((reference, field, false));
                var subcommittees = Maybe(0.4) ? _random.Next(1, 6) : 0;
                for (var sc = 1; sc <= subcommittees; sc++)
                {
                    _committees.Add(($"{reference}/SC {sc}", field, false));
                }
            }
        }
    }

    private static Dictionary<string, List<string>> LoadIcs()
    {
        using var stream = typeof(DeliverableGenerator).Assembly.GetManifestResourceStream("Normative.Cli.Demo.Data.Catalogue.ics-ed7.jsonl")
            ?? throw new InvalidOperationException("The ICS file is not embedded.");
        using var reader = new StreamReader(stream);
        var byField = new Dictionary<string, List<string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            using var doc = JsonDocument.Parse(line);
            var code = doc.RootElement.GetProperty("code").GetString()!;
            if (code.Length > 2)
            {
                var field = code[..2];
                if (!byField.TryGetValue(field, out var list))
                {
                    byField[field] = list = [];
                }
                list.Add(code);
            }
        }
        return byField;
    }
}
