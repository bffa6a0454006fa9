namespace Normative.Features.Development.Comments;

/// <summary>The type of comment in the commenting template: ge (general), te (technical), ed (editorial).</summary>
public enum CommentType
{
    General,
    Technical,
    Editorial,
}
