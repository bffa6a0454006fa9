namespace Normative.Features.Development.Ballots;

/// <summary>
/// A delegate's vote for a member body. <see cref="MemberBody"/> (acronym or country code) is needed
/// only when the delegate acts for several bodies on the ballot. An NP vote that nominates an expert
/// names them by <see cref="ExpertEmail"/> (and <see cref="ExpertName"/>, unless the address is one of
/// the body's registered people).
/// </summary>
public sealed record VoteRequest(VotePosition Position, string? MemberBody = null, string? TechnicalReasons = null, bool NominatesExpert = false, string? ExpertName = null,
    string? ExpertEmail = null);
