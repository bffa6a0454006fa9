namespace Normative.Features.Site;

/// <summary>
/// Sections whose feature arrives with a later issue. Each route answers with a page that says so
/// plainly, so no link on the site leads nowhere and nothing pretends to exist. A feature that ships
/// removes its entry here.
/// </summary>
public static class ComingSoon
{
    public sealed record Section(string Route, string TitleKey, string TextKey);

    public static readonly IReadOnlyList<Section> Sections =
    [
        new("news", "Coming.News.Title", "Coming.News.Text"),
        new("insights", "Coming.News.Title", "Coming.News.Text"),
    ];

    public static Section? Find(string path)
    {
        var trimmed = path.Trim('/');
        return Sections.FirstOrDefault(s => s.Route == trimmed)
            ?? Sections.FirstOrDefault(s => s.Route.EndsWith("/{slug}", StringComparison.Ordinal)
                && trimmed.StartsWith(s.Route[..^"{slug}".Length], StringComparison.Ordinal));
    }
}
