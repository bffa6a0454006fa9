namespace Normative.Features.Catalogue.Editing;

/// <summary>The changes a bulk file makes to one record, field by field.</summary>
public sealed record RecordChanges(long Line, int Id, string Reference, IReadOnlyList<FieldChange> Changes);
