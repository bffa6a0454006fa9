using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Orders;

namespace Normative.Features.Store.Admin;

/// <summary>Every order, filtered by status, payment method, dates and a search on number, buyer or e-mail; exported as CSV.</summary>
public class OrdersModel(NormativeDb db) : PageModel
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
                "net", "vat", "rounding", "total", "currency", "paid_at"]);
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
                csv.EndRecord();
            }
        }
        file.Position = 0;
        return File(file, "text/csv; charset=utf-8", "orders.csv");
    }

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
