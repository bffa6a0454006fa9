namespace Normative.Features.Development.Ballots;

/// <summary>
/// One member body's position as the tally sees it: the position, whether the body is a P-member,
/// whether a negative vote gives technical reasons, and whether the body nominates an expert.
/// </summary>
public sealed record Vote(VotePosition Position, bool PMember = true, bool TechnicalReasons = false, bool Expert = false);
