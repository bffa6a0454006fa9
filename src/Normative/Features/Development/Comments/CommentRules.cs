using System.Text.RegularExpressions;
using Normative.Features.Development.Documents;

namespace Normative.Features.Development.Comments;

/// <summary>
/// Checks one row of the commenting template: a clause, a type of comment (ge, te, ed), the comment
/// itself, a line number made of digits, lengths within limits, and, for a member body's upload,
/// no other body's name in the MB/NC column.
/// </summary>
public static partial class CommentRules
{
    public const int MaxTextLength = 10000;

    /// <summary>ge, te, ed as the template writes them; the words in English, French, Spanish and Russian too.</summary>
    public static CommentType? ParseType(string? text) => (text ?? "").Trim().ToLowerInvariant() switch
    {
        "ge" or "general" or "général" or "generale" or "общий" or "общее" => CommentType.General,
        "te" or "technical" or "technique" or "técnico" or "tecnico" or "технический" or "техническое" => CommentType.Technical,
        "ed" or "editorial" or "rédactionnel" or "redactionnel" or "редакционный" or "редакционное" => CommentType.Editorial,
        _ => null,
    };

    /// <summary>The template's two-letter code.</summary>
    public static string Code(CommentType type) => type switch
    {
        CommentType.General => "ge",
        CommentType.Technical => "te",
        _ => "ed",
    };

    /// <summary>The problems with one row; empty when the row can be saved. <paramref name="ownBody"/> names are accepted in the MB/NC column.</summary>
    public static List<(string Key, object[] Args)> Check(CommentInput input, IReadOnlyCollection<string> ownBody)
    {
        var errors = new List<(string, object[])>();
        if (!string.IsNullOrWhiteSpace(input.MemberBody) && ownBody.Count > 0
            && !ownBody.Any(n => string.Equals(n, input.MemberBody.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            errors.Add(("Error.Comment.OtherBody", [input.MemberBody.Trim()]));
        }
        if (string.IsNullOrWhiteSpace(input.Clause))
        {
            errors.Add(("Error.Comment.Clause", []));
        }
        else if (input.Clause.Trim().Length > 50)
        {
            errors.Add(("Error.Comment.ClauseTooLong", [50]));
        }
        if (!string.IsNullOrWhiteSpace(input.LineNumber) && !LinePattern().IsMatch(input.LineNumber.Trim()))
        {
            errors.Add(("Error.Comment.Line", [input.LineNumber.Trim()]));
        }
        if ((input.Paragraph?.Trim().Length ?? 0) > 100)
        {
            errors.Add(("Error.Comment.ParagraphTooLong", [100]));
        }
        if (ParseType(input.Type) is null)
        {
            errors.Add(("Error.Comment.Type", [input.Type?.Trim() ?? ""]));
        }
        if (string.IsNullOrWhiteSpace(input.Text))
        {
            errors.Add(("Error.Comment.Text", []));
        }
        else if (input.Text.Trim().Length > MaxTextLength)
        {
            errors.Add(("Error.Comment.TextTooLong", [MaxTextLength]));
        }
        if ((input.ProposedChange?.Trim().Length ?? 0) > MaxTextLength)
        {
            errors.Add(("Error.Comment.ProposalTooLong", [MaxTextLength]));
        }
        return errors;
    }

    /// <summary>
    /// The problems of a comment on an STS draft, beyond <see cref="Check"/>: its clause is one of the
    /// draft's (or the whole document, "General"), and each line it names is a line of the draft.
    /// </summary>
    public static List<(string Key, object[] Args)> CheckAgainstDraft(CommentInput input, StsOutline outline)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(outline);
        var errors = new List<(string, object[])>();
        if (outline.Clauses.Count > 0 && !string.IsNullOrWhiteSpace(input.Clause) && !ClauseOrder.IsGeneral(input.Clause) && outline.Find(input.Clause) is null)
        {
            errors.Add(("Error.Comment.ClauseNotInDraft", [input.Clause.Trim()]));
        }
        if (outline.HasLines && !string.IsNullOrWhiteSpace(input.LineNumber) && LinePattern().IsMatch(input.LineNumber.Trim()) && !outline.HasAllLines(input.LineNumber))
        {
            errors.Add(("Error.Comment.LineNotInDraft", [input.LineNumber.Trim(), outline.Lines[0], outline.Lines[^1]]));
        }
        return errors;
    }

    /// <summary>A row with nothing in it is skipped, not refused.</summary>
    public static bool IsBlank(CommentInput input) =>
        new[] { input.MemberBody, input.LineNumber, input.Clause, input.Paragraph, input.Type, input.Text, input.ProposedChange }.All(string.IsNullOrWhiteSpace);

    // "17", "17-19", "17, 23".
    [GeneratedRegex(@"^\d{1,6}(\s*[-–,]\s*\d{1,6})*$", RegexOptions.CultureInvariant)]
    private static partial Regex LinePattern();
}
