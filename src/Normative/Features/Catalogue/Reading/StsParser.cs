using System.Globalization;
using System.Net;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// Reads an ISO STS or NISO STS document: the front matter (iso-meta, std-meta, reg-meta, nat-meta),
/// the clauses of the front, body and back in reading order with their numbers, titles, stable
/// anchors and content rendered to safe HTML, and the terms of every term-sec (TBX) per language.
/// </summary>
public static class StsParser
{
    private static readonly XNamespace Xml = XNamespace.Xml;

    public static StsDocument Parse(byte[] bytes, string file) => Parse(StsXml.Load(bytes, file), file);

    /// <summary>
    /// The document; <paramref name="graphics"/> gives the address of each graphic the package holds
    /// (by its xlink:href), the others show their name.
    /// </summary>
    public static StsDocument Parse(XDocument doc, string file, IReadOnlyDictionary<string, string>? graphics = null)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var root = doc.Root ?? throw new StsFormatException(file, 1, "the file has no root element");
        if (root.Name.LocalName is not ("standard" or "adoption"))
        {
            throw new StsFormatException(file, LineOf(root), $"not an STS document: the root element is <{root.Name.LocalName}>, not <standard> or <adoption>");
        }
        var metas = root.Descendants()
            .Where(e => e.Name.LocalName is "iso-meta" or "std-meta" or "reg-meta" or "nat-meta")
            .Select(ReadMeta)
            .ToList();
        if (metas.Count == 0)
        {
            throw new StsFormatException(file, LineOf(root), "no front matter: an STS document has iso-meta, std-meta, reg-meta or nat-meta");
        }
        var language = LanguageOf(metas);
        var standard = root.Name.LocalName == "standard" ? root : root.Descendants().LastOrDefault(e => e.Name.LocalName == "standard") ?? root;

        var plans = new List<Plan>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        var front = standard.Elements().FirstOrDefault(e => e.Name.LocalName == "front");
        if (front is not null)
        {
            PlanClauses(front.Elements().Where(e => e.Name.LocalName == "sec"), 1, null, plans, anchors, targets, language, looseAllowed: false);
        }
        foreach (var part in standard.Elements().Where(e => e.Name.LocalName is "body" or "back"))
        {
            PlanClauses(part.Nodes(), 1, null, plans, anchors, targets, language, looseAllowed: true);
        }

