using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Alerts;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Pdf;
using Normative.Features.Store.Subscriptions;
using Normative.Features.Store.Tax;
using Normative.Mail;
using Normative.Web;

namespace Normative.Features.Store;

/// <summary>
/// The store's mail, in the buyer's language, queued in the caller's unit of work: the pro-forma
/// invoice, the order confirmation with its invoice, printed copies shipped and delivered, and alerts
/// about bought standards. Links in mail lead to the site's public address (Site:BaseUrl).
/// </summary>
public sealed class StoreMail(IStringLocalizer<StoreText> t, TaxRegime regime, IConfiguration configuration, IOptions<OrganizationOptions> organization, IOptions<StoreOptions> store)
{
    /// <summary>A change to a bought standard; the mail links to the store's page of <paramref name="DeliverableId"/>.</summary>
    /// <param name="ChangesFrom">The bought edition, when the texts of it and of the new one can be compared (Catalogue's "what changed" page).</param>
    public sealed record AlertItem(string BoughtReference, AlertKind Kind, string? NewReference, int DeliverableId, int? ChangesFrom = null);

    /// <summary>A deliverable that joined a collection someone subscribes to; the mail links to the subscription's page.</summary>
    /// <param name="Replaced">For a new edition, the edition it replaces.</param>
    public sealed record SubscriptionItem(Collection Collection, long SubscriptionId, DateTimeOffset EndsAt, string Reference, UpdateKind Kind, string? Replaced);

    /// <summary>Who sells: the organisation on invoices, in mail signatures and on the payment page.</summary>
    public InvoicePdf.Seller Seller => StoreSeller.From(organization.Value, store.Value);

    public void QueueProForma(NormativeDb db, Order order, DateTimeOffset now)
    {
        using var _ = CultureScope.Use(order.Culture);
        var seller = Seller;
        var pdf = InvoicePdf.Create(order, InvoicePdf.Kind.ProForma, seller, regime.Currency, t, now);
        var paragraphs = new[]
        {
            t["Mail.ProForma.Intro", order.Number].Value,
            t["Mail.ProForma.Pay", regime.Currency.Format(order.Total), seller.BankAccount ?? t["Invoice.BankOnRequest"].Value, order.Number].Value,
            t["Mail.ProForma.Downloads"].Value,
        };
        Queue(db, order.BillingEmail, order.BillingName, t["Mail.ProForma.Subject", seller.Name, order.Number].Value, paragraphs,
            (t["Mail.SeeOrder"].Value, Link(StoreLinks.Order(order.Number))), seller.Name,
            new OutboxAttachment { FileName = $"proforma-{order.Number}.pdf", ContentType = "application/pdf", Content = pdf });
    }

    public void QueueConfirmation(NormativeDb db, Order order, DateTimeOffset now)
    {
        using var _ = CultureScope.Use(order.Culture);
        var seller = Seller;
        var pdf = InvoicePdf.Create(order, InvoicePdf.Kind.Invoice, seller, regime.Currency, t, now);
        var paragraphs = new List<string> { t["Mail.Confirmation.Intro", order.Number, regime.Currency.Format(order.Total)].Value };
        paragraphs.AddRange(order.Lines.OrderBy(l => l.LineNumber).Select(l =>
            $"• {l.Reference} — {t["Format." + l.Format].Value}, {Catalogue.CatalogueFormat.LanguageName(l.Language)}" + (l.Quantity > 1 ? $" × {l.Quantity}" : "")));
        if (order.LicenceHolder is not null)
        {
            paragraphs.Add(t["Mail.Confirmation.Downloads", order.LicenceHolder].Value);
        }
        if (order.Lines.Any(Seats.SeatRules.HasSeats))
        {
            paragraphs.Add(t["Mail.Confirmation.Seats", order.BillingOrganization ?? ""].Value);
        }
        if (order.Lines.Any(l => l.Format == ProductFormat.Online))
        {
            paragraphs.Add(t["Mail.Confirmation.Reading"].Value);
        }
        if (order.ShippingCharge is { } shipping)
        {
            paragraphs.Add("• " + t["Mail.ShippingCharge", Countries.NameOf(order.ShippingCountry ?? order.BillingCountry), regime.Currency.Format(shipping)].Value);
        }
        if (order.Lines.Any(l => l.Format == ProductFormat.Paper))
        {
            paragraphs.Add(t["Mail.Confirmation.Shipping"].Value);
        }
        if (order.Lines.Any(l => l.Format == ProductFormat.Subscription))
        {
            paragraphs.Add(t["Mail.Confirmation.Subscriptions", Link(StoreLinks.Downloads())].Value);
        }
        Queue(db, order.BillingEmail, order.BillingName, t["Mail.Confirmation.Subject", seller.Name, order.Number].Value, paragraphs,
            (t["Mail.SeeOrder"].Value, Link(StoreLinks.Order(order.Number))), seller.Name,
            new OutboxAttachment { FileName = $"invoice-{order.InvoiceNumber ?? order.Number}.pdf", ContentType = "application/pdf", Content = pdf });
    }

