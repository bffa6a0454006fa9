namespace Normative.Features.Development.Documents;

/// <summary>
/// An STS XML draft as the platform shows it: the clause outline the comment form offers, and the
/// text as HTML (escaped text in a fixed set of elements, see <see cref="StsReader"/>).
/// </summary>
public sealed record StsDraft(StsOutline Outline, string Html);
