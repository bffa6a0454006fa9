namespace Normative.Features.Catalogue.Editing;

/// <summary>Why one line of a bulk file cannot be applied: a catalogue check (a text key, said in the page's language) or the import's own reason.</summary>
public sealed record BulkLineProblem(long Line, DeliverableProblem? Problem, string? Reason = null);
