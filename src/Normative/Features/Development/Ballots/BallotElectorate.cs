namespace Normative.Features.Development.Ballots;

/// <summary>Who a ballot of a kind is circulated to, and so who may vote on it.</summary>
public enum BallotElectorate
{
    /// <summary>The committee's P- and O-members, for comments only (a CD consultation).</summary>
    CommitteeComments,
    /// <summary>The committee's P-members vote; its O-members may comment.</summary>
    PMembers,
    /// <summary>
    /// Every member body of the "member body" category votes, members of the committee or not; the
    /// committee's P-members must vote and alone decide the two-thirds criterion.
    /// </summary>
    AllMemberBodies,
}
