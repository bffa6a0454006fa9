namespace Normative.Features.Catalogue.Reading;

/// <summary>A clause as the reader shows it: <see cref="Html"/> is null when the reader holds no licence for it.</summary>
public sealed record ReaderClause(string Anchor, string? Number, string? Title, short Level, ClauseKind Kind, bool Preview, string? Html)
{
    public bool Locked => Html is null;
}
