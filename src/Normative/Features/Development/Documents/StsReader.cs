using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Normative.Features.Catalogue.Reading;

namespace Normative.Features.Development.Documents;

/// <summary>
/// Reads an STS (ISO STS / NISO STS) XML draft: its clauses (<c>sec</c>, <c>app</c> and <c>term-sec</c>
/// with their <c>label</c> and <c>title</c>), the line numbers it carries as <c>&lt;?line 17?&gt;</c>
/// marks, and its text as safe HTML. The XML is read as the catalogue reads STS texts
/// (<see cref="StsXml"/>): the DOCTYPE is skipped, never fetched, and no entity is resolved from outside.
/// </summary>
public static partial class StsReader
{
    /// <summary>Drafts are text; a larger file is not read for an outline.</summary>
    public const int MaxChars = 32 * 1024 * 1024;

    private static readonly HashSet<string> ClauseElements = ["sec", "app", "term-sec"];
    private static readonly HashSet<string> Skipped = ["iso-meta", "nat-meta", "reg-meta", "std-meta", "front-matter-meta", "processing-meta", "alt-text", "long-desc", "graphic", "inline-graphic"];
    private static readonly Dictionary<string, string> Blocks = new()
    {
        ["p"] = "p",
        ["list"] = "ul",
        ["list-item"] = "li",
        ["table"] = "table",
        ["thead"] = "thead",
        ["tbody"] = "tbody",
        ["tfoot"] = "tfoot",
        ["tr"] = "tr",
        ["th"] = "th",
        ["td"] = "td",
    };
    private static readonly Dictionary<string, string> Inlines = new()
    {
        ["italic"] = "em",
        ["bold"] = "strong",
        ["sup"] = "sup",
        ["sub"] = "sub",
    };

