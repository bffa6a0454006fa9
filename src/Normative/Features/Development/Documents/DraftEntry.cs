namespace Normative.Features.Development.Documents;

/// <summary>One of a project's drafts in its list: the register's document, its label ("WD 2", "DIS") and its N-reference; superseded when a later one replaced it.</summary>
public sealed record DraftEntry(CommitteeDocument Document, string Label, string Reference, bool Superseded);
