using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Normative.Features.Catalogue;

/// <summary>
/// Scopes in ISO's open data are HTML fragments (paragraphs, lists, Word leftovers). The site shows
/// them as plain text — paragraphs and list items on their own lines — so no markup from a data
/// file ever reaches a page.
/// </summary>
public static partial class ScopeText
{
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }
        var text = Comments().Replace(html, "");
        // In HTML, a line break in the source is only a space; in plain text it is a line break.
        if (Tags().IsMatch(text))
        {
            text = text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', ' ');
        }
        text = LineBreaks().Replace(text, "\n");
        text = ListItems().Replace(text, "\n— ");
        text = Tags().Replace(text, "");
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        var lines = new StringBuilder();
        foreach (var line in text.Split('\n'))
        {
            var trimmed = Spaces().Replace(line, " ").Trim();
            if (trimmed.Length > 0)
            {
                lines.Append(trimmed).Append('\n');
            }
        }
        return lines.ToString().TrimEnd();
    }

    [GeneratedRegex("<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"<\s*(br|/p|/div|/ul|/ol|/h\d|/tr)\b[^>]*>|\r?\n", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreaks();

    [GeneratedRegex(@"<\s*li\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ListItems();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();
}
