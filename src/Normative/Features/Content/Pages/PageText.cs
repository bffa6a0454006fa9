namespace Normative.Features.Content.Pages;

/// <summary>A page's text in one language: the title (also its link text), a one-sentence summary and the Markdown body.</summary>
public sealed record PageText(string Title, string Summary, string Body)
{
    public const string OrganizationPlaceholder = "{{organization}}";

    /// <summary>
    /// A default text file: "# Title", a blank line, the summary on one line, then the body
    /// (after a blank line). Null when the file does not have that shape.
    /// </summary>
    public static PageText? Parse(string? file)
    {
        var lines = (file ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        if (lines.Length < 4 || !lines[0].StartsWith("# ", StringComparison.Ordinal) || lines[1].Length != 0)
        {
            return null;
        }
        var title = lines[0][2..].Trim();
        var summary = lines[2].Trim();
        var body = string.Join('\n', lines.Skip(3)).Trim('\n');
        return title.Length == 0 || summary.Length == 0 || summary.StartsWith('#') || body.Trim().Length == 0
            ? null
            : new PageText(title, summary, body + "\n");
    }

    /// <summary>The text with <see cref="OrganizationPlaceholder"/> replaced by the site's name.</summary>
    public PageText For(string organization) => new(
        Title.Replace(OrganizationPlaceholder, organization, StringComparison.Ordinal),
        Summary.Replace(OrganizationPlaceholder, organization, StringComparison.Ordinal),
        Body.Replace(OrganizationPlaceholder, organization, StringComparison.Ordinal));
}
