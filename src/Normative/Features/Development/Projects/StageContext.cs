using Normative.Features.Development.Ballots;

namespace Normative.Features.Development.Projects;

/// <summary>
/// What a stage transition depends on besides the two codes: the outcome of the project's last
/// closed ballot at the current stage and how many member bodies voted against it, and whether the
/// project revises or amends a published standard.
/// </summary>
public sealed record StageContext(BallotOutcome? LastBallotOutcome = null, bool RevisesOrAmends = false, int LastBallotNegativeVotes = 0);
