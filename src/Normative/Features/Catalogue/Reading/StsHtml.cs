using System.Net;
using System.Text;
using System.Xml.Linq;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// Renders STS content (JATS-like paragraphs, lists, notes, XHTML and OASIS/CALS tables, MathML,
/// figures, footnotes, cross-references, TBX) as HTML. Safe by construction: only the elements and
/// attributes written here come out, text is encoded, links are http(s), mailto or in-page; the
/// result also goes through <see cref="StsSanitizer"/>. The plain text is collected alongside.
/// </summary>
internal sealed class StsHtml(string language, IReadOnlyDictionary<string, string> targets, IReadOnlyDictionary<string, string>? graphics = null)
{
    private static readonly XNamespace MathMl = "http://www.w3.org/1998/Math/MathML";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private static readonly HashSet<string> MathElements =
    [
        "math", "mi", "mn", "mo", "ms", "mspace", "mtext", "mrow", "mfrac", "msqrt", "mroot", "mstyle", "merror",
        "mpadded", "mphantom", "mfenced", "menclose", "msub", "msup", "msubsup", "munder", "mover", "munderover",
        "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr", "semantics", "annotation",
    ];

    private static readonly HashSet<string> MathAttributes =
    [
        "mathvariant", "display", "displaystyle", "scriptlevel", "stretchy", "fence", "separator", "lspace", "rspace",
        "accent", "accentunder", "linethickness", "open", "close", "separators", "notation", "columnalign", "rowalign",
        "columnspan", "rowspan", "form", "largeop", "movablelimits", "symmetric", "width", "height", "depth",
    ];

    private readonly StringBuilder _html = new();
    private readonly StringBuilder _plain = new();
    private readonly List<string> _footnotes = [];
    private int _preformatted;

    public string Language => language;

    /// <summary>The words the renderer writes itself (NOTE, EXAMPLE, SOURCE …), in the text's language.</summary>
    public string Word(string key) => (language, key) switch
    {
        ("fr", "note") => "NOTE",
        ("fr", "example") => "EXEMPLE",
        ("fr", "note-entry") => "Note {0} à l'article",
        ("fr", "source") => "SOURCE",
        ("fr", "deprecated") => "DÉCONSEILLÉ",
        ("fr", "admitted") => "",
        (_, "note") => "NOTE",
        (_, "example") => "EXAMPLE",
        (_, "note-entry") => "Note {0} to entry",
        (_, "source") => "SOURCE",
        (_, "deprecated") => "DEPRECATED",
        _ => "",
    };

    public (string Html, string Plain) Render(IEnumerable<XNode> nodes)
    {
        _html.Clear();
        _plain.Clear();
        _footnotes.Clear();
        Nodes(nodes);
        if (_footnotes.Count > 0)
        {
            _html.Append("<aside class=\"footnotes\">");
            foreach (var f in _footnotes)
            {
                _html.Append(f);
            }
            _html.Append("</aside>");
        }
        return (_html.ToString(), Collapse(_plain.ToString()));
    }

    private void Nodes(IEnumerable<XNode> nodes)
    {
        foreach (var node in nodes)
        {
            Node(node);
        }
    }

    private void Node(XNode node)
    {
        switch (node)
        {
            case XText t:
                Text(t.Value);
                break;
            case XElement e:
                Element(e);
                break;
        }
    }

    private void Text(string value)
    {
        if (_preformatted == 0)
        {
            value = CollapseKeepEdges(value);
        }
        _html.Append(WebUtility.HtmlEncode(value));
        _plain.Append(value);
    }

    private void Block(string tag, XElement e, string? cssClass = null)
    {
        Open(tag, e, cssClass);
        Nodes(e.Nodes());
        Close(tag);
    }

