namespace Normative.Features.Development.Ballots;

/// <summary>
/// Where one vote counts, for the result page: in the deciding count of the P-members (the two-thirds
/// or majority criterion), in the count of all votes cast (the one-quarter criterion), and the
/// resource that says why (an abstention, a negative vote without reasons, a body that is not a P-member).
/// </summary>
public sealed record VoteCounting(bool InPMembersCount, bool InAllVotesCount, string NoteKey);
