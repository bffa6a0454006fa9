using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Normative.Features.Catalogue.Provisions;

/// <summary>
/// Finds the provisions of a clause by the verbal forms of the ISO/IEC Directives, Part 2 (clause 7,
/// tables 3 to 6), in English and French: each sentence that holds one is a provision of the
/// strongest kind it holds (a requirement before a recommendation, a permission, a possibility).
/// Notes, examples and footnotes are left out: the Directives say they hold no requirements.
/// </summary>
public static partial class ProvisionRules
{
    /// <summary>Languages whose verbal forms the Directives give (and this class knows).</summary>
    public static bool Supports(string language) => language is "en" or "fr";

    /// <summary>The provisions of a clause's rendered HTML, in reading order.</summary>
    public static IReadOnlyList<FoundProvision> Find(string html, string language)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!Supports(language) || html.Length == 0)
        {
            return [];
        }
        var found = new List<FoundProvision>();
        foreach (var block in Blocks(html))
        {
            foreach (var sentence in Sentences(block))
            {
                if (Classify(sentence, language) is { } form)
                {
                    found.Add(new FoundProvision(form.Kind, form.Negative, sentence));
                }
            }
        }
        return found;
    }

    /// <summary>The strongest verbal form in one sentence, or null when it holds none.</summary>
    public static (ProvisionKind Kind, bool Negative)? Classify(string sentence, string language)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        if (!Supports(language))
        {
            return null;
        }
        var forms = language == "fr" ? French : English;
        foreach (var (kind, regex) in forms)
        {
            var match = regex.Match(sentence);
            if (match.Success)
            {
                return (kind, match.Groups["neg"].Success);
            }
        }
        return null;
    }

    /// <summary>
    /// Splits a paragraph into sentences: after ".", "!" or "?" followed by a space and a capital, a
    /// digit or an opening mark; not after an abbreviation such as "e.g." or "Fig.", nor inside a
    /// number ("3.1.2").
    /// </summary>
    public static IReadOnlyList<string> Sentences(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sentences = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }
            var end = i + 1;
            while (end < text.Length && text[end] is ')' or '"' or '»' or '”' or '’')
            {
                end++;
            }
            if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            {
                continue;
            }
            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }
            if (next >= text.Length)
            {
                break;
            }
            var c = text[next];
            if (!(char.IsUpper(c) || char.IsDigit(c) || c is '(' or '"' or '«' or '“' or '['))
            {
                continue;
            }
            if (text[i] == '.' && IsAbbreviation(text, i))
            {
                continue;
            }
            Add(text[start..end]);
            start = next;
        }
        Add(text[start..]);
        return sentences;

        void Add(string sentence)
        {
            var trimmed = Collapse(sentence);
            if (trimmed.Length > 0)
            {
                sentences.Add(trimmed);
            }
        }
    }

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "e.g", "i.e", "cf", "no", "nos", "fig", "figs", "vol", "p", "pp", "ex", "approx", "resp", "ref", "vs", "viz", "al",
        "c.-à-d", "env", "réf", "art", "mr", "mrs", "dr", "st",
    };

    /// <summary>Whether the word that the full stop at <paramref name="dot"/> ends is an abbreviation that never ends a sentence.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        var from = dot;
        while (from > 0 && !char.IsWhiteSpace(text[from - 1]) && text[from - 1] is not ('(' or '"' or '«'))
        {
            from--;
        }
        var word = text[from..dot];
        return Abbreviations.Contains(word);
    }

    /// <summary>
    /// The text of each block (paragraph, list item, table cell, definition) in reading order,
    /// without notes, examples, footnotes and figure content.
    /// </summary>
    public static IReadOnlyList<string> Blocks(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var blocks = new List<string>();
        var current = new StringBuilder();
        Walk(document.Body!);
        Flush();
        return blocks;

        void Walk(INode node)
        {
            foreach (var child in node.ChildNodes)
            {
                switch (child)
                {
                    case IText text:
                        current.Append(text.Data);
                        break;
                    case IElement e when IsLeftOut(e):
                        break;
                    case IElement e when IsBlock(e.LocalName):
                        Flush();
                        Walk(e);
                        Flush();
                        break;
                    case IElement e:
                        Walk(e);
                        break;
                }
            }
        }

        void Flush()
        {
            var text = Collapse(current.ToString());
            if (text.Length > 0)
            {
                blocks.Add(text);
            }
            current.Clear();
        }
    }

    private static bool IsLeftOut(IElement e) =>
        e.LocalName is "figure" or "math" or "script" or "style" or "aside"
        || e.ClassList.Contains("note") || e.ClassList.Contains("example") || e.ClassList.Contains("footnotes")
        || e.ClassList.Contains("footnote") || e.ClassList.Contains("fnref");

    private static bool IsBlock(string name) => name is "p" or "li" or "td" or "th" or "dd" or "dt" or "div" or "ul" or "ol" or "dl"
        or "table" or "tr" or "caption" or "blockquote" or "section" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "br";

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static readonly (ProvisionKind Kind, Regex Form)[] English =
    [
        (ProvisionKind.Requirement, EnglishRequirement()),
        (ProvisionKind.Recommendation, EnglishRecommendation()),
        (ProvisionKind.Permission, EnglishPermission()),
        (ProvisionKind.Possibility, EnglishPossibility()),
    ];

    private static readonly (ProvisionKind Kind, Regex Form)[] French =
    [
        (ProvisionKind.Requirement, FrenchRequirement()),
        (ProvisionKind.Recommendation, FrenchRecommendation()),
        (ProvisionKind.Permission, FrenchPermission()),
        (ProvisionKind.Possibility, FrenchPossibility()),
    ];

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\bshall(?<neg>\s+not)?\b|\bit\s+is\s+required\s+that\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishRequirement();

    [GeneratedRegex(@"\bshould(?<neg>\s+not)?\b|\bit\s+is\s+recommended\s+that\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishRecommendation();

    // "May 2024" is a month, not a permission.
    [GeneratedRegex(@"(?<neg>\bneed\s+not\b)|\bmay\b(?!\s+\d)|\bis\s+permitted\b|\bis\s+allowed\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishPermission();

    [GeneratedRegex(@"(?<neg>\bcannot\b|\bcan\s+not\b|\bis\s+unable\s+to\b)|\bcan\b|\bis\s+able\s+to\b|\bit\s+is\s+possible\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishPossibility();

    [GeneratedRegex(@"(?<neg>\bne\s+(?:doit|doivent)\s+pas\b|\bil\s+ne\s+faut\s+pas\b)|\b(?:doit|doivent)\b|\bil\s+faut\b|\best\s+exigée?s?\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchRequirement();

    [GeneratedRegex(@"(?<neg>\bil\s+convient\s+de\s+ne\s+pas\b|\bil\s+n['’]est\s+pas\s+recommandé\b)|\bil\s+convient\b|\bil\s+est\s+recommandé\b|\bil\s+est\s+conseillé\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchRecommendation();

    // « ne peut pas » is an impossibility (below); « peut-être » is not a verbal form at all.
    [GeneratedRegex(@"(?<neg>\bn['’](?:est|sont)\s+pas\s+tenue?s?\s+de\b|\bn['’](?:est|sont)\s+pas\s+obligée?s?\s+de\b)|(?<!\bne\s+)\b(?:peut|peuvent)\b(?!-être)|\bil\s+est\s+(?:admis|permis)\b|\best\s+autorisée?s?\s+à\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchPermission();

    [GeneratedRegex(@"(?<neg>\bne\s+(?:peut|peuvent)\b|\bil\s+est\s+impossible\b)|\bil\s+est\s+possible\b|\b(?:est|sont)\s+en\s+mesure\s+de\b|\b(?:est|sont)\s+capables?\s+de\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchPossibility();
}
