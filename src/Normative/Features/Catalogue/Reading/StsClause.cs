namespace Normative.Features.Catalogue.Reading;

/// <summary>A clause as read from STS, in reading order; its HTML is already safe.</summary>
public sealed record StsClause(
    string Anchor,
    string? Number,
    string? Title,
    short Level,
    ClauseKind Kind,
    bool Preview,
    string Html,
    string PlainText);
