namespace Normative.Features.Store.Offers;

/// <summary>
/// What can be bought of a deliverable: a format in a language, at a net price in CHF.
/// <paramref name="DeliveryDays"/> is 0 when the file is there (a PDF downloads at once after
/// payment), else the working days the Editors promise for preparing it.
/// </summary>
public sealed record Offer(int DeliverableId, ProductFormat Format, string Language, decimal Price, int? Pages, int DeliveryDays)
{
    public bool AtOnce => DeliveryDays == 0;
}
