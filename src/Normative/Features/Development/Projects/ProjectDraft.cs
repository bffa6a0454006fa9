namespace Normative.Features.Development.Projects;

/// <summary>What a committee manager gives to register a project.</summary>
public sealed record ProjectDraft(
    int CommitteeId,
    string Reference,
    string TitleEn,
    string? TitleFr = null,
    string? Scope = null,
    int TrackMonths = 36,
    string? Leader = null,
    int StartStage = StageCodes.ProposalRegistered,
    string? Replaces = null,
    int? WorkingGroupId = null);
