using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Normative.Features.Catalogue.Provisions;

/// <summary>
/// Finds the provisions of a clause by the verbal forms of the ISO/IEC Directives, Part 2 (clause 7,
/// tables 3 to 6), in English and French: each sentence that holds one is a provision of the
/// strongest kind it holds (a requirement before a recommendation, a permission, a possibility).
/// Notes, examples and footnotes are left out: the Directives say they hold no requirements. A list
/// introduced by a verbal form ("shall:") gives one provision per item; French « peut » is a
/// permission or a possibility by its sense (<see cref="FrenchPeutIsPossibility"/>).
/// </summary>
public static partial class ProvisionRules
{
    /// <summary>Languages whose verbal forms the Directives give (and this class knows).</summary>
    public static bool Supports(string language) => language is "en" or "fr";

    /// <summary>
    /// The provisions of a clause's rendered HTML, in reading order. A sentence that introduces a
    /// list with a verbal form ("The device shall:", « Le dispositif doit : ») is not a provision
    /// itself: each item of the list that follows is one, of the introduction's kind (or of its own
    /// when the item holds a verbal form), its text the introduction followed by the item.
    /// </summary>
    public static IReadOnlyList<FoundProvision> Find(string html, string language)
    {
        ArgumentNullException.ThrowIfNull(html);
        if (!Supports(language) || html.Length == 0)
        {
            return [];
        }
        var found = new List<FoundProvision>();
        FoundProvision? introduction = null;
        var itemsIntroduced = 0;
        foreach (var block in ListedBlocks(html))
        {
            if (introduction is not null && !block.InList)
            {
                EndIntroduction();
            }
            if (introduction is not null)
            {
                var item = Collapse(block.Text);
                var own = Classify(item, language);
                found.Add(new FoundProvision(own?.Kind ?? introduction.Kind, own?.Negative ?? introduction.Negative, introduction.Text + " " + item));
                itemsIntroduced++;
                continue;
            }
            var sentences = Sentences(block.Text);
            for (var i = 0; i < sentences.Count; i++)
            {
                if (Classify(sentences[i], language) is not { } form)
                {
                    continue;
                }
                var provision = new FoundProvision(form.Kind, form.Negative, sentences[i]);
                if (i == sentences.Count - 1 && !block.InList && sentences[i].EndsWith(':'))
                {
                    introduction = provision;
                    itemsIntroduced = 0;
                }
                else
                {
                    found.Add(provision);
                }
            }
        }
        if (introduction is not null)
        {
            EndIntroduction();
        }
        return found;

        // An introduction no list follows is a provision of its own.
        void EndIntroduction()
        {
            if (itemsIntroduced == 0)
            {
                found.Add(introduction!);
            }
            introduction = null;
        }
    }

