using System.Text.RegularExpressions;

namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// One ICS code as the import reads it: our JSON Lines shape (code, parent, title, notes) or ISO's
/// CSV shape (identifier, parent, titleEn, titleFr, scopeEn).
/// </summary>
public sealed partial record IcsRecord(string Code, string? Parent, string Title, string? TitleFr, IReadOnlyList<string> Notes)
{
    public static readonly IReadOnlyList<string> SignatureFields = ["code|identifier", "title|titleEn|title.en"];

    /// <summary>A field ("03"), group ("03.120") or sub-group ("03.120.10").</summary>
    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    /// <summary>The code one level up, or null for a field.</summary>
    public static string? ParentOf(string code) => code.Length switch
    {
        9 => code[..6],
        6 => code[..2],
        _ => null,
    };

    public static IcsRecord Read(RecordFields f)
    {
        var code = f.FirstText("code", "identifier")?.Trim() ?? throw new BadLineException("code is missing");
        if (!IsCode(code))
        {
            throw new BadLineException($"'{RecordFields.Shorten(code)}' is not an ICS code such as 03, 03.120 or 03.120.10");
        }
        var parent = f.Text("parent")?.Trim();
        if (parent is not null && parent != ParentOf(code))
        {
            throw new BadLineException($"the parent of {code} must be {ParentOf(code) ?? "empty"}, not '{RecordFields.Shorten(parent)}'");
        }
        var title = f.FirstText("title.en", "title", "titleEn")?.Trim() ?? throw new BadLineException("title is missing");
        var titleFr = f.FirstText("title.fr", "titleFr")?.Trim();
        var notes = f.Has("notes") ? f.TextList("notes") : (f.Text("scopeEn") is { } scope ? [scope] : []);
        return new IcsRecord(code, ParentOf(code), title, titleFr, notes);
    }

    [GeneratedRegex(@"^\d{2}(\.\d{3}(\.\d{2})?)?$")]
    private static partial Regex CodePattern();
}