        var clauses = new List<StsClause>(plans.Count);
        var terms = new List<StsTerm>();
        foreach (var plan in plans)
        {
            var html = new StsHtml(language, targets, graphics);
            var rendered = new StringBuilder();
            var plain = new StringBuilder();
            var content = new List<XNode>();
            void Flush()
            {
                if (content.Count > 0)
                {
                    var (h, p) = html.Render(content);
                    rendered.Append(h);
                    plain.Append(p).Append(' ');
                    content.Clear();
                }
            }
            foreach (var node in plan.Content)
            {
                if (node is XElement { Name.LocalName: "termEntry" } entry)
                {
                    Flush();
                    var (h, p) = TermEntry(entry, plan, language, targets, graphics, terms, file);
                    rendered.Append(h);
                    plain.Append(p).Append(' ');
                }
                else
                {
                    content.Add(node);
                }
            }
            Flush();
            var title = plan.Title ?? (plan.Element?.Name.LocalName == "term-sec"
                ? terms.Where(t => t.ClauseAnchor == plan.Anchor && t.Status == TermStatus.Preferred).OrderBy(t => t.Language == language ? 0 : 1).FirstOrDefault()?.Term
                : null);
            clauses.Add(new StsClause(plan.Anchor, plan.Number, title, plan.Level, plan.Kind, ClauseRules.IsPreview(plan.Kind),
                StsSanitizer.Sanitize(rendered.ToString()), StsHtml.Collapse(plain.ToString())));
        }
        return new StsDocument(metas, language, clauses, terms);
    }

    /// <summary>The file names the document's graphics give (xlink:href), each once, in reading order.</summary>
    public static IReadOnlyList<string> GraphicNames(XDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        XNamespace xlink = "http://www.w3.org/1999/xlink";
        return [.. doc.Descendants().Where(e => e.Name.LocalName is "graphic" or "inline-graphic")
            .Select(e => e.Attribute(xlink + "href")?.Value).Where(h => !string.IsNullOrWhiteSpace(h)).Select(h => h!).Distinct(StringComparer.Ordinal)];
    }

    private sealed record Plan(XElement? Element, string? Number, string? Title, short Level, ClauseKind Kind, string Anchor, List<XNode> Content);

    private static readonly HashSet<string> Sectioning = ["sec", "app", "term-sec", "ref-list", "app-group", "fn-group"];

    private static void PlanClauses(IEnumerable<XNode> nodes, short level, ClauseKind? inherited, List<Plan> plans, HashSet<string> anchors,
        Dictionary<string, string> targets, string language, bool looseAllowed)
    {
        List<XNode>? loose = null;
        foreach (var node in nodes)
        {
            if (node is XElement e && e.Name.LocalName == "app-group")
            {
                PlanClauses(e.Nodes(), level, inherited, plans, anchors, targets, language, looseAllowed);
                continue;
            }
            if (node is XElement s && s.Name.LocalName is "sec" or "app" or "term-sec" || (level == 1 && node is XElement { Name.LocalName: "ref-list" or "fn-group" }))
            {
                var section = (XElement)node;
                loose = null;
                var number = Value(section.Element("label"));
                var title = Value(section.Element("title"));
                if (section.Name.LocalName == "app" && Value(section.Element("annex-type")) is { } annexType && title is not null)
                {
                    title = $"{annexType} {title}";
                }
                var kind = inherited
                    ?? (section.Name.LocalName == "fn-group" ? ClauseKind.Clause : ClauseRules.KindOf(section.Name.LocalName, section.Attribute("sec-type")?.Value ?? section.Attribute("content-type")?.Value, title, number));
                // A term entry without a number or id of its own is known by its entry's id.
                var xmlId = section.Attribute("id")?.Value ?? section.Elements().FirstOrDefault(c => c.Name.LocalName == "termEntry")?.Attribute("id")?.Value;
                var anchor = Unique(ClauseRules.AnchorOf(number, kind, xmlId), anchors);
                if (section.Attribute("id")?.Value is { Length: > 0 } id)
                {
                    targets[id] = anchor;
                }
                foreach (var entry in section.Elements().Where(c => c.Name.LocalName == "termEntry"))
                {
                    if (entry.Attribute("id")?.Value is { Length: > 0 } entryId)
                    {
                        targets.TryAdd(entryId, anchor);
                    }
                    foreach (var term in entry.Descendants().Where(t => t.Name.LocalName == "term" && t.Attribute("id") is not null))
                    {
                        targets.TryAdd(term.Attribute("id")!.Value, anchor);
                    }
                }
                var isFnGroup = section.Name.LocalName == "fn-group";
                var children = section.Nodes()
                    .Where(n => isFnGroup || n is not XElement { Name.LocalName: "label" or "title" or "annex-type" or "sec" or "app" or "term-sec" })
                    .ToList();
                plans.Add(new Plan(section, number, title, level, kind, anchor, children));
                if (!isFnGroup)
                {
                    PlanClauses(section.Elements().Where(c => c.Name.LocalName is "sec" or "app" or "term-sec"), (short)(level + 1), kind, plans, anchors, targets, language, looseAllowed: false);
                }
                continue;
            }
            if (!looseAllowed || node is XText { Value: var text } && string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            // Content outside any section (a body of bare paragraphs) is a clause of its own.
            if (loose is null)
            {
                loose = [];
                plans.Add(new Plan(null, null, null, level, inherited ?? ClauseKind.Clause, Unique("sec", anchors), loose));
            }
            loose.Add(node);
        }
    }

    private static (string Html, string Plain) TermEntry(XElement entry, Plan plan, string language, IReadOnlyDictionary<string, string> targets,
        IReadOnlyDictionary<string, string>? graphics, List<StsTerm> terms, string file)
    {
        var concept = entry.Attribute("id")?.Value is { Length: > 0 } id ? id : plan.Number ?? plan.Anchor;
        var html = new StringBuilder();
        var plain = new StringBuilder();
        var langSets = entry.Elements().Where(e => e.Name.LocalName == "langSet").ToList();
        var any = false;
        foreach (var langSet in langSets)
        {
            var lang = Language(langSet.Attribute(Xml + "lang")?.Value) ?? language;
            var r = new StsHtml(lang, targets, graphics);
            var definition = Part(langSet, "definition", r);
            var notes = langSet.Elements().Where(e => e.Name.LocalName == "note").Select(n => r.Render(n.Nodes())).ToList();
            var examples = langSet.Elements().Where(e => e.Name.LocalName == "example").Select(n => r.Render(n.Nodes())).ToList();
            var sources = langSet.Elements().Where(e => e.Name.LocalName == "source").Select(s => StsHtml.Collapse(s.Value)).Where(s => s.Length > 0).ToList();
            var source = sources.Count == 0 ? null : string.Join("; ", sources);

            html.Append("<div class=\"term-entry\" lang=\"").Append(WebUtility.HtmlEncode(lang)).Append("\">");
            var first = true;
            foreach (var tig in langSet.Elements().Where(e => e.Name.LocalName is "tig" or "ntig"))
            {
                var termElement = tig.Descendants().FirstOrDefault(e => e.Name.LocalName == "term");
                var term = termElement is null ? "" : StsHtml.Collapse(termElement.Value);
                if (term.Length == 0)
                {
                    continue;
                }
                var status = tig.Descendants().FirstOrDefault(e => e.Name.LocalName == "normativeAuthorization")?.Attribute("value")?.Value switch
                {
                    "preferredTerm" => TermStatus.Preferred,
                    "admittedTerm" => TermStatus.Admitted,
                    "deprecatedTerm" => TermStatus.Deprecated,
                    _ => first ? TermStatus.Preferred : TermStatus.Admitted,
                };
                first = false;
                any = true;
                var encoded = WebUtility.HtmlEncode(term);
                html.Append(status switch
                {
                    TermStatus.Preferred => $"<p class=\"term preferred\"><dfn>{encoded}</dfn></p>",
                    TermStatus.Admitted => $"<p class=\"term admitted\">{encoded}</p>",
                    _ => $"<p class=\"term deprecated\">{WebUtility.HtmlEncode(r.Word("deprecated"))}: {encoded}</p>",
                });
                plain.Append(term).Append(' ');
                terms.Add(new StsTerm(concept, plan.Number, plan.Anchor, lang, term, status, StsSanitizer.Sanitize(definition.Html),
                    [.. notes.Select(n => StsSanitizer.Sanitize(n.Html))], [.. examples.Select(x => StsSanitizer.Sanitize(x.Html))], source));
            }
            if (definition.Html.Length > 0)
            {
                html.Append("<p class=\"definition\">").Append(definition.Html).Append("</p>");
                plain.Append(definition.Plain).Append(' ');
            }
            foreach (var example in examples)
            {
                html.Append("<div class=\"example\"><span class=\"label\">").Append(WebUtility.HtmlEncode(r.Word("example"))).Append("</span> ").Append(example.Html).Append("</div>");
                plain.Append(example.Plain).Append(' ');
            }
            for (var i = 0; i < notes.Count; i++)
            {
                var label = string.Format(CultureInfo.InvariantCulture, r.Word("note-entry"), i + 1);
                html.Append("<div class=\"note\"><span class=\"label\">").Append(WebUtility.HtmlEncode(label)).Append(":</span> ").Append(notes[i].Html).Append("</div>");
                plain.Append(notes[i].Plain).Append(' ');
            }
            if (source is not null)
            {
                html.Append("<p class=\"source\">[").Append(WebUtility.HtmlEncode(r.Word("source"))).Append(": ").Append(WebUtility.HtmlEncode(source)).Append("]</p>");
            }
            html.Append("</div>");
        }
        if (!any)
        {
            throw new StsFormatException(file, LineOf(entry), "a term entry without a term (tbx:termEntry needs a tbx:tig with a tbx:term)");
        }
        return (html.ToString(), plain.ToString());
    }

    private static (string Html, string Plain) Part(XElement langSet, string name, StsHtml renderer)
    {
        var part = langSet.Elements().FirstOrDefault(e => e.Name.LocalName == name);
        return part is null ? ("", "") : renderer.Render(part.Nodes());
    }

    private static StsMeta ReadMeta(XElement meta)
    {
        var level = meta.Name.LocalName switch
        {
            "reg-meta" => AdoptionLevel.Regional,
            "nat-meta" => AdoptionLevel.National,
            _ => AdoptionLevel.International,
        };
        var ident = meta.Element("std-ident");
        var docIdent = meta.Element("doc-ident");
        var originator = Meaningful(meta.Attribute("originator")?.Value) ?? Meaningful(Value(ident?.Element("originator"))) ?? Meaningful(Value(docIdent?.Element("sdo")));
        var refs = meta.Elements("std-ref").ToList();
        var reference = Meaningful(Value(refs.FirstOrDefault(r => r.Attribute("type")?.Value == "dated")))
            ?? refs.Select(Value).Select(Meaningful).FirstOrDefault(r => r is not null)
            ?? Meaningful(Value(meta.Element("doc-ref")));
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var wrap in meta.Elements("title-wrap"))
        {
            var lang = Language(wrap.Attribute(Xml + "lang")?.Value) ?? Language(Value(meta.Element("content-language"))) ?? "en";
            var title = Value(wrap.Element("full"))
                ?? string.Join(" — ", new[] { "intro", "main", "compl" }.Select(p => Value(wrap.Element(p))).Where(p => p is not null));
            if (!string.IsNullOrWhiteSpace(title))
            {
                titles.TryAdd(lang, title);
            }
        }
        var language = Language(Value(meta.Element("content-language"))) ?? Language(Value(docIdent?.Element("language")));
        var edition = int.TryParse(Value(ident?.Element("edition")) ?? Value(meta.Element("edition")), NumberStyles.None, CultureInfo.InvariantCulture, out var ed) && ed is > 0 and < 1000 ? ed : (int?)null;
        var released = DateOnly.TryParseExact(Value(meta.Element("release-date")) ?? Value(meta.Element("pub-date")) ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : (DateOnly?)null;
        return new StsMeta(level, originator, reference, Meaningful(Value(docIdent?.Element("urn"))), language, titles, edition,
            Meaningful(Value(ident?.Element("doc-type"))), Meaningful(Value(meta.Element("comm-ref"))), released, LineOf(meta));
    }

    private static string LanguageOf(IReadOnlyList<StsMeta> metas) =>
        metas.OrderByDescending(m => m.Level).Select(m => m.Language).FirstOrDefault(l => l is not null)
        ?? metas.SelectMany(m => m.Titles.Keys).FirstOrDefault()
        ?? "en";

    /// <summary>A two- or three-letter language code ("en", "fr"), or null for anything else ("N/A", "").</summary>
    private static string? Language(string? value)
    {
        value = value?.Trim().ToLowerInvariant();
        if (value is null)
        {
            return null;
        }
        var code = value.Split('-', '_')[0];
        return code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower) ? code : null;
    }

    private static string? Meaningful(string? value) => value is null or "N/A" or "n/a" || value.Trim('?', ' ').Length == 0 ? null : value;

    private static string? Value(XElement? e) => e is null ? null : StsHtml.Collapse(e.Value) is { Length: > 0 } v ? v : null;

    private static string Unique(string anchor, HashSet<string> taken)
    {
        if (taken.Add(anchor))
        {
            return anchor;
        }
        for (var i = 2; ; i++)
        {
            var candidate = $"{anchor}-{i}";
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    private static int LineOf(XObject o) => o is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
