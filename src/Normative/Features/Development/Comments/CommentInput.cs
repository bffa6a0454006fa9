namespace Normative.Features.Development.Comments;

/// <summary>One comment as typed in the browser or read from a file, before it is checked.</summary>
public sealed record CommentInput(
    string? MemberBody,
    string? LineNumber,
    string? Clause,
    string? Paragraph,
    string? Type,
    string? Text,
    string? ProposedChange);
