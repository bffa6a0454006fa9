namespace Normative.Features.Development.Membership;

/// <summary>One line of a member body import: the draft it gives, or why it was refused (a resource key and its arguments).</summary>
public sealed record MemberBodyImportLine(long Line, MemberBodyDraft? Draft, string? ProblemKey = null, object[]? ProblemArgs = null)
{
    public bool Refused => ProblemKey is not null;
}
