using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store.Orders;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Orders;

/// <summary>Invoices and credit notes numbered without gaps per year; buyers told of refunds and cancellations.</summary>
public class AccountingDocumentsTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private static int Sequence(string number) => int.Parse(number.Split('-')[^1], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task InvoicesPaidAtTheSameMomentGetConsecutiveNumbersWithoutGaps()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var numbers = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var (client, _) = await factory.SignInAsAsync("Customer");
            await StoreTestData.AddToCartAsync(client, d.Id);
            numbers.Add(StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout())));
        }
        var editors = new List<HttpClient>();
        for (var i = 0; i < numbers.Count; i++)
        {
            editors.Add((await factory.SignInAsAsync("Editor")).Client);
        }

        var paid = await Task.WhenAll(numbers.Select((n, i) => editors[i].SubmitFormAsync($"/store/admin/orders/{n}", new() { ["reference"] = "BANK-" + i }, "form[action*='handler=Paid']")));
        Assert.All(paid, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        var invoices = await factory.WithDbAsync(db => db.Orders.Where(o => numbers.Contains(o.Number)).Select(o => o.InvoiceNumber!).ToListAsync());
        var year = DateTimeOffset.UtcNow.Year;
        Assert.All(invoices, n => Assert.StartsWith($"INV-{year}-", n, StringComparison.Ordinal));
        var sequence = invoices.Select(Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(sequence[0], numbers.Count), sequence);
        // Nothing else in this year's series: the counter stands at the last number given.
        var all = await factory.WithDbAsync(db => db.Orders.Where(o => o.InvoiceNumber != null).Select(o => o.InvoiceNumber!).ToListAsync());
        Assert.Equal(Enumerable.Range(1, all.Count), all.Select(Sequence).Order());
    }

    [Fact]
    public async Task ARefundMailsTheBuyerItsCreditNoteAndTheOrderPageOffersIt()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, number) = await StoreTestData.BuyPaidPdfAsync(factory, d);
        var (editor, _) = await factory.SignInAsAsync("Editor");

        var refund = await editor.SubmitFormAsync($"/store/admin/orders/{number}", new() { ["note"] = "bought twice" }, "form[action*='handler=Refund']");
        Assert.Equal(HttpStatusCode.Redirect, refund.StatusCode);
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Refunded, order.Status);
        Assert.Matches(@"^CN-\d{4}-\d{6}$", order.CreditNoteNumber);

        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, order.BillingEmail, m => m.Subject.Contains("refunded", StringComparison.Ordinal));
        Assert.Contains($"order {number} refunded", mail.Subject, StringComparison.Ordinal);
        Assert.Contains($"credit-note-{order.CreditNoteNumber}.pdf", mail.Attachments);
        Assert.Contains("can no longer be downloaded", mail.Text, StringComparison.Ordinal);

        var page = await client.GetDocumentAsync($"/store/orders/{number}?culture=en");
        var link = page.QuerySelector("#credit-note-link")!;
        var pdf = await client.GetAsync(link.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        var text = string.Join("\n", PdfText.Pages(await pdf.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Credit note", text, StringComparison.Ordinal);
        Assert.Contains(order.CreditNoteNumber!, text, StringComparison.Ordinal);
        Assert.Contains(order.InvoiceNumber!, text, StringComparison.Ordinal);

        // An order that was never refunded has no credit note, and nobody else reads this one.
        var (_, paidOnly) = await StoreTestData.BuyPaidPdfAsync(factory, d);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/store/orders/{paidOnly}/credit-note")).StatusCode);
        var (stranger, _) = await factory.SignInAsAsync("Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/store/orders/{number}/credit-note")).StatusCode);
    }

    [Fact]
    public async Task ACancellationTellsTheBuyerNothingIsOwed()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout("Invoice")));
        var (editor, _) = await factory.SignInAsAsync("Editor");

        var cancelled = await editor.SubmitFormAsync($"/store/admin/orders/{number}", new() { ["note"] = "duplicate order" }, "form[action*='handler=Cancel']");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        var order = await StoreTestData.OrderAsync(factory, number);
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, order.BillingEmail, m => m.Subject.Contains("cancelled", StringComparison.Ordinal));
        Assert.Contains("Reason: duplicate order", mail.Text, StringComparison.Ordinal);
        Assert.Contains("please do not pay its pro-forma invoice", mail.Text, StringComparison.Ordinal);
        Assert.Null(order.InvoiceNumber);
    }

    [Fact]
    public async Task TheAccountantsFileGivesTheVatByCountryAndRateWithRefundsApart()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        await StoreTestData.BuyPaidPdfAsync(factory, d);
        var (_, refunded) = await StoreTestData.BuyPaidPdfAsync(factory, d);
        var (german, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(german, d.Id);
        var abroad = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(german, StoreTestData.Checkout(country: "DE")));
        await StoreTestData.MarkPaidAsync(factory, abroad);
        var (editor, _) = await factory.SignInAsAsync("Editor");
        await editor.SubmitFormAsync($"/store/admin/orders/{refunded}", new() { ["note"] = "" }, "form[action*='handler=Refund']");

        var page = await editor.GetDocumentAsync("/store/admin/orders");
        var csv = await editor.GetAsync(page.QuerySelector("#tax-csv")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var rows = Normative.Features.Shared.Csv.Read(new StringReader(await csv.Content.ReadAsStringAsync())).Skip(1)
            .Select(l => l.Fields).ToDictionary(f => (f[0], f[1]));

        var orders = await factory.WithDbAsync(db => db.Orders.Include(o => o.Lines).Where(o => o.InvoiceNumber != null).ToListAsync());
        foreach (var (country, rate) in new[] { ("CH", "0.0810"), ("DE", "0.0000") })
        {
            var mine = orders.Where(o => o.BillingCountry == country).ToList();
            var row = rows[(country, rate)];
            Assert.Equal(mine.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), row[2]);
            Assert.Equal(mine.Sum(o => o.VatTotal).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), row[4]);
            Assert.Equal(mine.Count(o => o.CreditNoteNumber != null).ToString(System.Globalization.CultureInfo.InvariantCulture), row[5]);
        }
        Assert.NotEqual("0.00", rows[("CH", "0.0810")][7]);
        // Why each line carries its VAT: Swiss VAT at home, none on a PDF for a buyer abroad.
        Assert.Equal("Domestic", rows[("CH", "0.0810")][8]);
        Assert.Equal("Export", rows[("DE", "0.0000")][8]);
    }
}
