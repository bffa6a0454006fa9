namespace Normative.Features.Catalogue.Changes;

/// <summary>
/// How one clause changed between two editions. <see cref="Words"/> marks the words of a changed
/// clause (empty otherwise); <see cref="TitleChanged"/> says whether its heading changed.
/// </summary>
public sealed record ClauseChange(ClauseChangeKind Kind, ClauseVersion? From, ClauseVersion? To, IReadOnlyList<WordChange> Words, bool TitleChanged)
{
    /// <summary>The clause as the newer edition has it, else as the older one had it.</summary>
    public ClauseVersion Clause => To ?? From!;
}