    /// <summary>The order is refunded: the buyer gets the credit note; the licences end.</summary>
    public void QueueRefund(NormativeDb db, Order order, DateTimeOffset now)
    {
        using var _ = CultureScope.Use(order.Culture);
        var seller = Seller;
        var pdf = InvoicePdf.Create(order, InvoicePdf.Kind.CreditNote, seller, regime.Currency, t, now);
        var paragraphs = new[] { t["Mail.Refund.Intro", order.Number, regime.Currency.Format(order.Total)].Value, t["Mail.Refund.Licences"].Value };
        Queue(db, order.BillingEmail, order.BillingName, t["Mail.Refund.Subject", seller.Name, order.Number].Value, paragraphs,
            (t["Mail.SeeOrder"].Value, Link(StoreLinks.Order(order.Number))), seller.Name,
            new OutboxAttachment { FileName = $"credit-note-{order.CreditNoteNumber ?? order.Number}.pdf", ContentType = "application/pdf", Content = pdf });
    }

    /// <summary>An unpaid order is cancelled: nothing is owed any more.</summary>
    public void QueueCancellation(NormativeDb db, Order order, string? reason)
    {
        using var _ = CultureScope.Use(order.Culture);
        var sellerName = organization.Value.Name;
        var paragraphs = new List<string> { t["Mail.Cancelled.Intro", order.Number].Value };
        if (reason is not null)
        {
            paragraphs.Add(t["Mail.Cancelled.Reason", reason].Value);
        }
        paragraphs.Add(t["Mail.Cancelled.NothingOwed"].Value);
        Queue(db, order.BillingEmail, order.BillingName, t["Mail.Cancelled.Subject", sellerName, order.Number].Value, paragraphs,
            (t["Mail.SeeOrder"].Value, Link(StoreLinks.Order(order.Number))), sellerName);
    }

    public void QueueAlert(NormativeDb db, string to, string culture, IReadOnlyList<AlertItem> items)
    {
        using var _ = CultureScope.Use(culture);
        var sellerName = organization.Value.Name;
        var paragraphs = new List<string> { t["Mail.Alert.Intro"].Value };
        foreach (var item in items)
        {
            var what = item.NewReference is null
                ? t["Alert." + item.Kind + ".NoNew", item.BoughtReference].Value
                : t["Alert." + item.Kind, item.BoughtReference, item.NewReference].Value;
            paragraphs.Add($"• {what}\n  {Link(StoreLinks.Product(item.DeliverableId))}"
                + (item.ChangesFrom is { } from ? $"\n  {t["Mail.Alert.Changes"].Value} {Link(Catalogue.CatalogueLinks.Changes(item.DeliverableId, from))}" : ""));
        }
        paragraphs.Add(t["Mail.Alert.TurnOff", Link(StoreLinks.Alerts())].Value);
        Queue(db, to, null, t["Mail.Alert.Subject", sellerName].Value, paragraphs, null, sellerName);
    }

