using Ganss.Xss;
using Markdig;

namespace Normative.Features.Shared;

/// <summary>
/// Markdown written by staff (articles; a meeting's agenda and resolutions) as HTML fit for a page:
/// Markdig renders it (tables, footnotes and the other common extensions), HtmlSanitizer then keeps only harmless tags and attributes — no script, no
/// event attributes, no style (the content security policy refuses inline style anyway), and links
/// only to http, https and mailto. Markdig saves us a Markdown parser; HtmlSanitizer an HTML
/// parser-based allow-list, which no regular expression can stand in for.
/// </summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedAttributes.Remove("style");
        sanitizer.AllowedTags.Remove("form");
        sanitizer.AllowedTags.Remove("input");
        sanitizer.AllowedTags.Remove("button");
        sanitizer.AllowedTags.Remove("textarea");
        sanitizer.AllowedTags.Remove("select");
        sanitizer.PostProcessDom += (_, e) => WrapTables(e.Document);
        return sanitizer;
    }

    /// <summary>
    /// A table wider than a phone's screen must scroll by itself, not widen the page: each table goes
    /// into a focusable, named region (as ScrollingTableTagHelper does for the site's own tables),
    /// named by its header cells, which are in the text's own language.
    /// </summary>
    private static void WrapTables(AngleSharp.Dom.IDocument document)
    {
        foreach (var table in document.QuerySelectorAll("table").ToList())
        {
            if (table.ParentElement is not { } parent || parent.ClassList.Contains("table-scroll"))
            {
                continue;
            }
            var region = document.CreateElement("div");
            region.ClassList.Add("table-scroll");
            region.SetAttribute("tabindex", "0");
            region.SetAttribute("role", "region");
            var headers = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).Where(t => t.Length > 0).ToList();
            region.SetAttribute("aria-label", headers.Count > 0 ? string.Join(", ", headers) : table.TextContent.Trim() is { Length: > 0 } text ? text[..Math.Min(60, text.Length)] : "—");
            parent.InsertBefore(region, table);
            region.AppendChild(table);
        }
    }

    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
