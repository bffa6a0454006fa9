using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Carts;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Shipping;
using Normative.Features.Store.Subscriptions;
using Normative.Features.Store.Tax;
using Normative.Web;
using Npgsql;

namespace Normative.Features.Store.Checkout;

/// <summary>
/// Turns a priced cart into an order, with every price, VAT rate, shipping charge and total computed
/// here. The unique index on orders.cart_id makes a second submission of the same cart (a double
/// click, a reload, a hundred at once) find the first order instead of making another.
/// </summary>
public static class OrderPlacement
{
    public sealed record Result(Order? Order, string? ProblemKey);

    /// <param name="details">As checked by <see cref="CheckoutRules"/>; <see cref="CheckoutDetails.BuyFor"/> an organisation the buyer belongs to, checked by the caller.</param>
    /// <param name="by">Who placed it, for the order's history.</param>
    /// <param name="downloadLimit">How many times each PDF may be downloaded (Store:DownloadLimit).</param>
    public static async Task<Result> PlaceAsync(NormativeDb db, StoreMail mail, TaxRegime regime, PricedCart priced, CheckoutDetails details, string userId, string by,
        int downloadLimit, DateTimeOffset now, CancellationToken ct)
    {
        var cart = priced.Cart;
        var existing = await FindByCartAsync(db, cart.Id, ct);
        if (existing is not null)
        {
            return new Result(existing, null);
        }
        if (cart.CheckedOutAt is not null || cart.UserId != userId)
        {
            return new Result(null, "Checkout.Error.CartGone");
        }
        if (priced.HasUnavailable)
        {
            return new Result(null, "Checkout.Error.Unavailable");
        }
        if (!priced.Lines.Any())
        {
            return new Result(null, "Checkout.Error.Empty");
        }
        if (priced.HasSeats && details.BuyFor is null)
        {
            return new Result(null, "Checkout.Error.SeatsNeedOrganization");
        }

        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var country = details.Country!.Trim().ToUpperInvariant();
        var vatNumber = CheckoutRules.Clean(details.VatNumber) is { } typed ? VatNumbers.Normalize(country, typed) : null;
        var shipTo = !priced.HasPaper ? null : details.ShipToBilling ? country : details.ShippingCountry?.Trim().ToUpperInvariant();
        // A PDF is taxed where the buyer is billed, a printed copy where it is shipped.
        var taxes = priced.Available.Select(l => regime.Decide(country, vatNumber, TaxRegime.KindOf(l.CartLine.Format), today, shipTo)).ToList();
        if (taxes.Any(t => t is null))
        {
            return new Result(null, "Checkout.Error.NoTaxRule");
        }
        // The charge comes from the rates now, whatever the checkout page showed.
        var shipping = shipTo is null ? null : await ShippingRates.QuoteAsync(db, shipTo, priced.PrintedPages, ct);
        if (priced.HasPaper && shipping is null)
        {
            return new Result(null, "Checkout.Error.NotShipped");
        }
        var order = new Order
        {
            UserId = userId,
            CartId = cart.Id,
            Status = OrderStatus.Placed,
            Currency = regime.Currency.Code,
            PaymentMethod = details.PaymentMethod!.Value,
            Culture = Cultures.Current,
            BillingName = CheckoutRules.Clean(details.Name)!,
            BillingOrganization = CheckoutRules.Clean(details.Organization),
            BillingStreet = CheckoutRules.Clean(details.Street)!,
            BillingPostalCode = CheckoutRules.Clean(details.PostalCode)!,
            BillingCity = CheckoutRules.Clean(details.City)!,
            BillingCountry = country,
            BillingEmail = details.Email!.Trim(),
            VatNumber = vatNumber,
            LicenceHolder = priced.HasSingleUserPdf ? CheckoutRules.Clean(details.LicenceHolder) : null,
            OrganizationId = details.BuyFor,
            ShippingName = !priced.HasPaper ? null : details.ShipToBilling ? CheckoutRules.Clean(details.Name) : CheckoutRules.Clean(details.ShippingName),
            ShippingOrganization = !priced.HasPaper ? null : CheckoutRules.Clean(details.ShipToBilling ? details.Organization : details.ShippingOrganization),
            ShippingStreet = !priced.HasPaper ? null : CheckoutRules.Clean(details.ShipToBilling ? details.Street : details.ShippingStreet),
            ShippingPostalCode = !priced.HasPaper ? null : CheckoutRules.Clean(details.ShipToBilling ? details.PostalCode : details.ShippingPostalCode),
            ShippingCity = !priced.HasPaper ? null : CheckoutRules.Clean(details.ShipToBilling ? details.City : details.ShippingCity),
            ShippingCountry = shipTo,
            PlacedAt = now,
        };
        if (shipping is not null)
        {
            // Shipping follows the VAT of the printed copies it delivers: their rate, country and basis (reverse charge, export).
            var printed = priced.Available.Zip(taxes).First(p => p.First.CartLine.Format == ProductFormat.Paper).Second!;
            (order.ShippingCharge, order.ShippingVatRate, order.ShippingTaxCountry, order.ShippingTaxBasis, order.ShippingZone) =
                (shipping.Price, printed.Rate, printed.Country, printed.Basis, shipping.Zone);
        }
        var number = 0;
        foreach (var (line, tax) in priced.Available.Zip(taxes))
        {
            var format = line.CartLine.Format;
            if (line.Collection is { } collection)
            {
                order.Lines.Add(SubscriptionLine(collection, ++number, line.CartLine.Quantity, line.UnitPrice, line.Net, tax!, downloadLimit));
                Seats.SeatActions.AddTo(order.Lines[^1], downloadLimit);
                continue;
            }
            order.Lines.Add(new OrderLine
            {
                LineNumber = ++number,
                DeliverableId = line.Deliverable!.Id,
                Reference = line.Deliverable.Reference,
                Title = Catalogue.CatalogueFormat.Title(line.Deliverable),
                Format = format,
                Language = line.CartLine.Language,
                Quantity = line.CartLine.Quantity,
                UnitPrice = line.UnitPrice,
                LineNet = line.Net,
                VatRate = tax!.Rate,
                TaxCountry = tax.Country,
                TaxBasis = tax.Basis,
                ShippingStatus = format == ProductFormat.Paper ? ShippingStatus.Pending : ShippingStatus.NotApplicable,
                DownloadLimit = format == ProductFormat.Pdf ? downloadLimit : 0,
            });
            Seats.SeatActions.AddTo(order.Lines[^1], downloadLimit);
        }
        var totals = order.TotalsIn(regime.Currency);
        order.NetTotal = totals.Net;
        order.VatTotal = totals.Vat;
        order.Rounding = totals.Rounding;
        order.Total = totals.Total;
        order.Events.Add(new OrderEvent { At = now, By = by, Kind = OrderEventKind.Placed, Note = order.PaymentMethod.ToString() });
        cart.CheckedOutAt = now;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Orders.Add(order);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var first = await FindByCartAsync(db, cart.Id, ct);
            return first is null ? new Result(null, "Checkout.Error.CartGone") : new Result(first, null);
        }
        if (order.PaymentMethod == PaymentMethod.Invoice)
        {
            // The number comes from the database, so the pro-forma invoice is made after the insert, in the same transaction.
            mail.QueueProForma(db, order, now);
            order.Events.Add(new OrderEvent { At = now, By = by, Kind = OrderEventKind.InvoiceSent, Note = order.BillingEmail });
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return new Result(order, null);
    }

    /// <summary>
    /// A year's subscription, for one person or for named seats: named in English for the books and
    /// in the buyer's language for the invoice; its limit applies to each covered standard and
    /// language (and, with seats, to each seat holder).
    /// </summary>
    private static OrderLine SubscriptionLine(Collection collection, int number, int quantity, decimal unitPrice, decimal net, TaxDecision tax, int downloadLimit) => new()
    {
        LineNumber = number,
        CollectionId = collection.Id,
        Reference = collection.NameEn,
        Title = collection.NameIn(Cultures.Current),
        Format = ProductFormat.Subscription,
        Language = Collection.AllLanguages,
        Quantity = quantity,
        UnitPrice = unitPrice,
        LineNet = net,
        VatRate = tax.Rate,
        TaxCountry = tax.Country,
        TaxBasis = tax.Basis,
        ShippingStatus = ShippingStatus.NotApplicable,
        DownloadLimit = downloadLimit,
    };

    private static Task<Order?> FindByCartAsync(NormativeDb db, Guid cartId, CancellationToken ct) =>
        db.Orders.AsNoTracking().SingleOrDefaultAsync(o => o.CartId == cartId, ct);
}
