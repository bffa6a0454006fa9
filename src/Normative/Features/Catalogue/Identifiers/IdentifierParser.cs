using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Normative.Features.Catalogue.Identifiers;

/// <summary>
/// A hand-written scanner for identifiers as people write them. It moves forward only (each
/// character is looked at a bounded number of times), so any input is read in linear time.
/// </summary>
internal sealed class IdentifierParser
{
    /// <summary>The longest real identifiers are about 60 characters; this leaves room for URNs.</summary>
    internal const int MaxLength = 200;

    private static readonly (string Prefix, DraftStage Stage)[] CenDraftPrefixes =
        [("Fpr", DraftStage.FDIS), ("pr", DraftStage.DIS)];

    private readonly string _text;
    private int _pos;
    private string? _error;

    private string? _publisher;
    private List<string>? _copublishers;
    private DeliverableType? _type;
    private DraftStage? _stage;
    private int? _iteration;
    private int? _number;
    private StringBuilder? _part;
    private int? _year;
    private int? _edition;
    private string? _issuer;
    private List<Supplement>? _supplements;
    private ValueList<string> _languages;

    private IdentifierParser(string text) => _text = text;

    private bool AtEnd => _pos >= _text.Length;

    private char Current => At(_pos);

    public static bool TryParse(
        [NotNullWhen(true)] string? input,
        [NotNullWhen(true)] out PublicationIdentifier? id,
        [NotNullWhen(false)] out string? error)
    {
        id = null;
        if (string.IsNullOrWhiteSpace(input))
        {
            error = "the identifier is empty";
            return false;
        }

        if (input.Length > MaxLength)
        {
            error = $"the identifier is too long ({input.Length} characters; the longest accepted is {MaxLength})";
            return false;
        }

        var text = Normalize(input);
        if (text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase))
        {
            return IdentifierUrn.TryParse(text, out id, out error);
        }

        var parser = new IdentifierParser(text);
        if (!parser.Run())
        {
            error = parser._error!;
            return false;
        }

