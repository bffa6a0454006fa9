namespace Normative.Features.Development.Ballots;

/// <summary>
/// The rule of a ballot kind as data: who it goes to, the resource describing how it is decided,
/// the clause of the ISO/IEC Directives, Part 1 it follows, and its default length in weeks
/// (a deployment may set other lengths, see <see cref="BallotDurations"/>).
/// </summary>
public sealed record BallotRule(BallotKind Kind, BallotElectorate Electorate, string RuleKey, string Clause, int DefaultWeeks);