    /// <summary>
    /// The strongest verbal form in one sentence, or null when it holds none. In French, « peut » is
    /// both the permission of table 5 (« est autorisé à ») and the possibility of table 6 (« il est
    /// possible que », « est capable de »): see <see cref="FrenchPeutIsPossibility"/>.
    /// </summary>
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
            if (language == "fr" && kind == ProvisionKind.Permission)
            {
                if (FrenchPermissionOrPossibility(sentence) is { } peut)
                {
                    return peut;
                }
                continue;
            }
            var match = regex.Match(sentence);
            if (match.Success)
            {
                return (kind, match.Groups["neg"].Success);
            }
        }
        return null;
    }

    /// <summary>
    /// A French sentence's permission, or the possibility its « peut » expresses when every « peut »
    /// in it has the sense of « il est possible que » (<see cref="FrenchPeutIsPossibility"/>).
    /// </summary>
    private static (ProvisionKind Kind, bool Negative)? FrenchPermissionOrPossibility(string sentence)
    {
        var possibilities = FrenchPeutPossibility().Matches(sentence);
        var peutAsPossibility = false;
        foreach (Match match in FrenchPermission().Matches(sentence))
        {
            var isPeut = match.Value.StartsWith("peu", StringComparison.OrdinalIgnoreCase);
            if (!isPeut || !possibilities.Any(p => p.Index <= match.Index && match.Index < p.Index + p.Length))
            {
                return (ProvisionKind.Permission, match.Groups["neg"].Success);
            }
            peutAsPossibility = true;
        }
        return peutAsPossibility ? (ProvisionKind.Possibility, false) : null;
    }

    /// <summary>
    /// Whether « peut »/« peuvent » in a French sentence is a possibility rather than a permission.
    /// The ISO/IEC Directives, Part 2 (tables 5 and 6) give « peut » for both and tell them apart by
    /// sense: permission is « est autorisé à » (a party may choose: « le fournisseur peut répéter
    /// l'essai », « l'essai peut être répété »), possibility is « il est possible que » or « est
    /// capable de » (something may happen). A text gives the sense away only by the words around
    /// « peut », so this rule reads it as a possibility when
    /// <list type="bullet">
    /// <item>it is « il se peut que », or its subject is a fact rather than a party (« cela peut »,
    /// « ceci peut », « ce qui peut »);</item>
    /// <item>the verb after it (past « également », « aussi », « parfois » …) says what may happen
    /// rather than what someone may do: entraîner, provoquer, causer, conduire à, affecter, varier,
    /// se produire, survenir, dépendre, différer, influencer, réduire, endommager, dépasser …;</item>
    /// <item>it is followed by « être » and an adjective of state or a participle of such a verb
    /// (« peut être nécessaire », « peut être difficile », « peut être endommagé »).</item>
    /// </list>
    /// Otherwise it stays a permission, the sense the Directives give first and the one a
    /// translation of "may" carries. A sentence with both senses counts once, as a permission.
    /// </summary>
    public static bool FrenchPeutIsPossibility(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        return FrenchPermissionOrPossibility(sentence) is (ProvisionKind.Possibility, _);
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
    public static IReadOnlyList<string> Blocks(string html) => [.. ListedBlocks(html).Select(b => b.Text)];

    /// <summary>A block's text and whether it is (part of) a list item.</summary>
    private sealed record Block(string Text, bool InList);

    private static List<Block> ListedBlocks(string html)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
        var blocks = new List<Block>();
        var current = new StringBuilder();
        var lists = 0;
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
                    // A list item's paragraph goes with the item's label ("a) be red;"), as one block.
                    case IElement e when IsBlock(e.LocalName) && !(e.LocalName == "p" && e.ParentElement?.LocalName == "li"):
                        Flush();
                        var list = e.LocalName is "ul" or "ol";
                        lists += list ? 1 : 0;
                        Walk(e);
                        Flush();
                        lists -= list ? 1 : 0;
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
                blocks.Add(new Block(text, lists > 0));
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

    // What may happen, not what someone may do: see FrenchPeutIsPossibility.
    [GeneratedRegex(@"\bil\s+se\s+peut\b|\b(?:cela|ceci|ça|ce\s+qui)\s+(?:peut|peuvent)\b|\b(?:peut|peuvent)\s+(?:(?:également|aussi|parfois|alors|donc|ainsi|notamment|toutefois|cependant|néanmoins|souvent|éventuellement|en\s+outre|en\s+effet)\s+)*(?:(?:s['’]|se\s+)?(?:entraîn|provoqu|caus|condui|men|affect|altér|nui|vari|produi|surven|survien|appara|dépend|différ|influ|résult|augment|diminu|rédui|endommag|dépass|atteind|deven|devien|sembl|donne\w*\s+lieu|compromet|fauss|exist|arriv|gên|perturb|dégrad|empêch|interfér|engendr|masqu)\w*|être\s+(?:nécessaire|utile|difficile|dangereu|important|impossible|possible|souhaitable|préférable|insuffisant|inexact|différent|supérieur|inférieur|élevé|faible|endommag|affect|altér|influenc|contamin|perturb|dégrad|modifi[ée]e?s?\s+par|compromis)\w*)", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchPeutPossibility();

    [GeneratedRegex(@"(?<neg>\bne\s+(?:peut|peuvent)\b|\bil\s+est\s+impossible\b)|\bil\s+est\s+possible\b|\b(?:est|sont)\s+en\s+mesure\s+de\b|\b(?:est|sont)\s+capables?\s+de\b", RegexOptions.IgnoreCase)]
    private static partial Regex FrenchPossibility();
}
