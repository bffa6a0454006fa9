namespace Normative.Features.Catalogue.Changes;

/// <summary>A run of words of a changed clause: kept, deleted (from the older edition) or inserted (in the newer one).</summary>
public sealed record WordChange(WordChangeKind Kind, string Text);
