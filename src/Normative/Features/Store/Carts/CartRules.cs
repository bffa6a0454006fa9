namespace Normative.Features.Store.Carts;

/// <summary>
/// What a cart may hold: a read-online licence is for one person (quantity 1); a PDF or a
/// subscription for one person, or, where the store sells multi-user licences, for 2 to
/// <c>maxSeats</c> named seats; printed copies 1 to 99.
/// </summary>
public static class CartRules
{
    public const int MaxQuantity = 99;

    public const int MaxLines = 50;

    /// <summary>Carts without any change for this long are expired.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(30);

    /// <summary>Null when the quantity is allowed for the format, else the resource key of the problem.</summary>
    /// <param name="maxSeats">The most seats of a multi-user PDF licence (<see cref="StoreOptions.MaxSeats"/>); 1: none sold.</param>
    public static string? CheckQuantity(ProductFormat format, int quantity, int maxSeats = 1) => (format, quantity) switch
    {
        (ProductFormat.Pdf or ProductFormat.Online or ProductFormat.Subscription, 1) => null,
        (ProductFormat.Pdf or ProductFormat.Subscription, > 1) when quantity <= maxSeats => null,
        (ProductFormat.Pdf or ProductFormat.Subscription, > 1) when maxSeats > 1 => "Cart.Error.TooManySeats",
        (ProductFormat.Subscription, _) => "Cart.Error.SubscriptionQuantity",
        (ProductFormat.Pdf or ProductFormat.Online, _) => "Cart.Error.PdfQuantity",
        (_, < 1) => "Cart.Error.QuantityTooSmall",
        (_, > MaxQuantity) => "Cart.Error.QuantityTooLarge",
        _ => null,
    };

    public static bool IsExpired(Cart cart, DateTimeOffset now) => cart.CheckedOutAt is null && now - cart.UpdatedAt > Lifetime;

    /// <summary>
    /// Moves the anonymous cart's lines into the buyer's cart: a PDF already there stays one licence;
    /// printed copies add up, to at most <see cref="MaxQuantity"/>. Returns true if anything changed.
    /// </summary>
    public static bool Merge(Cart into, Cart from, DateTimeOffset now)
    {
        var changed = false;
        foreach (var line in from.Lines)
        {
            var existing = into.Lines.FirstOrDefault(l => l.DeliverableId == line.DeliverableId && l.CollectionId == line.CollectionId && l.Format == line.Format && l.Language == line.Language);
            if (existing is null)
            {
                if (into.Lines.Count >= MaxLines)
                {
                    continue;
                }
                into.Lines.Add(new CartLine { DeliverableId = line.DeliverableId, CollectionId = line.CollectionId, Format = line.Format, Language = line.Language, Quantity = line.Quantity, AddedAt = line.AddedAt });
                changed = true;
            }
            else if (line.Format == ProductFormat.Paper)
            {
                var sum = Math.Min(MaxQuantity, existing.Quantity + line.Quantity);
                changed |= sum != existing.Quantity;
                existing.Quantity = sum;
            }
        }
        if (changed)
        {
            into.UpdatedAt = now;
            into.Revision++;
        }
        return changed;
    }
}
