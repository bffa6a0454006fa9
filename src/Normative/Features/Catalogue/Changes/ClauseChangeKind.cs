namespace Normative.Features.Catalogue.Changes;

public enum ClauseChangeKind
{
    Unchanged,
    Changed,
    Added,
    Removed,
}