    /// <summary>The draft, or null when the text is not well-formed XML (with the reason in <paramref name="problem"/>).</summary>
    public static StsDraft? Read(Stream stream, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(stream);
        problem = null;
        string text;
        using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true))
        {
            var builder = new StringBuilder();
            var buffer = new char[81920];
            int read;
            while ((read = reader.ReadBlock(buffer, 0, buffer.Length)) > 0)
            {
                if (builder.Length + read > MaxChars)
                {
                    problem = "too large";
                    return null;
                }
                builder.Append(buffer, 0, read);
            }
            text = builder.ToString();
        }
        return Read(text, out problem);
    }

    /// <inheritdoc cref="Read(Stream, out string?)"/>
    public static StsDraft? Read(string xml, out string? problem)
    {
        problem = null;
        XDocument document;
        try
        {
            // The catalogue's STS reading: no DTD or external entity is ever resolved, HTML's named
            // entities and the DTD's namespace prefixes are known without it.
            document = StsXml.Load(Encoding.UTF8.GetBytes(xml), "draft", keepProcessingInstructions: true);
        }
        catch (StsFormatException e)
        {
            problem = e.Message;
            return null;
        }
        var root = document.Root!;
        var clauses = new Dictionary<XElement, StsClause>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in root.Descendants().Where(e => ClauseElements.Contains(e.Name.LocalName)))
        {
            if (Number(element) is { } number)
            {
                var anchor = "clause-" + Slug(number);
                var unique = anchor;
                for (var i = 2; !anchors.Add(unique); i++)
                {
                    unique = $"{anchor}-{i}";
                }
                clauses[element] = new StsClause(number, Title(element), unique, null, null);
            }
        }
        var lines = new List<int>();
        foreach (var mark in root.DescendantNodes().OfType<XProcessingInstruction>().Where(p => p.Target == "line"))
        {
            if (!int.TryParse(mark.Data.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var line))
            {
                continue;
            }
            lines.Add(line);
            // A line is inside its innermost clause and every clause around it.
            foreach (var around in mark.Ancestors().Where(clauses.ContainsKey))
            {
                var c = clauses[around];
                clauses[around] = c with { FirstLine = Math.Min(c.FirstLine ?? line, line), LastLine = Math.Max(c.LastLine ?? line, line) };
            }
        }
        lines = [.. lines.Distinct().Order()];
        var ordered = root.Descendants().Where(clauses.ContainsKey).Select(e => clauses[e]).ToList();
        var html = new StringBuilder();
        foreach (var node in root.Nodes())
        {
            Render(node, html, clauses, 3);
        }
        return new StsDraft(new StsOutline(ordered, lines), html.ToString());
    }

    /// <summary>The label ("4.2", "Annex A"), else the title of an unnumbered part ("Foreword").</summary>
    private static string? Number(XElement clause)
    {
        var label = Child(clause, "label");
        var text = label is null ? null : Flatten(label);
        if (string.IsNullOrEmpty(text))
        {
            text = Title(clause);
        }
        return string.IsNullOrEmpty(text) ? null : text.Length > 50 ? text[..50].TrimEnd() : text;
    }

    /// <summary>The title, or for a term entry its first term.</summary>
    private static string? Title(XElement clause)
    {
        var title = Child(clause, "title") ?? (clause.Name.LocalName == "term-sec" ? clause.Descendants().FirstOrDefault(e => e.Name.LocalName == "term") : null);
        var text = title is null ? null : Flatten(title);
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>The element's text with its white space collapsed, as a reader sees it.</summary>
    private static string Flatten(XElement element) => Spaces().Replace(element.Value, " ").Trim();

    private static void Render(XNode node, StringBuilder html, Dictionary<XElement, StsClause> clauses, int level)
    {
        switch (node)
        {
            case XText text:
                html.Append(Encode(text.Value));
                return;
            case XProcessingInstruction { Target: "line" } mark when int.TryParse(mark.Data.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var line):
                html.Append(CultureInfo.InvariantCulture, $"<span class=\"draft-line\" id=\"line-{line}\">{line}</span> ");
                return;
            case XElement element:
                RenderElement(element, html, clauses, level);
                return;
        }
    }

    private static void RenderElement(XElement element, StringBuilder html, Dictionary<XElement, StsClause> clauses, int level)
    {
        var name = element.Name.LocalName;
        if (Skipped.Contains(name))
        {
            return;
        }
        if (clauses.TryGetValue(element, out var clause))
        {
            var heading = $"h{Math.Min(level, 6)}";
            html.Append(CultureInfo.InvariantCulture, $"<section class=\"draft-clause\" id=\"{clause.Anchor}\"><{heading}>");
            html.Append(Encode(clause.Caption));
            html.Append(CultureInfo.InvariantCulture, $"</{heading}>");
            foreach (var child in element.Nodes())
            {
                if (child is XElement { Name.LocalName: "label" or "title" } part && part.Parent == element)
                {
                    continue;
                }
                Render(child, html, clauses, level + 1);
            }
            html.Append("</section>");
            return;
        }
        var tag = Blocks.GetValueOrDefault(name) ?? Inlines.GetValueOrDefault(name);
        if (name is "title" or "caption" or "label")
        {
            tag = name == "label" ? "strong" : "p";
        }
        if (tag is not null)
        {
            html.Append('<').Append(tag).Append('>');
        }
        foreach (var child in element.Nodes())
        {
            Render(child, html, clauses, level);
        }
        if (tag is not null)
        {
            html.Append("</").Append(tag).Append('>');
        }
        else if (name is "non-normative-note" or "non-normative-example" or "fig" or "table-wrap" or "disp-formula")
        {
            html.Append(' ');
        }
    }

    /// <summary>Text as HTML: the five characters markup is made of are escaped, every other character stays itself.</summary>
    private static string Encode(string text) => text
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal)
        .Replace("\"", "&quot;", StringComparison.Ordinal)
        .Replace("'", "&#39;", StringComparison.Ordinal);

    /// <summary>"4.2" → "4-2", "Annex A" → "annex-a".</summary>
    public static string Slug(string number)
    {
        var slug = new StringBuilder();
        foreach (var c in number.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }
        var text = slug.ToString().TrimEnd('-');
        return text.Length == 0 ? "x" : text;
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Spaces();
}
