namespace Normative.Features.Development.Comments;

/// <summary>Why a row of a comment file (or the file itself, row 0) was refused: a DevelopmentText resource key and its arguments.</summary>
public sealed record CommentRowError(int Row, string Key, params object[] Args);
