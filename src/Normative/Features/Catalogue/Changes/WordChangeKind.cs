namespace Normative.Features.Catalogue.Changes;

public enum WordChangeKind
{
    Same,
    Deleted,
    Inserted,
}
