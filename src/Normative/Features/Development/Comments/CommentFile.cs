namespace Normative.Features.Development.Comments;

/// <summary>
/// The rows read from an uploaded comment file (CSV or .docx), each with its row number in the file,
/// and the problems found with the file itself (row 0) or its rows. <see cref="Source"/> is csv or docx.
/// </summary>
public sealed record CommentFile(string Source, IReadOnlyList<(int Row, CommentInput Input)> Rows, IReadOnlyList<CommentRowError> Errors);
