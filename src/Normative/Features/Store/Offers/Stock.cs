namespace Normative.Features.Store.Offers;

/// <summary>
/// What the store can deliver: which deliverables have a master file in which language, the
/// working days the Editors promise per format for those that have none yet, and which have their
/// full text loaded in which language (the only ones whose reading online can be sold).
/// </summary>
public sealed record Stock(IReadOnlySet<(int DeliverableId, string Language)> Filed, IReadOnlyDictionary<ProductFormat, int> WorkingDays, IReadOnlySet<(int DeliverableId, string Language)>? Texts = null)
{
    /// <summary>No file anywhere and no promise: nothing can be sold.</summary>
    public static readonly Stock Empty = new(new HashSet<(int, string)>(), new Dictionary<ProductFormat, int>());

    /// <summary>
    /// How the format in this language reaches the buyer: at once (<c>0</c>: the file is there, or
    /// the text to read online is), within the promised working days, or <c>null</c>: it cannot be
    /// sold now. Reading online is never promised: without a loaded text it is not sold.
    /// </summary>
    public int? DeliveryDays(int deliverableId, ProductFormat format, string language) =>
        format == ProductFormat.Online ? (Texts?.Contains((deliverableId, language)) == true ? 0 : null)
        : Filed.Contains((deliverableId, language)) ? 0
        : WorkingDays.TryGetValue(format, out var days) ? days
        : null;
}