    private void Inline(string tag, XElement e, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(cssClass).Append('"');
        }
        _html.Append('>');
        Nodes(e.Nodes());
        _html.Append("</").Append(tag).Append('>');
    }

    private void Open(string tag, XElement? e, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (e?.Attribute("id")?.Value is { Length: > 0 } id)
        {
            _html.Append(" id=\"").Append(WebUtility.HtmlEncode(Target(id))).Append('"');
        }
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(cssClass).Append('"');
        }
        _html.Append('>');
    }

    private void Close(string tag)
    {
        _html.Append("</").Append(tag).Append('>');
        _plain.Append(' ');
    }

    private string Target(string xmlId) => targets.TryGetValue(xmlId, out var anchor) ? anchor : ClauseRules.Safe(xmlId);

    private void Element(XElement e)
    {
        if (e.Name.Namespace == MathMl)
        {
            Math(e);
            return;
        }
        switch (e.Name.LocalName)
        {
            case "p":
                Block("p", e);
                break;
            case "list":
                List(e);
                break;
            case "def-list":
                DefinitionList(e);
                break;
            case "non-normative-note":
                Labelled(e, "note", Word("note"));
                break;
            case "non-normative-example":
                Labelled(e, "example", Word("example"));
                break;
            case "italic":
                Inline("i", e);
                break;
            case "bold":
                Inline("strong", e);
                break;
            case "sub":
                Inline("sub", e);
                break;
            case "sup":
                Inline("sup", e);
                break;
            case "underline":
                Inline("u", e);
                break;
            case "monospace" or "code":
                Inline("code", e);
                break;
            case "sc":
                Inline("span", e, "smallcaps");
                break;
            case "strike":
                Inline("s", e);
                break;
            case "break":
                _html.Append("<br>");
                _plain.Append(' ');
                break;
            case "std" or "std-ref":
                Inline("cite", e, "std");
                break;
            case "xref":
                CrossReference(e);
                break;
            case "ext-link" or "uri":
                ExternalLink(e, e.Attribute(XLink + "href")?.Value ?? e.Value);
                break;
            case "email":
                ExternalLink(e, "mailto:" + e.Value.Trim());
                break;
            case "fn":
                Footnote(e);
                break;
            case "fn-group":
                foreach (var fn in e.Elements().Where(c => c.Name.LocalName == "fn"))
                {
                    Footnote(fn);
                }
                break;
            case "table-wrap":
                TableWrap(e);
                break;
            case "table" or "array":
                Table(e);
                break;
            case "disp-formula":
                Formula(e);
                break;
            case "inline-formula":
                Inline("span", e, "formula");
                break;
            case "tex-math":
                Inline("code", e, "tex");
                break;
            case "fig":
                Figure(e);
                break;
            case "graphic" or "inline-graphic":
                Graphic(e);
                break;
            case "preformat":
                _preformatted++;
                Block("pre", e);
                _preformatted--;
                break;
            case "ref-list":
                References(e);
                break;
            case "ref":
                Reference(e);
                break;
            case "label" or "title":
                Inline("span", e, e.Name.LocalName);
                _plain.Append(' ');
                break;
            case "caption":
                Nodes(e.Nodes());
                break;
            case "entailedTerm":
                EntailedTerm(e);
                break;
            case "termEntry":
                TermEntry(e);
                break;
            case "disp-quote":
                Block("blockquote", e);
                break;
            case "object-id" or "alt-text" or "long-desc" or "partOfSpeech" or "normativeAuthorization" or "termType"
                or "grammaticalGender" or "grammaticalNumber" or "pronunciation" or "geographicalUsage" or "subjectField"
                or "custom-meta-group" or "permissions":
                break;
            default:
                // An element this renderer does not know shows its text: nothing of the standard is lost.
                Nodes(e.Nodes());
                break;
        }
    }

    private void List(XElement e)
    {
        Open("ul", e, "list");
        foreach (var item in e.Elements())
        {
            if (item.Name.LocalName != "list-item")
            {
                Element(item);
                continue;
            }
            Open("li", item);
            if (item.Element("label") is { } label)
            {
                _html.Append("<span class=\"label\">").Append(WebUtility.HtmlEncode(Collapse(label.Value))).Append("</span> ");
                _plain.Append(label.Value).Append(' ');
            }
            Nodes(item.Nodes().Where(n => n is not XElement { Name.LocalName: "label" }));
            Close("li");
        }
        Close("ul");
    }

    private void DefinitionList(XElement e)
    {
        Open("dl", e);
        foreach (var item in e.Elements())
        {
            if (item.Name.LocalName != "def-item")
            {
                continue;
            }
            foreach (var part in item.Elements())
            {
                if (part.Name.LocalName == "term")
                {
                    Block("dt", part);
                }
                else if (part.Name.LocalName == "def")
                {
                    Block("dd", part);
                }
            }
        }
        Close("dl");
    }

    private void Labelled(XElement e, string cssClass, string word)
    {
        Open("div", e, cssClass);
        var label = e.Element("label")?.Value is { Length: > 0 } l ? Collapse(l) : word;
        _html.Append("<span class=\"label\">").Append(WebUtility.HtmlEncode(label)).Append("</span> ");
        _plain.Append(label).Append(' ');
        Nodes(e.Nodes().Where(n => n is not XElement { Name.LocalName: "label" }));
        Close("div");
    }

    private void CrossReference(XElement e)
    {
        var rid = (e.Attribute("rid")?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (rid is null)
        {
            Nodes(e.Nodes());
            return;
        }
        var fragment = Target(rid);
        _html.Append("<a class=\"xref\" href=\"#").Append(WebUtility.HtmlEncode(fragment)).Append("\">");
        if (e.Nodes().Any())
        {
            Nodes(e.Nodes());
        }
        else
        {
            Text(rid);
        }
        _html.Append("</a>");
    }

    private void ExternalLink(XElement e, string href)
    {
        href = href.Trim();
        var safe = Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";
        if (safe)
        {
            _html.Append("<a href=\"").Append(WebUtility.HtmlEncode(uri!.AbsoluteUri)).Append("\">");
        }
        Nodes(e.Nodes());
        if (safe)
        {
            _html.Append("</a>");
        }
    }

    private void Footnote(XElement fn)
    {
        var id = ClauseRules.Safe(fn.Attribute("id")?.Value ?? $"fn{_footnotes.Count + 1}");
        var label = fn.Element("label")?.Value is { Length: > 0 } l ? Collapse(l) : (_footnotes.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        _html.Append("<sup class=\"fnref\"><a href=\"#").Append(WebUtility.HtmlEncode(id)).Append("\" id=\"ref-").Append(WebUtility.HtmlEncode(id)).Append("\">")
            .Append(WebUtility.HtmlEncode(label)).Append("</a></sup>");
        // The footnote's text is written at the end of the clause, not inside the paragraph.
        var inner = new StsHtml(language, targets, graphics);
        var (html, plain) = inner.Render(fn.Nodes().Where(n => n is not XElement { Name.LocalName: "label" }));
        _footnotes.Add($"<div class=\"footnote\" id=\"{WebUtility.HtmlEncode(id)}\"><span class=\"label\">{WebUtility.HtmlEncode(label)}</span> {html}</div>");
        _plain.Append(' ').Append(plain).Append(' ');
    }

    private void TableWrap(XElement e)
    {
        Open("figure", e, "table");
        Caption(e);
        foreach (var child in e.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "label" or "caption":
                    break;
                case "table-wrap-foot":
                    Block("div", child, "table-foot");
                    break;
                default:
                    Element(child);
                    break;
            }
        }
        Close("figure");
    }

    private void Caption(XElement e)
    {
        var label = e.Element("label");
        var caption = e.Element("caption");
        if (label is null && caption is null)
        {
            return;
        }
        _html.Append("<figcaption>");
        if (label is not null)
        {
            _html.Append("<span class=\"label\">");
            Nodes(label.Nodes());
            _html.Append("</span>");
            _plain.Append(' ');
        }
        if (caption is not null)
        {
            if (label is not null)
            {
                _html.Append(" — ");
            }
            foreach (var c in caption.Elements())
            {
                if (c.Name.LocalName == "title")
                {
                    Nodes(c.Nodes());
                    _plain.Append(' ');
                }
                else
                {
                    Element(c);
                }
            }
        }
        _html.Append("</figcaption>");
    }

    private void Table(XElement e)
    {
        if (e.Elements().Any(c => c.Name.LocalName == "tgroup"))
        {
            CalsTable(e);
            return;
        }
        Open("table", e);
        foreach (var part in e.Elements())
        {
            switch (part.Name.LocalName)
            {
                case "thead" or "tbody" or "tfoot":
                    Open(part.Name.LocalName, null);
                    foreach (var row in part.Elements().Where(r => r.Name.LocalName == "tr"))
                    {
                        Row(row, part.Name.LocalName == "thead");
                    }
                    Close(part.Name.LocalName);
                    break;
                case "tr":
                    Row(part, false);
                    break;
                case "caption":
                    Block("caption", part);
                    break;
            }
        }
        Close("table");
    }

    private void Row(XElement row, bool head)
    {
        _html.Append("<tr>");
        foreach (var cell in row.Elements())
        {
            var tag = cell.Name.LocalName;
            if (tag is not ("th" or "td"))
            {
                continue;
            }
            var scope = cell.Attribute("scope")?.Value;
            if (tag == "th" && scope is not ("col" or "row" or "colgroup" or "rowgroup"))
            {
                scope = head ? "col" : "row";
            }
            Cell(tag, cell, Number(cell.Attribute("colspan")?.Value), Number(cell.Attribute("rowspan")?.Value), tag == "th" ? scope : null, cell.Attribute("align")?.Value);
        }
        Close("tr");
    }

    private void CalsTable(XElement table)
    {
        Open("table", table, "cals");
        foreach (var group in table.Elements().Where(g => g.Name.LocalName == "tgroup"))
        {
            var columns = group.Elements().Where(c => c.Name.LocalName == "colspec")
                .Select((c, i) => (Name: c.Attribute("colname")?.Value ?? $"c{i + 1}", Index: Number(c.Attribute("colnum")?.Value) ?? i + 1))
                .ToDictionary(c => c.Name, c => c.Index, StringComparer.Ordinal);
            foreach (var part in group.Elements())
            {
                var name = part.Name.LocalName;
                if (name is not ("thead" or "tbody" or "tfoot"))
                {
                    continue;
                }
                Open(name, null);
                foreach (var row in part.Elements().Where(r => r.Name.LocalName == "row"))
                {
                    _html.Append("<tr>");
                    foreach (var entry in row.Elements().Where(c => c.Name.LocalName == "entry"))
                    {
                        int? span = null;
                        if (entry.Attribute("namest")?.Value is { } start && entry.Attribute("nameend")?.Value is { } end
                            && columns.TryGetValue(start, out var s) && columns.TryGetValue(end, out var f) && f > s)
                        {
                            span = f - s + 1;
                        }
                        var rows = Number(entry.Attribute("morerows")?.Value) is { } more ? more + 1 : (int?)null;
                        Cell(name == "thead" ? "th" : "td", entry, span, rows, name == "thead" ? "col" : null, entry.Attribute("align")?.Value);
                    }
                    Close("tr");
                }
                Close(name);
            }
        }
        Close("table");
    }

    private void Cell(string tag, XElement cell, int? colspan, int? rowspan, string? scope, string? align)
    {
        _html.Append('<').Append(tag);
        if (colspan is > 1)
        {
            _html.Append(" colspan=\"").Append(colspan.Value).Append('"');
        }
        if (rowspan is > 1)
        {
            _html.Append(" rowspan=\"").Append(rowspan.Value).Append('"');
        }
        if (scope is not null)
        {
            _html.Append(" scope=\"").Append(scope).Append('"');
        }
        if (align is "center" or "right" or "left" or "justify")
        {
            _html.Append(" class=\"align-").Append(align).Append('"');
        }
        _html.Append('>');
        Nodes(cell.Nodes());
        _html.Append("</").Append(tag).Append('>');
        _plain.Append(' ');
    }

    private static int? Number(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is > 0 and < 1000 ? n : null;

    private void Formula(XElement e)
    {
        Open("div", e, "formula");
        foreach (var c in e.Nodes())
        {
            if (c is XElement { Name.LocalName: "label" } label)
            {
                _html.Append("<span class=\"formula-label\">").Append(WebUtility.HtmlEncode(Collapse(label.Value))).Append("</span>");
                _plain.Append(' ').Append(label.Value);
            }
            else
            {
                Node(c);
            }
        }
        Close("div");
    }

    private void Math(XElement e)
    {
        var name = e.Name.LocalName;
        if (!MathElements.Contains(name))
        {
            return;
        }
        if (name == "annotation")
        {
            return;
        }
        _html.Append('<').Append(name);
        if (name == "math")
        {
            _html.Append(" xmlns=\"http://www.w3.org/1998/Math/MathML\"");
        }
        foreach (var a in e.Attributes())
        {
            if (a.Name.Namespace == XNamespace.None && MathAttributes.Contains(a.Name.LocalName))
            {
                _html.Append(' ').Append(a.Name.LocalName).Append("=\"").Append(WebUtility.HtmlEncode(a.Value)).Append('"');
            }
        }
        _html.Append('>');
        foreach (var n in e.Nodes())
        {
            if (n is XText t)
            {
                var v = t.Value.Trim();
                _html.Append(WebUtility.HtmlEncode(v));
                _plain.Append(v);
            }
            else if (n is XElement c)
            {
                Math(c);
            }
        }
        _html.Append("</").Append(name).Append('>');
    }

    private void Figure(XElement e)
    {
        Open("figure", e, "figure");
        foreach (var child in e.Elements())
        {
            if (child.Name.LocalName is not ("label" or "caption"))
            {
                Element(child);
            }
        }
        Caption(e);
        Close("figure");
    }

    /// <summary>
    /// An image the package holds, at its address (see <see cref="TextGraphicEndpoint.Path"/>), its alternative
    /// text its own alt-text or else its figure's label and caption; a graphic the package lacks
    /// shows its file name in brackets.
    /// </summary>
    private void Graphic(XElement e)
    {
        var name = e.Attribute(XLink + "href")?.Value ?? "";
        if (graphics?.GetValueOrDefault(name) is not { } src)
        {
            _html.Append("<span class=\"graphic\">[").Append(WebUtility.HtmlEncode(name)).Append("]</span>");
            return;
        }
        var alt = e.Elements().FirstOrDefault(c => c.Name.LocalName == "alt-text")?.Value is { Length: > 0 } own
            ? Collapse(own)
            : e.Ancestors().FirstOrDefault(a => a.Name.LocalName == "fig") is { } fig ? CaptionText(fig) : "";
        _html.Append("<img src=\"").Append(WebUtility.HtmlEncode(src)).Append("\" alt=\"").Append(WebUtility.HtmlEncode(alt)).Append("\" loading=\"lazy\">");
    }

    private static string CaptionText(XElement fig)
    {
        var label = fig.Element("label")?.Value;
        var caption = fig.Element("caption") is { } c ? (c.Element("title")?.Value ?? c.Value) : null;
        return Collapse(string.Join(" — ", new[] { label, caption }.Where(s => !string.IsNullOrWhiteSpace(s))));
    }

    private void References(XElement e)
    {
        Open("div", e, "references");
        Nodes(e.Nodes().Where(n => n is not XElement { Name.LocalName: "title" or "label" }));
        Close("div");
    }

    private void Reference(XElement e)
    {
        Open("p", e, "ref");
        if (e.Element("label") is { } label)
        {
            _html.Append("<span class=\"label\">").Append(WebUtility.HtmlEncode(Collapse(label.Value))).Append("</span> ");
        }
        Nodes(e.Nodes().Where(n => n is not XElement { Name.LocalName: "label" }));
        Close("p");
    }

    private void EntailedTerm(XElement e)
    {
        var target = e.Attribute("target")?.Value?.TrimStart('#');
        if (target is { Length: > 0 })
        {
            _html.Append("<a class=\"entailed-term\" href=\"#").Append(WebUtility.HtmlEncode(Target(target))).Append("\">");
            Nodes(e.Nodes());
            _html.Append("</a>");
        }
        else
        {
            Inline("em", e, "entailed-term");
        }
    }

    /// <summary>A TBX entry outside a term-sec (rare): shown as the parser shows term sections.</summary>
    private void TermEntry(XElement e)
    {
        foreach (var langSet in e.Elements().Where(l => l.Name.LocalName == "langSet"))
        {
            Nodes(langSet.Nodes());
        }
    }

    /// <summary>Renders a fragment (a definition, a note) on its own, as the terms search shows it.</summary>
    public string Fragment(IEnumerable<XNode> nodes) => Render(nodes).Html;

    private static string CollapseKeepEdges(string value)
    {
        if (value.Length == 0)
        {
            return value;
        }
        var s = new StringBuilder(value.Length);
        var space = false;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u2009' && c != '\u2003')
            {
                if (!space)
                {
                    s.Append(' ');
                }
                space = true;
            }
            else
            {
                s.Append(c);
                space = false;
            }
        }
        return s.ToString();
    }

    public static string Collapse(string value) => CollapseKeepEdges(value).Trim();
}
