namespace Normative.Features.Development.Ballots;

/// <summary>
/// One test of a ballot rule, for the result page: "Criterion.TwoThirds", 8 of 11, threshold "≥ 2/3", met.
/// <see cref="Key"/> names the resource that describes it.
/// </summary>
public sealed record BallotCriterion(string Key, int Count, int Of, string Threshold, bool Met);
