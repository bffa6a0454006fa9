namespace Normative.Features.Development.Comments;

/// <summary>The columns of the commenting template, in the template's order.</summary>
public enum CommentColumn
{
    MemberBody,
    LineNumber,
    Clause,
    Paragraph,
    Type,
    Comment,
    ProposedChange,
    Observations,
}
