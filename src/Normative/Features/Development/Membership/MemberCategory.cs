namespace Normative.Features.Development.Membership;

/// <summary>The three categories of membership. Only member bodies may be P-members of a committee.</summary>
public enum MemberCategory
{
    MemberBody,
    CorrespondentMember,
    SubscriberMember,
}
