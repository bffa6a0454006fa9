using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Normative.Features.Catalogue.Identifiers;

/// <summary>
/// Identifiers as RFC 5141 URNs:
/// <c>urn:iso:std:{originator}[:{type}]:{number}[:-{part}][:{year}][:stage-{code}][:ed-{n}][:v{n}][:{languages}]{supplement}*</c>
/// with <c>supplement = :{amd|cor|add|sup}[:{body}]:{number}[:stage-{code}]</c>, or
/// <c>:{kind}:{year}[:stage-{code}]:v{number}</c> when the supplement is dated.
/// </summary>
/// <remarks>
/// Where RFC 5141 has no place for what ISO identifiers carry, this follows what the ISO
/// community's tools write: the publication year as a bare element after the part
/// ("urn:iso:std:iso-iec:27001:2022"); a dated supplement as its year then its number as the
/// version ("amd:2024:v1", the form metanorma writes); originators for any joint publishers
/// ("iso-iec-ieee"); "dir" for the Directives, with bodies for their versions and supplements
/// ("dir:2:iec", "dir:1:sup:iso").
/// Stages are the harmonized stage codes RFC 5141 names ("stage-40.00"), and a stage may appear
/// without an edition. Languages come last and apply to the whole identifier. Iterations and a
/// supplement's month have no place and are dropped.
/// Reading accepts ISO's own undated forms too: "amd:1:v1" is amendment 1, version 1.
/// </remarks>
internal static class IdentifierUrn
{
    private const string Prefix = "urn:iso:std:";

    public static string Render(PublicationIdentifier id)
    {
        var urn = new StringBuilder(Prefix, 48);
        urn.Append(id.Publisher.ToLowerInvariant());
        foreach (var copublisher in id.Copublishers)
        {
            urn.Append('-').Append(copublisher.ToLowerInvariant());
        }

        if (id.Type != DeliverableType.IS)
        {
            urn.Append(':').Append(id.Type.ToString().ToLowerInvariant());
        }

        Append(urn, id.Number);
        if (id.Part is { } part)
        {
            urn.Append(":-").Append(part.ToLowerInvariant());
        }

        if (id.Issuer is { } issuer)
        {
            urn.Append(':').Append(BodyCode(issuer));
        }

        Append(urn, id.Year);
        AppendStage(urn, id.Stage);
        if (id.Edition is { } edition)
        {
            urn.Append(":ed-").Append(Invariant(edition));
        }

        foreach (var supplement in id.Supplements)
        {
            urn.Append(':').Append(KindCode(supplement.Kind));
            if (supplement.Publisher is { } body)
            {
                urn.Append(':').Append(BodyCode(body));
            }

            if (supplement.Year is { } year && supplement.Number is { } number)
            {
                Append(urn, year);
                AppendStage(urn, supplement.Stage);
                urn.Append(":v").Append(Invariant(number));
            }
            else
            {
                Append(urn, supplement.Number ?? supplement.Year);
                AppendStage(urn, supplement.Stage);
            }
        }

        if (!id.Languages.IsEmpty)
        {
            urn.Append(':').AppendJoin(',', id.Languages);
        }

        return urn.ToString();
    }

    public static bool TryParse(
        string urn,
        [NotNullWhen(true)] out PublicationIdentifier? id,
        [NotNullWhen(false)] out string? error)
    {
        id = null;
        var reader = new Reader(urn);
        if (!reader.Run(out error))
        {
            return false;
        }

        id = reader.Result;
        return true;
    }

    private static void Append(StringBuilder urn, int? value)
    {
        if (value is { } number)
        {
            urn.Append(':').Append(Invariant(number));
        }
    }

    private static void AppendStage(StringBuilder urn, DraftStage? stage)
    {
        if (stage is { } value)
        {
            urn.Append(":stage-").Append(StageCode(value));
        }
    }

    /// <summary>The harmonized stage code at which each stage abbreviation starts.</summary>
    private static string StageCode(DraftStage stage) => stage switch
    {
        DraftStage.PWI => "00.00",
        DraftStage.NP => "10.00",
        DraftStage.AWI => "20.00",
        DraftStage.WD => "20.20",
        DraftStage.CD => "30.00",
        DraftStage.DIS => "40.00",
        DraftStage.FDIS => "50.00",
        _ => "60.00",
    };

