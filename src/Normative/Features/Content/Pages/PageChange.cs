using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Normative.Features.Content.Pages;

/// <summary>A line a revision added or removed, for the history page. DiffPlex finds the lines.</summary>
public sealed record PageChange(bool Added, string Line)
{
    /// <summary>The lines that differ between two texts (title, summary and body as one text); everything is added when there was none before.</summary>
    public static IReadOnlyList<PageChange> Between(PageText? before, PageText after)
    {
        ArgumentNullException.ThrowIfNull(after);
        var diff = InlineDiffBuilder.Diff(before is null ? "" : AsLines(before), AsLines(after), ignoreWhiteSpace: false);
        return diff.Lines
            .Where(l => l.Type is ChangeType.Inserted or ChangeType.Deleted)
            .Select(l => new PageChange(l.Type == ChangeType.Inserted, l.Text ?? ""))
            .ToList();
    }

    private static string AsLines(PageText text) => "# " + text.Title + "\n\n" + text.Summary + "\n\n" + text.Body.Replace("\r\n", "\n", StringComparison.Ordinal);
}
