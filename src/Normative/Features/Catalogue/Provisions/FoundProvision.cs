namespace Normative.Features.Catalogue.Provisions;

/// <summary>One provision read from a clause: its kind, whether its verbal form is negative ("shall not"), and its sentence.</summary>
public sealed record FoundProvision(ProvisionKind Kind, bool Negative, string Text);