        id = parser.Build();
        error = null;
        return true;
    }

    /// <summary>
    /// Folds the ways people type the same identifier into one spelling: dashes become hyphens,
    /// runs of white space become one space, and spaces next to punctuation go ("ISO /IEC",
    /// "Cor. 1", "15848-1 :2015"). Spaces between words and numbers stay: they carry meaning.
    /// </summary>
    internal static string Normalize(string input)
    {
        var result = new StringBuilder(input.Length);
        var pendingSpace = false;
        foreach (var raw in input)
        {
            var c = raw switch
            {
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE63' or '\uFF0D' => '-',
                '\uFF0F' => '/',
                '\uFF1A' => ':',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = result.Length > 0;
                continue;
            }

            if (pendingSpace && !IsTight(result[^1]) && !IsTight(c))
            {
                result.Append(' ');
            }

            pendingSpace = false;
            result.Append(c);
        }

        return result.ToString();

        static bool IsTight(char c) => c is '/' or ':' or '-' or '.' or ',' or '(' or ')' or '+';
    }

    internal static bool TryParseLanguage(ReadOnlySpan<char> code, [NotNullWhen(true)] out string? language)
    {
        language = null;
        if (code.Length == 1)
        {
            // ISO's older suffixes: (E), (F), (R), also combined as (E/F/R).
            language = char.ToUpperInvariant(code[0]) switch
            {
                'E' => "en",
                'F' => "fr",
                'R' => "ru",
                _ => null,
            };
        }
        else if (code.Equals("other", StringComparison.OrdinalIgnoreCase))
        {
            language = "other";
        }
        else if (code.Length == 2 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1]))
        {
            language = code.ToString().ToLowerInvariant();
        }

        return language is not null;
    }

    /// <summary>ISO's three official languages first, as ISO lists them, then the rest alphabetically.</summary>
    internal static ValueList<string> SortLanguages(List<string> languages)
    {
        languages.Sort(static (a, b) => Rank(a) != Rank(b)
            ? Rank(a).CompareTo(Rank(b))
            : string.CompareOrdinal(a, b));
        return ValueList<string>.Wrap([.. languages]);

        static int Rank(string code) => code switch
        {
            "en" => 0,
            "fr" => 1,
            "ru" => 2,
            "other" => 4,
            _ => 3,
        };
    }

    private bool Run()
    {
        if (!ParsePrefix())
        {
            return false;
        }

        if (_type == DeliverableType.DIR)
        {
            return ParseDirectives() && ParseLanguages() && ParseEnd();
        }

        if (_publisher is null)
        {
            if (_type != DeliverableType.IWA)
            {
                return Fail("no publisher: an ISO identifier starts with ISO, IEC or ISO/IEC, as in 'ISO 9001'");
            }

            // ISO publishes IWAs and writes them without its name ("IWA 36").
            _publisher = "ISO";
        }

        if (AtEnd)
        {
            return Fail("no document number");
        }

        return ParseNumber()
            && ParseParts()
            && ParseIteration()
            && ParseDocumentYear()
            && ParseEdition()
            && ParseSupplements()
            && ParseEdition()
            && ParseLanguages()
            && ParseEnd();
    }

    private PublicationIdentifier Build() => new()
    {
        Publisher = _publisher!,
        Copublishers = _copublishers is null ? default : ValueList<string>.Wrap([.. _copublishers]),
        Type = _type ?? DeliverableType.IS,
        Stage = _stage,
        Iteration = _iteration,
        Number = _number,
        Part = _part?.ToString(),
        Year = _year,
        Edition = _edition,
        Issuer = _issuer,
        Supplements = _supplements is null ? default : ValueList<Supplement>.Wrap([.. _supplements]),
        Languages = _languages,
    };

    /// <summary>Publishers, types and stages before the number, in any order ("Guide ISO/CEI", "WD/ISO", "ISO/IEC/TS").</summary>
    private bool ParsePrefix()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c is '/' or ' ')
            {
                _pos++;
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                return true;
            }

            if (!char.IsLetter(c))
            {
                return Fail($"unexpected '{c}' before the document number");
            }

            var start = _pos;
            ReadLetters();
            if (_pos - start == 2 && Current == '7' && !char.IsAsciiDigit(At(_pos + 1))
                && _text.AsSpan(start, 2).Equals("HL", StringComparison.OrdinalIgnoreCase))
            {
                _pos++;
            }

            if (!ReadPrefixWord(start))
            {
                return false;
            }

            if (_type == DeliverableType.DIR)
            {
                return true;
            }
        }

        return true;
    }

    private bool ReadPrefixWord(int start)
    {
        var word = _text.AsSpan(start, _pos - start);
        if (word.Equals("JTC", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJointCommittee(out _issuer);
        }

        if (!IdentifierWords.Prefix.TryGetValue(word, out var meaning))
        {
            return ReadFusedPublisher(word);
        }

        if (meaning.ForeignBody is not null)
        {
            return FailForeign(start, word.ToString(), meaning.ForeignBody);
        }

        if (meaning.Publisher is not null)
        {
            return AddPublisher(meaning.Publisher);
        }

        if (meaning.Type is { } type && !SetType(type))
        {
            return false;
        }

        if (meaning.Stage is { } stage)
        {
            if (!SetStage(stage))
            {
                return false;
            }

            ReadGluedStageIteration();
        }

        return true;
    }

    /// <summary>CEN's FprISO (final draft) and prISO (enquiry draft) glue the stage to the publisher.</summary>
    private bool ReadFusedPublisher(ReadOnlySpan<char> word)
    {
        foreach (var (prefix, stage) in CenDraftPrefixes)
        {
            if (word.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                && IdentifierWords.Prefix.TryGetValue(word[prefix.Length..], out var rest)
                && rest.Publisher is not null)
            {
                return SetStage(stage) && AddPublisher(rest.Publisher);
            }
        }

        return _publisher is null && _type is null && _stage is null
            ? Fail($"unknown publisher '{word}'")
            : Fail($"'{word}' is not a known document type, stage or publisher");
    }

    /// <summary>"CD2 14065": the digits glued to a stage count its circulations when the number follows after a space.</summary>
    private void ReadGluedStageIteration()
    {
        if (!char.IsAsciiDigit(Current))
        {
            return;
        }

        var start = _pos;
        ReadDigits();
        if (Current == ' ' && char.IsAsciiDigit(At(_pos + 1)) && _pos - start <= 2)
        {
            _iteration = int.Parse(_text.AsSpan(start, _pos - start), CultureInfo.InvariantCulture);
            return;
        }

        _pos = start;
    }

    private bool AddPublisher(string publisher)
    {
        if (_publisher is null)
        {
            if (publisher is not ("ISO" or "IEC"))
            {
                return Fail($"'{publisher}' publishes only jointly with ISO or IEC, as in 'ISO/{publisher} …'");
            }

            _publisher = publisher;
            return true;
        }

        if (_publisher == publisher || (_copublishers?.Contains(publisher) ?? false))
        {
            return Fail($"the publisher '{publisher}' is written twice");
        }

        (_copublishers ??= []).Add(publisher);
        return true;
    }

    private bool SetType(DeliverableType type)
    {
        if (_type is { } existing && existing != type)
        {
            return Fail($"two document types, '{existing}' and '{type}'");
        }

        _type = type;
        return true;
    }

    private bool SetStage(DraftStage stage)
    {
        if (_stage is { } existing && existing != stage)
        {
            return Fail($"two stages, '{existing}' and '{stage}'");
        }

        _stage = stage;
        return true;
    }

    private bool ReadJointCommittee(out string? committee)
    {
        committee = null;
        var save = _pos;
        if (Current == ' ')
        {
            _pos++;
        }

        if (!char.IsAsciiDigit(Current))
        {
            _pos = save;
            return Fail("'JTC' needs its number, as in 'JTC 1'");
        }

        if (!ReadNumber("committee number", 3, out var number))
        {
            return false;
        }

        committee = "JTC " + number.ToString(CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>
    /// Explains why a national or regional identifier is refused; when it adopts an ISO
    /// standard ("EN ISO 9001:2015"), names the ISO identifier to use instead.
    /// </summary>
    private bool FailForeign(int start, string word, string who)
    {
        var iso = _text.IndexOf("ISO", start, StringComparison.OrdinalIgnoreCase);
        if (iso > start && !char.IsLetter(At(iso - 1)) && !char.IsLetter(At(iso + 3))
            && IdentifierParser.TryParse(_text[iso..], out var adopted, out _))
        {
            return Fail($"'{_text}' is a national or regional adoption of {adopted}; use '{adopted}'");
        }

        return Fail($"'{word}' is not an ISO or IEC publisher: {who}");
    }

    private bool ParseNumber()
    {
        if (!ReadNumber("document number", 6, out var number))
        {
            return false;
        }

        _number = number;
        return true;
    }

    /// <summary>Parts after hyphens ("-2-3", "-B02", "-1Q"), or after a slash in older identifiers ("ISO 5843/6", "ISO 105/F").</summary>
    private bool ParseParts()
    {
        while (true)
        {
            if (Current == '-')
            {
                if (!char.IsAsciiLetterOrDigit(At(_pos + 1)))
                {
                    return Fail("a part number is missing after '-'");
                }

                _pos++;
                var start = _pos;
                ReadLettersAndDigits();
                var segment = _text.AsSpan(start, _pos - start);
                if (IsRecommendationYear(segment) || IsIterationAsPart(segment))
                {
                    continue;
                }

                AppendPart(segment);
                continue;
            }

            if (Current == '/' && IsOlderPart())
            {
                _pos++;
                var start = _pos;
                ReadLettersAndDigits();
                AppendPart(_text.AsSpan(start, _pos - start));
                continue;
            }

            return true;
        }
    }

    private bool IsOlderPart()
    {
        var next = At(_pos + 1);
        return char.IsAsciiDigit(next) || (char.IsAsciiLetter(next) && !char.IsLetterOrDigit(At(_pos + 2)));
    }

    /// <summary>ISO Recommendations were dated with a hyphen: "ISO/R 170-1960".</summary>
    private bool IsRecommendationYear(ReadOnlySpan<char> segment)
    {
        if (_type != DeliverableType.R || _year is not null || Current == '-' || segment.Length != 4
            || !int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !IsPlausibleYear(year))
        {
            return false;
        }

        _year = year;
        return true;
    }

    /// <summary>"ISO/IEC CD 17021-CD2" writes the iteration as a part named after the stage.</summary>
    private bool IsIterationAsPart(ReadOnlySpan<char> segment)
    {
        if (_stage is not { } stage || _iteration is not null)
        {
            return false;
        }

        var name = stage.ToString();
        if (segment.Length <= name.Length || !segment.StartsWith(name, StringComparison.OrdinalIgnoreCase)
            || !int.TryParse(segment[name.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var iteration))
        {
            return false;
        }

        _iteration = iteration;
        return true;
    }

    private void AppendPart(ReadOnlySpan<char> segment)
    {
        if (_part is null)
        {
            _part = new StringBuilder(segment.Length);
        }
        else
        {
            _part.Append('-');
        }

        foreach (var c in segment)
        {
            _part.Append(char.ToUpperInvariant(c));
        }
    }

    private bool ParseIteration()
    {
        if (Current != '.' || !char.IsAsciiDigit(At(_pos + 1)))
        {
            return true;
        }

        _pos++;
        if (_iteration is not null)
        {
            return Fail("the iteration is written twice");
        }

        if (!ReadNumber("iteration", 3, out var iteration))
        {
            return false;
        }

        _iteration = iteration;
        return true;
    }

    /// <summary>
    /// ":2015", or " 2015" when four digits after a space can only be a year ("ISO/IEC 27001 2022").
    /// A hyphen is always a part ("ISO 9001-2015" is part 2015), as in ISO's own grammar.
    /// </summary>
    private bool ParseYear(out int? year, out int? month, bool allowMonth)
    {
        year = null;
        month = null;
        if (Current == ' ' && IsSpacedYear())
        {
            _pos++;
        }
        else if (Current == ':')
        {
            _pos++;
            if (!char.IsAsciiDigit(Current))
            {
                return Fail("no year after ':'");
            }
        }
        else
        {
            return true;
        }

        var start = _pos;
        ReadDigits();
        var digits = _text.AsSpan(start, _pos - start);
        if (digits.Length != 4)
        {
            return Fail($"year {digits} is not a 4-digit year");
        }

        var value = int.Parse(digits, CultureInfo.InvariantCulture);
        if (!IsPlausibleYear(value))
        {
            return Fail($"year {value} is not a plausible publication year");
        }

        year = value;
        if (Current != '-' || !char.IsAsciiDigit(At(_pos + 1)))
        {
            return true;
        }

        if (!allowMonth)
        {
            return Fail($"unexpected '{Rest()}' after the year");
        }

        _pos++;
        start = _pos;
        ReadDigits();
        if (_pos - start != 2 || !int.TryParse(_text.AsSpan(start, 2), CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
        {
            return Fail($"month {_text.AsSpan(start, _pos - start)} is not a month from 01 to 12");
        }

        month = m;
        return true;
    }

    private bool ParseDocumentYear()
    {
        if (!ParseYear(out var year, out _, allowMonth: false))
        {
            return false;
        }

        if (year is null)
        {
            return true;
        }

        if (_year is not null)
        {
            return Fail("the year is written twice");
        }

        _year = year;
        return true;
    }

    private bool IsSpacedYear()
    {
        var start = _pos + 1;
        var end = start;
        while (char.IsAsciiDigit(At(end)))
        {
            end++;
        }

        return end - start == 4
            && At(end) is '\0' or '/' or '(' or ' '
            && IsPlausibleYear(int.Parse(_text.AsSpan(start, 4), CultureInfo.InvariantCulture));
    }

    private static bool IsPlausibleYear(int year) => year is >= 1900 and <= 2100;

    /// <summary>"Ed 2", "Ed.2", "ED1", "Edition 13"; a bare "Ed" says nothing and is dropped.</summary>
    private bool ParseEdition()
    {
        if (Current != ' ' || !char.IsLetter(At(_pos + 1)))
        {
            return true;
        }

        var save = _pos;
        _pos++;
        var start = _pos;
        ReadLetters();
        var word = _text.AsSpan(start, _pos - start);
        if (!word.Equals("Ed", StringComparison.OrdinalIgnoreCase) && !word.Equals("Edition", StringComparison.OrdinalIgnoreCase))
        {
            _pos = save;
            return true;
        }

        return ReadEditionNumber();
    }

    private bool ReadEditionNumber()
    {
        if (Current is '.' or ' ' && char.IsAsciiDigit(At(_pos + 1)))
        {
            _pos++;
        }

        if (!char.IsAsciiDigit(Current))
        {
            return true;
        }

        if (!ReadNumber("edition", 3, out var edition))
        {
            return false;
        }

        if (_edition is not null && _edition != edition)
        {
            return Fail("two different editions");
        }

        _edition = edition;
        return true;
    }

    private bool ParseSupplements()
    {
        while (Current == '/' || (Current == ' ' && IsSupplementWordAt(_pos + 1)))
        {
            _pos++;
            if (!char.IsLetter(Current))
            {
                return Fail("expected a supplement such as 'Amd 1' after '/'");
            }

            if (!ReadSupplementWord(out var kind, out var stage))
            {
                return false;
            }

            if (Current is '.' or ' ' && char.IsAsciiDigit(At(_pos + 1)))
            {
                _pos++;
            }

            int? number = null;
            if (char.IsAsciiDigit(Current))
            {
                if (!ReadNumber(IdentifierWords.KindName(kind) + " number", 4, out var value))
                {
                    return false;
                }

                number = value;
            }
            else if (kind != SupplementKind.Suppl)
            {
                return Fail($"the {IdentifierWords.KindName(kind)} has no number");
            }

            int? iteration = null;
            if (number is not null && Current == '.' && char.IsAsciiDigit(At(_pos + 1)))
            {
                _pos++;
                if (!ReadNumber("iteration", 3, out var value))
                {
                    return false;
                }

                iteration = value;
            }

            if (!ParseYear(out var year, out var month, allowMonth: true))
            {
                return false;
            }

            (_supplements ??= []).Add(new Supplement
            {
                Kind = kind,
                Stage = stage,
                Number = number,
                Iteration = iteration,
                Year = year,
                Month = month,
            });
        }

        return true;
    }

    /// <summary>People also type a space for the slash: "ISO 9001:2015 Amd 1:2024".</summary>
    private bool IsSupplementWordAt(int start)
    {
        var end = start;
        while (char.IsLetter(At(end)))
        {
            end++;
        }

        return end > start && IdentifierWords.Supplement.ContainsKey(_text.AsSpan(start, end - start));
    }

    /// <summary>"Amd", "FDAmd", "pDCOR", or a stage word then the kind ("CD Cor", "NP Amd").</summary>
    private bool ReadSupplementWord(out SupplementKind kind, out DraftStage? stage)
    {
        kind = default;
        stage = null;
        var start = _pos;
        ReadLetters();
        var word = _text.AsSpan(start, _pos - start);
        if (IdentifierWords.Supplement.TryGetValue(word, out var fused))
        {
            kind = fused.Kind;
            stage = fused.Stage;
            return true;
        }

        if (!IdentifierWords.Prefix.TryGetValue(word, out var prefix) || prefix.Stage is null || prefix.Type is not null)
        {
            return Fail($"unknown supplement '{word}' (expected Amd, Cor, Add or Suppl)");
        }

        if (Current == ' ')
        {
            _pos++;
        }

        var kindStart = _pos;
        ReadLetters();
        var kindWord = _text.AsSpan(kindStart, _pos - kindStart);
        if (!IdentifierWords.Supplement.TryGetValue(kindWord, out var plain) || plain.Stage is not null)
        {
            return Fail($"'{word}' must be followed by a supplement such as Amd or Cor");
        }

        kind = plain.Kind;
        stage = prefix.Stage;
        return true;
    }

    /// <summary>
    /// The Directives have their own grammar: "ISO/IEC DIR 1:2022 + IEC SUP:2022",
    /// "ISO/IEC DIR 2 IEC", "ISO/IEC DIR JTC 1 SUP", "ISO/IEC Directives, Part 1 -- Consolidated ISO Supplement".
    /// </summary>
    private bool ParseDirectives()
    {
        if (_publisher is null)
        {
            return Fail("no publisher: the Directives are written 'ISO/IEC DIR 1'");
        }

        string? body = null;
        var supplements = new List<Supplement>();
        while (!AtEnd && Current != '(')
        {
            var c = Current;
            if (c is ' ' or ',' or '+' or '-')
            {
                _pos++;
            }
            else if (c == ':')
            {
                if (!SettleIssuer(ref body) || !ReadDirectivesYear(supplements))
                {
                    return false;
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                if (_number is not null || body is not null || supplements.Count > 0 || _year is not null)
                {
                    return Fail($"unexpected '{Rest()}' in the Directives identifier");
                }

                if (!ParseNumber())
                {
                    return false;
                }
            }
            else if (char.IsLetter(c))
            {
                if (!ReadDirectivesWord(ref body, supplements))
                {
                    return false;
                }
            }
            else
            {
                return Fail($"unexpected '{c}' in the Directives identifier");
            }
        }

        if (!SettleIssuer(ref body))
        {
            return false;
        }

        if (_number is null && _issuer is null && supplements.Count == 0)
        {
            return Fail("no part number: the Directives are written 'ISO/IEC DIR 1' or 'ISO/IEC DIR 2'");
        }

        _supplements = supplements.Count == 0 ? null : supplements;
        return true;
    }

    private bool ReadDirectivesWord(ref string? body, List<Supplement> supplements)
    {
        var start = _pos;
        ReadLetters();
        var word = _text.AsSpan(start, _pos - start);
        if (word.Equals("Part", StringComparison.OrdinalIgnoreCase) || word.Equals("Consolidated", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (word.Equals("SUP", StringComparison.OrdinalIgnoreCase) || word.Equals("Supplement", StringComparison.OrdinalIgnoreCase))
        {
            if (body is null)
            {
                return Fail("'SUP' needs the body whose supplement it is, as in 'ISO SUP'");
            }

            supplements.Add(new Supplement { Kind = SupplementKind.Suppl, Publisher = body });
            body = null;
            return true;
        }

        if (!SettleIssuer(ref body))
        {
            return false;
        }

        if (word.Equals("Ed", StringComparison.OrdinalIgnoreCase) || word.Equals("Edition", StringComparison.OrdinalIgnoreCase))
        {
            return ReadEditionNumber();
        }

        if (word.Equals("JTC", StringComparison.OrdinalIgnoreCase))
        {
            return ReadJointCommittee(out body);
        }

        if (IdentifierWords.Prefix.TryGetValue(word, out var meaning) && meaning.Publisher is "ISO" or "IEC")
        {
            body = meaning.Publisher;
            return true;
        }

        return Fail($"'{word}' is not part of an ISO/IEC Directives identifier");
    }

    /// <summary>A body not followed by SUP names whose version of the Directives this is ("DIR 2 IEC").</summary>
    private bool SettleIssuer(ref string? body)
    {
        if (body is null)
        {
            return true;
        }

        if (_issuer is not null)
        {
            return Fail($"two issuing bodies, '{_issuer}' and '{body}'");
        }

        _issuer = body;
        body = null;
        return true;
    }

    private bool ReadDirectivesYear(List<Supplement> supplements)
    {
        if (supplements.Count > 0)
        {
            var last = supplements[^1];
            if (last.Year is not null)
            {
                return Fail("the supplement's year is written twice");
            }

            if (!ParseYear(out var year, out var month, allowMonth: true))
            {
                return false;
            }

            supplements[^1] = last with { Year = year, Month = month };
            return true;
        }

        return ParseDocumentYear();
    }

    private bool ParseLanguages()
    {
        if (Current != '(')
        {
            return true;
        }

        _pos++;
        var languages = new List<string>(2);
        while (true)
        {
            var start = _pos;
            ReadLetters();
            if (_pos == start)
            {
                return Fail("a language code is missing in '(…)'");
            }

            var code = _text.AsSpan(start, _pos - start);
            if (!TryParseLanguage(code, out var language))
            {
                return Fail($"unknown language '{code}' (use codes such as en, fr, ru)");
            }

            if (!languages.Contains(language))
            {
                languages.Add(language);
            }

            if (Current is ',' or '/')
            {
                _pos++;
                continue;
            }

            if (Current == ')')
            {
                _pos++;
                _languages = SortLanguages(languages);
                return true;
            }

            return Fail("the language list is not closed with ')'");
        }
    }

    private bool ParseEnd() =>
        AtEnd || Fail(_pos == 0
            ? $"unexpected '{Rest()}'"
            : $"unexpected '{Rest()}' after '{_text[.._pos].TrimEnd()}'");

    private string Rest()
    {
        var rest = _text.AsSpan(_pos).Trim();
        return rest.Length > 30 ? $"{rest[..30]}…" : rest.ToString();
    }

    private bool ReadNumber(string what, int maxDigits, out int value)
    {
        var start = _pos;
        ReadDigits();
        var digits = _text.AsSpan(start, _pos - start);
        if (digits.Length > maxDigits)
        {
            value = 0;
            return Fail($"the {what} {digits} has more than {maxDigits} digits");
        }

        value = int.Parse(digits, CultureInfo.InvariantCulture);
        return true;
    }

    private bool Fail(string error)
    {
        _error = error;
        return false;
    }

    private char At(int index) => index < _text.Length ? _text[index] : '\0';

    private void ReadLetters()
    {
        while (char.IsLetter(Current))
        {
            _pos++;
        }
    }

    private void ReadDigits()
    {
        while (char.IsAsciiDigit(Current))
        {
            _pos++;
        }
    }

    private void ReadLettersAndDigits()
    {
        while (char.IsAsciiLetterOrDigit(Current))
        {
            _pos++;
        }
    }
}