    /// <summary>What joined the collections a subscriber subscribes to, by subscription, each with the page to download it from.</summary>
    public void QueueSubscriptionNews(NormativeDb db, string to, string culture, IReadOnlyList<SubscriptionItem> items)
    {
        using var _ = CultureScope.Use(culture);
        var sellerName = organization.Value.Name;
        var paragraphs = new List<string> { t["Mail.Subscription.Intro"].Value };
        foreach (var subscription in items.GroupBy(i => i.SubscriptionId))
        {
            var first = subscription.First();
            var text = new StringBuilder(t["Mail.Subscription.Collection", first.Collection.NameIn(Cultures.Current), first.EndsAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value);
            foreach (var item in subscription.DistinctBy(i => i.Reference))
            {
                var what = item.Replaced is not null
                    ? t["Update.NewEdition", item.Reference, item.Replaced].Value
                    : t["Update." + (item.Kind == UpdateKind.NewEdition ? UpdateKind.Added : item.Kind), item.Reference].Value;
                text.Append("\n• ").Append(what);
            }
            text.Append("\n  ").Append(t["Mail.Subscription.Download"].Value).Append(' ').Append(Link(StoreLinks.Subscription(subscription.Key)));
            paragraphs.Add(text.ToString());
        }
        paragraphs.Add(t["Mail.Subscription.TurnOff", Link(StoreLinks.Alerts())].Value);
        Queue(db, to, null, t["Mail.Subscription.Subject", sellerName].Value, paragraphs, null, sellerName);
    }

    /// <summary>The master file of a PDF the buyer paid for has arrived: the download is open.</summary>
    public void QueueFileReady(NormativeDb db, Order order, string reference, string language)
    {
        using var _ = CultureScope.Use(order.Culture);
        var sellerName = organization.Value.Name;
        var paragraphs = new[] { t["Mail.FileReady.Intro", order.Number, reference, Catalogue.CatalogueFormat.LanguageName(language)].Value };
        Queue(db, order.BillingEmail, order.BillingName, t["Mail.FileReady.Subject", sellerName, reference].Value, paragraphs,
            (t["Mail.SeeOrder"].Value, Link(StoreLinks.Order(order.Number))), sellerName);
    }

    private string Link(string path) => SiteLinks.Mail(configuration, path);

    private void Queue(NormativeDb db, string to, string? name, string subject, IEnumerable<string> paragraphs,
        (string Text, string Url)? action, string sellerName, params OutboxAttachment[] attachments)
    {
        var greeting = name is null ? t["Mail.GreetingAnonymous"].Value : t["Mail.Greeting", name].Value;
        var signature = t["Mail.Signature", sellerName].Value;
        var text = new StringBuilder().Append(greeting).Append("\n\n");
        var html = new StringBuilder().Append("<p>").Append(H(greeting)).Append("</p>\n");
        foreach (var p in paragraphs)
        {
            text.Append(p).Append("\n\n");
            html.Append("<p>").Append(H(p).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>\n");
        }
        if (action is { } a)
        {
            text.Append(a.Text).Append(":\n").Append(a.Url).Append("\n\n");
            html.Append("<p><a href=\"").Append(H(a.Url)).Append("\">").Append(H(a.Text)).Append("</a></p>\n");
        }
        text.Append(signature).Append('\n');
        html.Append("<p>").Append(H(signature)).Append("</p>\n");
        Outbox.Enqueue(db, to, subject, text.ToString(), html.ToString(), attachments);
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A parcel of the order's printed copies has left: what is in it, the carrier and the tracking reference.</summary>
    public void QueueShipped(NormativeDb db, Order order, Shipment shipment, IReadOnlyList<OrderLine> lines)
    {
        using var _ = CultureScope.Use(order.Culture);
        var sellerName = organization.Value.Name;
        var paragraphs = new List<string> { t["Mail.Shipped.Intro", order.Number, shipment.Carrier].Value };
        paragraphs.AddRange(Items(lines));
        paragraphs.Add(t["Mail.Shipped.Tracking", shipment.TrackingReference].Value
            + (shipment.TrackingUrl is { } url ? "\n" + t["Mail.Shipped.Follow", url].Value : ""));
        paragraphs.Add(t["Mail.Shipped.Address"].Value + "\n" + string.Join("\n", new[]
        {
            order.ShippingName, order.ShippingOrganization, order.ShippingStreet, $"{order.ShippingPostalCode} {order.ShippingCity}",
            order.ShippingCountry is { } country ? Countries.NameOf(country) : null,
        }.OfType<string>()));
        Queue(db, order.BillingEmail, order.BillingName, t["Mail.Shipped.Subject", sellerName, order.Number].Value, paragraphs,
            (t["Mail.SeeOrder"].Value, Link(StoreLinks.Order(order.Number))), sellerName);
    }

    /// <summary>A parcel of the order's printed copies has been delivered.</summary>
    public void QueueDelivered(NormativeDb db, Order order, Shipment shipment, IReadOnlyList<OrderLine> lines)
    {
        using var _ = CultureScope.Use(order.Culture);
        var sellerName = organization.Value.Name;
        var delivered = (shipment.DeliveredAt ?? shipment.ShippedAt).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var paragraphs = new List<string> { t["Mail.Delivered.Intro", order.Number, shipment.Carrier, shipment.TrackingReference, delivered].Value };
        paragraphs.AddRange(Items(lines));
        paragraphs.Add(t["Mail.Delivered.NotReceived", order.Number].Value);
        Queue(db, order.BillingEmail, order.BillingName, t["Mail.Delivered.Subject", sellerName, order.Number].Value, paragraphs,
            (t["Mail.SeeOrder"].Value, Link(StoreLinks.Order(order.Number))), sellerName);
    }

    private IEnumerable<string> Items(IEnumerable<OrderLine> lines) =>
        lines.OrderBy(l => l.LineNumber).Select(l => $"• {l.Reference} — {t["Format." + l.Format].Value}, {Catalogue.CatalogueFormat.LanguageName(l.Language)} × {l.Quantity}");
}
