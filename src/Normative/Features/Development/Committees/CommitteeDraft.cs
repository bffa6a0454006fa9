namespace Normative.Features.Development.Committees;

/// <summary>
/// What an administrator gives to create a committee. <see cref="Prefix"/> names a technical
/// committee's organization ("ISO", "ISO/IEC JTC 1" is a TC too); the others take their parent's
/// reference. <see cref="JointWith"/> is the other organization of a joint working group.
/// </summary>
public sealed record CommitteeDraft(CommitteeKind Kind, int? ParentId, int Number, string TitleEn, string? TitleFr = null, string? Scope = null,
    string? Prefix = null, string? JointWith = null);
