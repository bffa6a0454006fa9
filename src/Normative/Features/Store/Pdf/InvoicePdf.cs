using Microsoft.Extensions.Localization;
using Normative.Features.Shared;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Tax;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Normative.Features.Store.Pdf;

/// <summary>
/// The pro-forma invoice (mailed when a buyer chooses to pay by bank transfer) and the invoice
/// (mailed once paid), in the order's language. The caller sets the culture (<see cref="Normative.Web.CultureScope"/>).
/// </summary>
public static class InvoicePdf
{
    public sealed record Seller(string Name, IReadOnlyList<string> Address, string? Email, string? BankAccount);

    private const double Left = 50;
    private const double Right = 545;

    /// <summary>What the document is: a request to pay, the invoice of a paid order, or the credit note of a refund.</summary>
    public enum Kind
    {
        ProForma,
        Invoice,
        CreditNote,
    }

    public static byte[] Create(Order order, Kind kind, Seller seller, Currency currency, IStringLocalizer t, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(currency);
        PdfFonts.EnsureReady();
        var proForma = kind == Kind.ProForma;
        using var document = new PdfDocument();
        var title = t[kind switch { Kind.ProForma => "Invoice.ProFormaTitle", Kind.CreditNote => "CreditNote.Title", _ => "Invoice.Title" }].Value;
        var number = kind switch
        {
            Kind.Invoice => order.InvoiceNumber ?? order.Number,
            Kind.CreditNote => order.CreditNoteNumber ?? order.Number,
            _ => order.Number,
        };
        document.Info.Title = $"{title} {number}";
        document.Info.Author = seller.Name;

        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var normal = new XFont(PdfFonts.Family, 9, XFontStyleEx.Regular, options);
        var bold = new XFont(PdfFonts.Family, 9, XFontStyleEx.Bold, options);
        var heading = new XFont(PdfFonts.Family, 18, XFontStyleEx.Bold, options);
        var brand = new XFont(PdfFonts.Family, 13, XFontStyleEx.Bold, options);

        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var gfx = XGraphics.FromPdfPage(page);
        try
        {
            double y = 60;
            gfx.DrawString(seller.Name, brand, XBrushes.Black, Left, y);
            foreach (var line in seller.Address.Append(seller.Email).OfType<string>())
            {
                y += 12;
                gfx.DrawString(line, normal, XBrushes.Black, Left, y);
            }

            gfx.DrawString(title, heading, XBrushes.Black, new XRect(300, 42, Right - 300, 24), XStringFormats.TopRight);
            var facts = new List<(string, string)>
            {
                (t["Invoice.Number"].Value, number),
                (t["Invoice.Date"].Value, issuedAt.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                (t["Invoice.Order"].Value, order.Number),
                (t["Invoice.PaymentMethod"].Value, t["PaymentMethod." + order.PaymentMethod].Value),
            };
            if (kind == Kind.CreditNote && order.InvoiceNumber is { } invoice)
            {
                facts.Add((t["CreditNote.ForInvoice"].Value, invoice));
            }
            if (!proForma && order.PaidAt is { } paid)
            {
                facts.Add((t["Invoice.PaidOn"].Value, paid.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            }
            var fy = 80.0;
            foreach (var (label, value) in facts)
            {
                gfx.DrawString(label, normal, XBrushes.Black, new XRect(300, fy, 130, 12), XStringFormats.TopLeft);
                gfx.DrawString(value, bold, XBrushes.Black, new XRect(430, fy, Right - 430, 12), XStringFormats.TopRight);
                fy += 13;
            }

            y = Math.Max(y, fy) + 28;
            gfx.DrawString(t["Invoice.BillTo"].Value, bold, XBrushes.Black, Left, y);
            foreach (var line in new[]
                     {
                         order.BillingName, order.BillingOrganization, order.BillingStreet,
                         $"{order.BillingPostalCode} {order.BillingCity}", Countries.NameOf(order.BillingCountry),
                         order.VatNumber is null ? null : t["Invoice.VatNumber", order.VatNumber].Value,
                         order.BillingEmail,
                     }.OfType<string>())
            {
                y += 12;
                gfx.DrawString(line, normal, XBrushes.Black, Left, y);
            }
            if (order.LicenceHolder is not null)
            {
                y += 18;
                gfx.DrawString(t["Invoice.LicenceHolder", order.LicenceHolder].Value, normal, XBrushes.Black, Left, y);
            }

            y += 30;
            double[] cols = [Left, 150, 370, 420, 470, Right];
            void Header()
            {
                gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(255, 235, 239, 244)), Left, y - 11, Right - Left, 16);
                gfx.DrawString(t["Invoice.Reference"].Value, bold, XBrushes.Black, cols[0] + 2, y);
                gfx.DrawString(t["Invoice.Description"].Value, bold, XBrushes.Black, cols[1], y);
                gfx.DrawString(t["Invoice.Quantity"].Value, bold, XBrushes.Black, new XRect(cols[2], y - 9, cols[3] - cols[2] - 4, 12), XStringFormats.TopRight);
                gfx.DrawString(t["Invoice.UnitPrice"].Value, bold, XBrushes.Black, new XRect(cols[3], y - 9, cols[4] - cols[3] - 4, 12), XStringFormats.TopRight);
                gfx.DrawString(t["Invoice.Amount"].Value, bold, XBrushes.Black, new XRect(cols[4], y - 9, cols[5] - cols[4] - 2, 12), XStringFormats.TopRight);
                y += 18;
            }
            Header();
            void NextPageWhenFull()
            {
                if (y > 740)
                {
                    gfx.Dispose();
                    page = document.AddPage();
                    page.Size = PdfSharp.PageSize.A4;
                    gfx = XGraphics.FromPdfPage(page);
                    y = 60;
                    Header();
                }
            }
            foreach (var line in order.Lines.OrderBy(l => l.LineNumber))
            {
                NextPageWhenFull();
                var description = $"{t["Format." + line.Format].Value}, {Catalogue.CatalogueFormat.LanguageName(line.Language)} — {line.Title}";
                gfx.DrawString(Fit(gfx, line.Reference, normal, cols[1] - cols[0] - 6), normal, XBrushes.Black, cols[0] + 2, y);
                gfx.DrawString(Fit(gfx, description, normal, cols[2] - cols[1] - 6), normal, XBrushes.Black, cols[1], y);
                Number(gfx, line.Quantity.ToString(System.Globalization.CultureInfo.CurrentCulture), normal, cols[2], cols[3] - 4, y);
                Number(gfx, currency.Number(line.UnitPrice), normal, cols[3], cols[4] - 4, y);
                Number(gfx, currency.Number(line.LineNet), normal, cols[4], cols[5] - 2, y);
                y += 14;
            }
            if (order.ShippingCharge is { } shipping)
            {
                // Shipping is a line of its own, taxed with the printed copies in the totals below.
                NextPageWhenFull();
                var description = t["Invoice.Shipping", Countries.NameOf(order.ShippingCountry ?? order.BillingCountry)].Value;
                gfx.DrawString(Fit(gfx, description, normal, cols[2] - cols[1] - 6), normal, XBrushes.Black, cols[1], y);
                Number(gfx, currency.Number(shipping), normal, cols[4], cols[5] - 2, y);
                y += 14;
            }

            y += 6;
            gfx.DrawLine(XPens.Gray, Left, y - 8, Right, y - 8);
            var totals = order.TotalsIn(currency);
            void Total(string label, decimal amount, XFont font)
            {
                gfx.DrawString(label, font, XBrushes.Black, new XRect(250, y - 9, 210, 12), XStringFormats.TopRight);
                Number(gfx, currency.Format(amount), font, 460, Right - 2, y);
                y += 14;
            }
            Total(t["Totals.Net"].Value, totals.Net, normal);
            foreach (var rate in totals.ByRate)
            {
                Total(t["Totals.VatAt", Vat.Percent(rate.Rate), currency.Format(rate.Net), t["Totals.Basis." + rate.Basis, Countries.NameOf(rate.Country)].Value].Value, rate.Vat, normal);
            }
            if (totals.Rounding != 0)
            {
                Total(t["Totals.Rounding", currency.Format(currency.CashRounding)].Value, totals.Rounding, normal);
            }
            Total(t[kind == Kind.CreditNote ? "CreditNote.Total" : "Totals.Total"].Value, totals.Total, bold);

            y += 20;
            var notes = new List<string>();
            // What the law asks an invoice to say about VAT not charged, or charged at another state's rate.
            if (totals.ByRate.Any(r => r.Basis == TaxBasis.ReverseCharge))
            {
                notes.Add(t["Invoice.ReverseCharge", order.VatNumber ?? ""].Value);
            }
            foreach (var oss in totals.ByRate.Where(r => r.Basis == TaxBasis.OneStopShop).Select(r => r.Country).Distinct())
            {
                notes.Add(t["Invoice.OneStopShop", Countries.NameOf(oss)].Value);
            }
            if (totals.ByRate.Any(r => r.Basis == TaxBasis.Export))
            {
                notes.Add(t["Invoice.NoVat"].Value);
            }
            if (kind == Kind.CreditNote)
            {
                notes.Add(t["CreditNote.Text", order.InvoiceNumber ?? order.Number, currency.Format(totals.Total)].Value);
            }
            else if (proForma)
            {
                notes.Add(t["Invoice.PayBy", currency.Format(order.Total), seller.BankAccount ?? t["Invoice.BankOnRequest"].Value, order.Number].Value);
                notes.Add(t["Invoice.DownloadsAfterPayment"].Value);
            }
            else
            {
                notes.Add(t["Invoice.Thanks"].Value);
            }
            foreach (var note in notes)
            {
                foreach (var line in Wrap(gfx, note, normal, Right - Left))
                {
                    gfx.DrawString(line, normal, XBrushes.Black, Left, y);
                    y += 12;
                }
                y += 4;
            }
        }
        finally
        {
            gfx.Dispose();
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    private static void Number(XGraphics gfx, string text, XFont font, double from, double to, double y) =>
        gfx.DrawString(text, font, XBrushes.Black, new XRect(from, y - 9, to - from, 12), XStringFormats.TopRight);

    /// <summary>Cuts the text with an ellipsis so it fits the width.</summary>
    public static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }
        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width)
        {
            cut = cut[..^1];
        }
        return cut.TrimEnd() + "…";
    }

    public static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
