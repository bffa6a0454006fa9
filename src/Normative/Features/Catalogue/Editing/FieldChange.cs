namespace Normative.Features.Catalogue.Editing;

/// <summary>One field of one deliverable going from one value to another, as the open-data CSV writes values.</summary>
public sealed record FieldChange(string Field, string? OldValue, string? NewValue);
