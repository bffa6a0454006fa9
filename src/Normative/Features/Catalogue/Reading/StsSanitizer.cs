using Ganss.Xss;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// A second guard on what <see cref="StsHtml"/> writes (HtmlSanitizer): the HTML a standard needs,
/// MathML elements and nothing else — no script, no style, no event handler, links only http(s),
/// mailto or within the page.
/// </summary>
internal static class StsSanitizer
{
    private static readonly HtmlSanitizer Sanitizer = Create();

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedTags.Clear();
        foreach (var tag in new[]
        {
            "p", "br", "div", "span", "aside", "dfn", "ul", "li", "dl", "dt", "dd", "i", "em", "strong", "b", "u", "s", "sub", "sup",
            "code", "pre", "cite", "a", "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
            "blockquote", "img", "math", "mi", "mn", "mo", "ms", "mspace", "mtext", "mrow", "mfrac", "msqrt", "mroot", "mstyle",
            "merror", "mpadded", "mphantom", "mfenced", "menclose", "msub", "msup", "msubsup", "munder", "mover",
            "munderover", "mmultiscripts", "mprescripts", "none", "mtable", "mtr", "mtd", "mlabeledtr", "semantics",
        })
        {
            sanitizer.AllowedTags.Add(tag);
        }
        sanitizer.AllowedAttributes.Clear();
        foreach (var attribute in new[]
        {
            "id", "class", "href", "src", "alt", "loading", "colspan", "rowspan", "scope", "lang", "xmlns",
            "mathvariant", "display", "displaystyle", "scriptlevel", "stretchy", "fence", "separator", "lspace", "rspace",
            "accent", "accentunder", "linethickness", "open", "close", "separators", "notation", "columnalign", "rowalign",
            "columnspan", "form", "largeop", "movablelimits", "symmetric", "width", "height", "depth",
        })
        {
            sanitizer.AllowedAttributes.Add(attribute);
        }
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedCssProperties.Clear();
        sanitizer.AllowedAtRules.Clear();
        return sanitizer;
    }

    public static string Sanitize(string html) => html.Length == 0 ? html : Sanitizer.Sanitize(html);
}