    private static string KindCode(SupplementKind kind) => kind switch
    {
        SupplementKind.Amd => "amd",
        SupplementKind.Cor => "cor",
        SupplementKind.Add => "add",
        _ => "sup",
    };

    private static string BodyCode(string body) =>
        body.Replace(" ", string.Empty, StringComparison.Ordinal).ToLowerInvariant();

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Reads the colon-separated elements left to right, each at most once.</summary>
    private sealed class Reader(string urn)
    {
        private static readonly SearchValues<char> PartCharacters =
            SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

        private readonly string[] _elements = urn.Length > Prefix.Length ? urn[Prefix.Length..].Split(':') : [];
        private int _index;
        private string? _error;
        private PublicationIdentifier _id = new();
        private readonly List<Supplement> _supplements = [];

        public PublicationIdentifier Result => _id with
        {
            Supplements = _supplements.Count == 0 ? default : ValueList<Supplement>.Wrap([.. _supplements]),
        };

        private string? Current => _index < _elements.Length ? _elements[_index] : null;

        public bool Run([NotNullWhen(false)] out string? error)
        {
            var ok = urn.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
                ? ReadOriginator() && ReadType() && ReadNumber() && ReadPart() && ReadIssuer() && ReadDetails() && ReadSupplements()
                : Fail("a URN for an ISO standard starts with 'urn:iso:std:'");
            error = ok ? null : _error!;
            return ok;
        }

        private bool ReadOriginator()
        {
            if (string.IsNullOrEmpty(Current))
            {
                return Fail("the URN names no originator, such as 'iso' or 'iso-iec'");
            }

            var publishers = new List<string>(3);
            foreach (var code in Current.Split('-'))
            {
                if (!IdentifierWords.Prefix.TryGetValue(code, out var word) || word.Publisher is null)
                {
                    return Fail($"unknown originator '{code}' in the URN");
                }

                if (publishers.Count == 0 && word.Publisher is not ("ISO" or "IEC"))
                {
                    return Fail($"'{word.Publisher}' publishes only jointly with ISO or IEC, as in 'iso-{code}'");
                }

                if (publishers.Contains(word.Publisher))
                {
                    return Fail($"the publisher '{word.Publisher}' is written twice");
                }

                publishers.Add(word.Publisher);
            }

            _id = _id with
            {
                Publisher = publishers[0],
                Copublishers = publishers.Count == 1 ? default : ValueList<string>.Wrap([.. publishers.Skip(1)]),
            };
            _index++;
            return true;
        }

        private bool ReadType()
        {
            if (Current is { } code && Enum.TryParse<DeliverableType>(code, ignoreCase: true, out var type)
                && type != DeliverableType.IS && code.All(char.IsAsciiLetter))
            {
                _id = _id with { Type = type };
                _index++;
            }

            return true;
        }

        private bool ReadNumber()
        {
            if (Current is { Length: > 0 and <= 6 } digits && digits.All(char.IsAsciiDigit))
            {
                _id = _id with { Number = int.Parse(digits, CultureInfo.InvariantCulture) };
                _index++;
                return true;
            }

            return _id.Type == DeliverableType.DIR || Fail("the URN has no document number");
        }

        private bool ReadPart()
        {
            if (Current is not ['-', .. var part])
            {
                return true;
            }

            if (part.Length == 0 || part.AsSpan().ContainsAnyExcept(PartCharacters) || part.StartsWith('-') || part.EndsWith('-'))
            {
                return Fail($"'{Current}' is not a part number");
            }

            _id = _id with { Part = part.ToUpperInvariant() };
            _index++;
            return true;
        }

        /// <summary>The body whose version of the Directives this is: "dir:2:iec", "dir:jtc1".</summary>
        private bool ReadIssuer()
        {
            if (Current is { } code && TryReadBody(code, out var issuer))
            {
                _id = _id with { Issuer = issuer };
                _index++;
            }

            return true;
        }

