namespace Normative.Features.Development.Documents;

/// <summary>
/// What the register needs to know of a person in one committee: whether they are signed in, one of
/// the committee's own people (officers, delegates of its member bodies, experts, liaisons'
/// representatives; administrators), and a delegate of any member body.
/// </summary>
public sealed record DocumentReader(bool SignedIn, bool InCommittee, bool InAnyMemberBody)
{
    public static readonly DocumentReader Anonymous = new(false, false, false);
}
