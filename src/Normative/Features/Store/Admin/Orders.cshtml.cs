using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Tax;

namespace Normative.Features.Store.Admin;

/// <summary>Every order, filtered by status, payment method, dates and a search on number, buyer or e-mail; exported as CSV.</summary>
public class OrdersModel(NormativeDb db, TaxRegime regime) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public OrderStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public PaymentMethod? Method { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public List<Order> Orders { get; private set; } = [];
    public int Total { get; private set; }

    public Pager Pager => Pager.For(PageNumber, Total, PageSize, Link);

    public async Task OnGetAsync()
    {
        var query = Filtered();
        Total = await query.CountAsync();
        PageNumber = Math.Max(1, PageNumber);
        Orders = await query.OrderByDescending(o => o.PlacedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    /// <summary>The orders the filters select, for a spreadsheet: amounts as numbers, text that looks like a formula neutralised.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var rows = await Filtered().OrderBy(o => o.PlacedAt).Include(o => o.Lines).ToListAsync();
        var file = new MemoryStream();
        // The byte order mark tells spreadsheets the file is UTF-8 (names with accents).
        file.Write(Encoding.UTF8.Preamble);
        await using (var csv = Csv.ForSpreadsheet(file, leaveOpen: true))
        {
            csv.WriteHeader(["number", "placed_at", "status", "payment_method", "buyer", "organization", "email", "country", "licence_holder", "lines",
                "net", "vat", "rounding", "total", "currency", "paid_at", "invoice_number", "vat_by_rate", "credit_note_number", "refunded_at", "shipping", "shipping_country"]);
            foreach (var o in rows)
            {
                csv.WriteField(o.Number);
                csv.WriteField(o.PlacedAt.UtcDateTime, "yyyy-MM-ddTHH:mm:ssZ");
                csv.WriteField(o.Status.ToString());
                csv.WriteField(o.PaymentMethod.ToString());
                csv.WriteField(o.BillingName);
                csv.WriteField(o.BillingOrganization);
                csv.WriteField(o.BillingEmail);
                csv.WriteField(o.BillingCountry);
                csv.WriteField(o.LicenceHolder);
                csv.WriteField(string.Join("; ", o.Lines.OrderBy(l => l.LineNumber).Select(l => $"{l.Reference} {l.Format} {l.Language} x{l.Quantity}")));
                csv.WriteField(o.NetTotal, "0.00");
                csv.WriteField(o.VatTotal, "0.00");
                csv.WriteField(o.Rounding, "0.00");
                csv.WriteField(o.Total, "0.00");
                csv.WriteField(o.Currency);
                csv.WriteField(o.PaidAt?.UtcDateTime, "yyyy-MM-ddTHH:mm:ssZ");
                csv.WriteField(o.InvoiceNumber);
                // "DE 19 Domestic: 100.00 + 19.00; FR 0 ReverseCharge: 50.00 + 0.00": the country whose VAT it is, the rate and why.
                csv.WriteField(string.Join("; ", o.TotalsIn(regime.Currency).ByRate
                    .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Country} {r.Rate * 100m:0.##} {r.Basis}: {r.Net:0.00} + {r.Vat:0.00}"))));
                csv.WriteField(o.CreditNoteNumber);
                csv.WriteField(o.RefundedAt?.UtcDateTime, "yyyy-MM-ddTHH:mm:ssZ");
                // Part of net and of vat_by_rate already: the shipping of the printed copies, where they went.
                csv.WriteField(o.ShippingCharge, "0.00");
                csv.WriteField(o.ShippingCountry);
                csv.EndRecord();
            }
        }
        file.Position = 0;
        return File(file, "text/csv; charset=utf-8", "orders.csv");
    }

    /// <summary>
    /// The VAT to declare for the filtered orders, by the country whose VAT it is, its basis (domestic, one-stop shop, reverse charge, export) and rate: what was
    /// invoiced (paid orders) and what credit notes took back (refunds), for the accountant.
    /// </summary>
    public async Task<IActionResult> OnGetTaxCsvAsync()
    {
        var lines = await (from o in Filtered()
                           where o.InvoiceNumber != null
                           from l in o.Lines
                           select new { o.Id, Credited = o.CreditNoteNumber != null, l.LineNet, l.VatRate, l.TaxCountry, l.TaxBasis }).ToListAsync();
        // Shipping is taxed with the printed copies: it is part of what each invoice declares.
        var shipping = await (from o in Filtered()
                              where o.InvoiceNumber != null && o.ShippingCharge != null
                              select new { o.Id, Credited = o.CreditNoteNumber != null, LineNet = o.ShippingCharge!.Value, VatRate = o.ShippingVatRate!.Value,
                                  TaxCountry = o.ShippingTaxCountry!, TaxBasis = o.ShippingTaxBasis!.Value }).ToListAsync();
        var rows = lines.Concat(shipping)
            .GroupBy(l => l.Id)
            .SelectMany(order => Vat.Compute(order.Select(l => new Vat.Line(l.LineNet, l.VatRate, l.TaxCountry, l.TaxBasis)), regime.Currency).ByRate
                .Select(r => (r.Country, r.Basis, r.Rate, r.Net, r.Vat, order.First().Credited)))
            .GroupBy(r => (r.Country, r.Basis, r.Rate))
            .OrderBy(g => g.Key.Country, StringComparer.Ordinal).ThenBy(g => g.Key.Basis).ThenByDescending(g => g.Key.Rate);
        var file = new MemoryStream();
        file.Write(Encoding.UTF8.Preamble);
        await using (var csv = Csv.ForSpreadsheet(file, leaveOpen: true))
        {
            csv.WriteHeader(["country", "vat_rate", "invoices", "invoiced_net", "invoiced_vat", "credit_notes", "credited_net", "credited_vat", "basis"]);
            foreach (var g in rows)
            {
                csv.WriteField(g.Key.Country);
                csv.WriteField(g.Key.Rate, "0.0000");
                csv.WriteField(g.Count());
                csv.WriteField(g.Sum(r => r.Net), "0.00");
                csv.WriteField(g.Sum(r => r.Vat), "0.00");
                csv.WriteField(g.Count(r => r.Credited));
                csv.WriteField(g.Where(r => r.Credited).Sum(r => r.Net), "0.00");
                csv.WriteField(g.Where(r => r.Credited).Sum(r => r.Vat), "0.00");
                // Last, so a spreadsheet made for the file's first columns still reads it.
                csv.WriteField(g.Key.Basis.ToString());
                csv.EndRecord();
            }
        }
        file.Position = 0;
        return File(file, "text/csv; charset=utf-8", "vat-by-country-and-rate.csv");
    }

    public string TaxCsvLink => StoreLinks.AdminOrders(Status, Method, From, To, Q, taxCsv: true);

    /// <summary>This page with the same filters: another page of it, or the CSV.</summary>
    public string Link(int page) => StoreLinks.AdminOrders(Status, Method, From, To, Q, page);

    public string CsvLink => StoreLinks.AdminOrders(Status, Method, From, To, Q, csv: true);

    private IQueryable<Order> Filtered()
    {
        var query = db.Orders.AsNoTracking();
        if (Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }
        if (Method is { } method)
        {
            query = query.Where(o => o.PaymentMethod == method);
        }
        if (From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(o => o.PlacedAt >= start);
        }
        if (To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            query = query.Where(o => o.PlacedAt < end);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = SqlLike.Contains(Q.Trim());
            query = query.Where(o => EF.Functions.ILike(o.Number, pattern) || EF.Functions.ILike(o.BillingName, pattern)
                || EF.Functions.ILike(o.BillingEmail, pattern) || (o.BillingOrganization != null && EF.Functions.ILike(o.BillingOrganization, pattern)));
        }
        return query;
    }
}