        /// <summary>Year, stage, edition, version and languages of the document itself, up to the first supplement.</summary>
        private bool ReadDetails()
        {
            for (; Current is { } element && !IsSupplementKind(element); _index++)
            {
                if (IsYear(element, out var year))
                {
                    if (_id.Year is not null)
                    {
                        return Fail("the URN has two years");
                    }

                    _id = _id with { Year = year };
                }
                else if (TryReadCommon(element, out var stage, out _, out var languages, out var ok))
                {
                    if (!ok)
                    {
                        return false;
                    }

                    _id = _id with
                    {
                        Stage = stage ?? _id.Stage,
                        Edition = element.StartsWith("ed-", StringComparison.OrdinalIgnoreCase)
                            ? int.Parse(element.AsSpan(3), CultureInfo.InvariantCulture)
                            : _id.Edition,
                        Languages = languages.IsEmpty ? _id.Languages : languages,
                    };
                }
                else
                {
                    return Fail($"'{element}' is not part of an ISO URN");
                }
            }

            return true;
        }

        private bool ReadSupplements()
        {
            while (Current is { } kindCode)
            {
                var kind = kindCode.ToLowerInvariant() switch
                {
                    "amd" => SupplementKind.Amd,
                    "cor" => SupplementKind.Cor,
                    "add" => SupplementKind.Add,
                    _ => SupplementKind.Suppl,
                };
                _index++;

                string? body = null;
                if (Current is { } bodyCode && TryReadBody(bodyCode, out body))
                {
                    _index++;
                }

                var numbers = new List<int>(2);
                DraftStage? stage = null;
                int? version = null;
                for (; Current is { } element && !IsSupplementKind(element); _index++)
                {
                    if (element.Length is > 0 and <= 4 && element.All(char.IsAsciiDigit) && numbers.Count < 2)
                    {
                        numbers.Add(int.Parse(element, CultureInfo.InvariantCulture));
                    }
                    else if (TryReadCommon(element, out var elementStage, out var elementVersion, out var languages, out var ok))
                    {
                        if (!ok)
                        {
                            return false;
                        }

                        stage = elementStage ?? stage;
                        version = elementVersion ?? version;
                        if (!languages.IsEmpty)
                        {
                            _id = _id with { Languages = languages };
                        }
                    }
                    else
                    {
                        return Fail($"'{element}' is not part of an ISO URN supplement");
                    }
                }

                if (!AddSupplement(kind, body, numbers, stage, version))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// "amd:2024:v1" is amendment 1 of 2024; "amd:1:v2" is amendment 1, version 2 (versions
        /// are not kept); "amd:1" is amendment 1; "amd:1:2024" is read as amendment 1 of 2024 too.
        /// A supplement with a body or without a number is dated by its one number ("sup:iec:2022").
        /// </summary>
        private bool AddSupplement(SupplementKind kind, string? body, List<int> numbers, DraftStage? stage, int? version)
        {
            int? number = null;
            int? year = null;
            if (numbers.Count == 0 && version is null && kind != SupplementKind.Suppl)
            {
                return Fail($"the {IdentifierWords.KindName(kind)} in the URN has no number");
            }

            if (numbers.Count == 1 && version is { } v && IsPlausibleYear(numbers[0]))
            {
                year = numbers[0];
                number = v;
            }
            else if (kind == SupplementKind.Suppl && numbers.Count == 1 && IsPlausibleYear(numbers[0]))
            {
                year = numbers[0];
            }
            else if (numbers.Count > 0)
            {
                number = numbers[0];
                year = numbers.Count > 1 ? numbers[1] : null;
            }
            else
            {
                number = version;
            }

            if (year is { } y && !IsPlausibleYear(y))
            {
                return Fail($"year {y} is not a plausible publication year");
            }

            _supplements.Add(new Supplement { Kind = kind, Stage = stage, Number = number, Year = year, Publisher = body });
            return true;
        }

        /// <summary>Stage, edition, version or languages: the elements a document and a supplement share.</summary>
        private bool TryReadCommon(string element, out DraftStage? stage, out int? version, out ValueList<string> languages, out bool ok)
        {
            stage = null;
            version = null;
            languages = default;
            ok = true;
            if (element.StartsWith("stage-", StringComparison.OrdinalIgnoreCase))
            {
                ok = TryReadStage(element.AsSpan(6), out stage);
                return true;
            }

            if (element.StartsWith("ed-", StringComparison.OrdinalIgnoreCase))
            {
                ok = element.Length is > 3 and <= 6 && element.AsSpan(3).ContainsAnyExceptInRange('0', '9') is false
                    || Fail($"'{element}' is not an edition such as 'ed-2'");
                return true;
            }

            if (element is ['v' or 'V', >= '0' and <= '9', ..])
            {
                // A version may name the supplements it includes ("v1-amd1.v1"); only its number matters here.
                var digits = element.AsSpan(1);
                var end = digits.IndexOfAnyExceptInRange('0', '9');
                digits = end < 0 ? digits : digits[..end];
                ok = digits.Length <= 4 || Fail($"'{element}' is not a version such as 'v1'");
                version = ok ? int.Parse(digits, CultureInfo.InvariantCulture) : null;
                return true;
            }

            if (element.Length > 0 && element.All(c => char.IsAsciiLetter(c) || c == ','))
            {
                var codes = new List<string>(2);
                foreach (var code in element.Split(','))
                {
                    if (!IdentifierParser.TryParseLanguage(code, out var language) || code.Length == 1)
                    {
                        ok = Fail($"unknown language '{code}' in the URN");
                        return true;
                    }

                    if (!codes.Contains(language))
                    {
                        codes.Add(language);
                    }
                }

                languages = IdentifierParser.SortLanguages(codes);
                return true;
            }

            return false;
        }

        private bool TryReadStage(ReadOnlySpan<char> code, out DraftStage? stage)
        {
            stage = null;
            if (IdentifierWords.Prefix.TryGetValue(code, out var word) && word.Stage is { } named && word.Type is null)
            {
                stage = named;
                return true;
            }

            if (code.Length != 5 || code[2] != '.'
                || !int.TryParse(code[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
                || !int.TryParse(code[3..], NumberStyles.None, CultureInfo.InvariantCulture, out var minor))
            {
                return Fail($"'stage-{code}' does not name a stage; use a stage code such as 'stage-40.00'");
            }

            switch (major)
            {
                case 0: stage = DraftStage.PWI; break;
                case 10: stage = DraftStage.NP; break;
                case 20: stage = minor < 20 ? DraftStage.AWI : DraftStage.WD; break;
                case 30: stage = DraftStage.CD; break;
                case 40: stage = DraftStage.DIS; break;
                case 50: stage = DraftStage.FDIS; break;
                case 60: stage = minor < 60 ? DraftStage.PRF : null; break;
                case 90 or 95: break;
                default: return Fail($"'stage-{code}' is not a harmonized stage code");
            }

            return true;
        }

        private bool TryReadBody(string code, [NotNullWhen(true)] out string? body)
        {
            body = code.ToLowerInvariant() switch
            {
                "iso" => "ISO",
                "iec" => "IEC",
                ['j', 't', 'c', .. var number] when number.Length is > 0 and <= 3 && number.All(char.IsAsciiDigit)
                    => "JTC " + int.Parse(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            return body is not null && _id.Type == DeliverableType.DIR;
        }

        private static bool IsSupplementKind(string element) =>
            element.Equals("amd", StringComparison.OrdinalIgnoreCase) || element.Equals("cor", StringComparison.OrdinalIgnoreCase)
            || element.Equals("add", StringComparison.OrdinalIgnoreCase) || element.Equals("sup", StringComparison.OrdinalIgnoreCase);

        private static bool IsYear(string element, out int year)
        {
            year = 0;
            return element.Length == 4 && element.All(char.IsAsciiDigit)
                && int.TryParse(element, CultureInfo.InvariantCulture, out year) && IsPlausibleYear(year);
        }

        private static bool IsPlausibleYear(int year) => year is >= 1900 and <= 2100;

        private bool Fail(string error)
        {
            _error = error;
            return false;
        }
    }
}
