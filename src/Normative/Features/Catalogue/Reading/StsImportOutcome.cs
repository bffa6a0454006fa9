namespace Normative.Features.Catalogue.Reading;

/// <summary>What importing one STS file did.</summary>
public sealed record StsImportOutcome(
    StsImportKind Kind,
    int TextId,
    int DeliverableId,
    string DeliverableReference,
    bool DeliverableCreated,
    string Language,
    string Publisher,
    int Clauses,
    int Terms);
