namespace Normative.Features.Catalogue.Changes;

/// <summary>One clause of one edition's text, as compared: its number ("4.2", or its anchor when it has none), its title and its plain text.</summary>
public sealed record ClauseVersion(string Key, string? Number, string? Title, string Anchor, string Text, bool Preview);
