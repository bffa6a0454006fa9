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
        return sanitizer;
    }

    public static string ToHtml(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline));
}
