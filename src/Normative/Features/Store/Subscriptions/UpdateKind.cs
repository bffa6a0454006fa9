namespace Normative.Features.Store.Subscriptions;

/// <summary>Why a deliverable joined a collection after someone subscribed to it.</summary>
public enum UpdateKind
{
    /// <summary>It replaces an edition (a new edition).</summary>
    NewEdition,
    Amendment,
    Corrigendum,
    /// <summary>Newly published under the collection's rule (a committee's new standard, say).</summary>
    Added,
}
