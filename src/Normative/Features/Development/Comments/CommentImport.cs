namespace Normative.Features.Development.Comments;

/// <summary>The result of a comment file upload: how many comments were saved, or every row that was refused (then none is saved).</summary>
public sealed record CommentImport(int Saved, IReadOnlyList<CommentRowError> Errors);
