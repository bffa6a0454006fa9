using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Store.Alerts;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Pdf;
using Normative.Mail;
using Normative.Web;

namespace Normative.Features.Store;

/// <summary>
/// The store's mail, in the buyer's language, queued in the caller's unit of work: the pro-forma
/// invoice, the order confirmation with its invoice, and alerts about bought standards.
/// </summary>
public static class StoreMail
{
    public sealed record AlertItem(string BoughtReference, AlertKind Kind, string? NewReference, string Link);

    public static void QueueProForma(NormativeDb db, IStringLocalizer t, Order order, InvoicePdf.Seller seller, string origin, DateTimeOffset now)
    {
        using var _ = CultureScope.Use(order.Culture);
        var pdf = InvoicePdf.Create(order, proForma: true, seller, t, now);
        var link = origin + StoreLinks.Order(order.Number);
        var paragraphs = new[]
        {
            t["Mail.ProForma.Intro", order.Number].Value,
            t["Mail.ProForma.Pay", Chf.Format(order.Total), seller.BankAccount ?? t["Invoice.BankOnRequest"].Value, order.Number].Value,
            t["Mail.ProForma.Downloads"].Value,
        };
        Queue(db, t, order.BillingEmail, order.BillingName, t["Mail.ProForma.Subject", seller.Name, order.Number].Value, paragraphs,
            (t["Mail.SeeOrder"].Value, link), seller.Name,
            new OutboxAttachment { FileName = $"proforma-{order.Number}.pdf", ContentType = "application/pdf", Content = pdf });
    }

    public static void QueueConfirmation(NormativeDb db, IStringLocalizer t, Order order, InvoicePdf.Seller seller, string origin, DateTimeOffset now)
    {
        using var _ = CultureScope.Use(order.Culture);
        var pdf = InvoicePdf.Create(order, proForma: false, seller, t, now);
        var link = origin + StoreLinks.Order(order.Number);
        var paragraphs = new List<string> { t["Mail.Confirmation.Intro", order.Number, Chf.Format(order.Total)].Value };
        paragraphs.AddRange(order.Lines.OrderBy(l => l.LineNumber).Select(l =>
            $"• {l.Reference} — {t["Format." + l.Format].Value}, {Catalogue.CatalogueFormat.LanguageName(l.Language)}" + (l.Quantity > 1 ? $" × {l.Quantity}" : "")));
        if (order.Lines.Any(l => l.Format == ProductFormat.Pdf))
        {
            paragraphs.Add(t["Mail.Confirmation.Downloads", order.LicenceHolder ?? ""].Value);
        }
        if (order.Lines.Any(l => l.Format == ProductFormat.Paper))
        {
            paragraphs.Add(t["Mail.Confirmation.Shipping"].Value);
        }
        Queue(db, t, order.BillingEmail, order.BillingName, t["Mail.Confirmation.Subject", seller.Name, order.Number].Value, paragraphs,
            (t["Mail.SeeOrder"].Value, link), seller.Name,
            new OutboxAttachment { FileName = $"invoice-{order.Number}.pdf", ContentType = "application/pdf", Content = pdf });
    }

    public static void QueueAlert(NormativeDb db, IStringLocalizer t, string to, string culture, string sellerName, IReadOnlyList<AlertItem> items, string settingsLink)
    {
        using var _ = CultureScope.Use(culture);
        var paragraphs = new List<string> { t["Mail.Alert.Intro"].Value };
        foreach (var item in items)
        {
            var what = item.NewReference is null
                ? t["Alert." + item.Kind + ".NoNew", item.BoughtReference].Value
                : t["Alert." + item.Kind, item.BoughtReference, item.NewReference].Value;
            paragraphs.Add($"• {what}\n  {item.Link}");
        }
        paragraphs.Add(t["Mail.Alert.TurnOff", settingsLink].Value);
        Queue(db, t, to, null, t["Mail.Alert.Subject", sellerName].Value, paragraphs, null, sellerName);
    }

    private static void Queue(NormativeDb db, IStringLocalizer t, string to, string? name, string subject, IEnumerable<string> paragraphs,
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
}
