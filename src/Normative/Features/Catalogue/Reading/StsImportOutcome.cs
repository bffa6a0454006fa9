namespace Normative.Features.Catalogue.Reading;

/// <summary>What importing one STS file did; <c>Problems</c> are the graphics it could not load (the text loaded without them).</summary>
public sealed record StsImportOutcome(
    StsImportKind Kind,
    int TextId,
    int DeliverableId,
    string DeliverableReference,
    bool DeliverableCreated,
    string Language,
    string Publisher,
    int Clauses,
    int Terms,
    int Graphics,
    IReadOnlyList<string> Problems);
