using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
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

    public async Task OnGetAsync()
    {
        var query = Filtered();
        Total = await query.CountAsync();
        PageNumber = Math.Max(1, PageNumber);
        Orders = await query.OrderByDescending(o => o.PlacedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync();
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var rows = await Filtered().OrderBy(o => o.PlacedAt).Include(o => o.Lines).ToListAsync();
        var csv = new StringBuilder();
        csv.Append("number,placed_at,status,payment_method,buyer,organization,email,country,licence_holder,lines,net,vat,rounding,total,currency,paid_at\r\n");
        foreach (var o in rows)
        {
            var lines = string.Join("; ", o.Lines.OrderBy(l => l.LineNumber).Select(l => $"{l.Reference} {l.Format} {l.Language} x{l.Quantity}"));
            csv.AppendJoin(',',
                Field(o.Number), Field(o.PlacedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)), Field(o.Status.ToString()),
                Field(o.PaymentMethod.ToString()), Field(o.BillingName), Field(o.BillingOrganization), Field(o.BillingEmail), Field(o.BillingCountry),
                Field(o.LicenceHolder), Field(lines), Amount(o.NetTotal), Amount(o.VatTotal), Amount(o.Rounding), Amount(o.Total), Field(o.Currency),
                Field(o.PaidAt?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));
            csv.Append("\r\n");
        }
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv; charset=utf-8", "orders.csv");
    }

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
            var pattern = "%" + Q.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
            query = query.Where(o => EF.Functions.ILike(o.Number, pattern) || EF.Functions.ILike(o.BillingName, pattern)
                || EF.Functions.ILike(o.BillingEmail, pattern) || (o.BillingOrganization != null && EF.Functions.ILike(o.BillingOrganization, pattern)));
        }
        return query;
    }

    /// <summary>A CSV field (RFC 4180), with a leading quote against formulas when opened in a spreadsheet.</summary>
    public static string Field(string? value)
    {
        if (value is null)
        {
            return "";
        }
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static string Amount(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
