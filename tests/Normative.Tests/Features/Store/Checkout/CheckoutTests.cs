using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store;
using Normative.Features.Store.Orders;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Checkout;

public class CheckoutTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task InvoiceOrderMailsAProFormaThenOpensDownloadsOnceAnEditorMarksItPaid()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        await StoreTestData.AddSourceFileAsync(factory, d, pages: 4);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "en", "2");

        var fields = StoreTestData.Checkout("Invoice", holder: "Grace Hopper");
        var email = fields["Input.Email"];
        var target = await StoreTestData.PlaceOrderAsync(client, fields);
        var number = StoreTestData.OrderNumberIn(target);
        Assert.Equal($"/store/orders/{number}", target);
        // The order's page says so once; reloading it places nothing more.
        var placed = await client.GetDocumentAsync(target + "?culture=en");
        Assert.Contains($"Thank you. Your order is placed and the pro-forma invoice is on its way to {email}.", StoreTestData.Notices(placed));
        Assert.Empty(StoreTestData.Notices(await client.GetDocumentAsync(target + "?culture=en")));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Orders.CountAsync(o => o.UserId == buyer.Id)));
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Placed, order.Status);
        // 118 PDF at 8.1 % (9.56) + 236 paper and 7.00 shipping (40 pages within Switzerland) at 2.6 % (6.32): 376.88 → 376.90.
        Assert.Equal(361m, order.NetTotal);
        Assert.Equal(15.88m, order.VatTotal);
        Assert.Equal(376.90m, order.Total);
        Assert.Equal([OrderEventKind.Placed, OrderEventKind.InvoiceSent], order.Events.OrderBy(e => e.Id).Select(e => e.Kind));

        var proForma = await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Subject.Contains("pro-forma", StringComparison.Ordinal));
        Assert.Contains($"proforma-{number}.pdf", proForma.Attachments);
        Assert.Contains("CH93 0076 2011 6238 5295 7", proForma.Text, StringComparison.Ordinal);

        var line = order.Lines.Single(l => l.Format == ProductFormat.Pdf);
        var early = await client.PostAsync($"/store/downloads/{line.Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", await StoreTestData.TokenAsync(client))]));
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.NotEqual("application/pdf", early.Content.Headers.ContentType?.MediaType);
        var waiting = await client.GetDocumentAsync($"/store/downloads/{line.Id}?culture=en");
        Assert.Contains("once the order is paid", waiting.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(waiting.QuerySelector("#download"));

        await StoreTestData.MarkPaidAsync(factory, number);
        order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Paid, order.Status);
        var payment = Assert.Single(order.Payments);
        Assert.Equal(("BankTransfer", "BANK-REF-1", 376.90m), (payment.Provider, payment.Reference, payment.Amount));
        var confirmation = await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Subject.Contains("confirmed", StringComparison.Ordinal));
        Assert.Matches(@"^INV-\d{4}-\d{6}$", order.InvoiceNumber);
        Assert.Contains($"invoice-{order.InvoiceNumber}.pdf", confirmation.Attachments);
        Assert.Contains("Grace Hopper", confirmation.Text, StringComparison.Ordinal);

        var download = await client.SubmitFormAsync($"/store/downloads/{line.Id}", [], "main form");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var pages = PdfText.Pages(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(4, pages.Count);
        Assert.All(pages, text =>
        {
            Assert.Contains("Licensed to Grace Hopper", text, StringComparison.Ordinal);
            Assert.Contains($"Order {number}", text, StringComparison.Ordinal);
            Assert.Contains("Single-user licence only — copying and networking prohibited", text, StringComparison.Ordinal);
        });
        Assert.Equal(buyer.Id, await factory.WithDbAsync(db => db.Downloads.Where(x => x.OrderLineId == line.Id).Select(x => x.UserId).SingleAsync()));
    }

    [Fact]
    public async Task TheDownloadLimitEndsWithAClearPage()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        await StoreTestData.AddSourceFileAsync(factory, d);
        var (client, number) = await StoreTestData.BuyPaidPdfAsync(factory, d);
        var line = (await StoreTestData.OrderAsync(factory, number)).Lines.Single();

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.SubmitFormAsync($"/store/downloads/{line.Id}", [], "main form")).StatusCode);
        }
        var page = await client.GetDocumentAsync($"/store/downloads/{line.Id}?culture=en");
        Assert.Contains("Downloads used: 2 of 2", page.QuerySelector("#download-count")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("allows 2 downloads, and all of them have been used", page.QuerySelector("#download-limit")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#download"));

        var third = await client.PostAsync($"/store/downloads/{line.Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", await StoreTestData.TokenAsync(client))]));
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Contains("all of them have been used", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.OrderLines.Where(l => l.Id == line.Id).Select(l => l.DownloadsUsed).SingleAsync()));
    }

    [Fact]
    public async Task CardOrderGoesThroughTheTestProvidersHostedPage()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 3);
        await StoreTestData.AddSourceFileAsync(factory, d);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);

        var hosted = await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout("Card", country: "DE"));
        Assert.StartsWith("/store/test-payment/", hosted, StringComparison.Ordinal);
        var payPage = await client.GetDocumentAsync(hosted + "?culture=en");
        Assert.Equal("CHF 42.00", payPage.QuerySelector("#amount")!.TextContent.Trim());

        var back = await client.SubmitFormAsync(hosted, [], "form[action*='handler=Pay']");
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        var confirmationUrl = back.Headers.Location!.PathAndQuery;
        Assert.Contains("/confirmation?session_id=", confirmationUrl, StringComparison.Ordinal);
        var confirmation = await client.GetDocumentAsync(confirmationUrl + "&culture=en");
        Assert.NotNull(confirmation.QuerySelector("#confirmation"));

        var number = StoreTestData.OrderNumberIn(confirmationUrl);
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Fulfilled, order.Status);
        Assert.Equal(0m, order.VatTotal);
        Assert.Equal("Test", Assert.Single(order.Payments).Provider);
        Assert.Equal(
            [OrderEventKind.Placed, OrderEventKind.PaymentStarted, OrderEventKind.Paid, OrderEventKind.Fulfilled],
            order.Events.OrderBy(e => e.Id).Select(e => e.Kind));
    }

    [Fact]
    public async Task ACancelledCardPaymentLeavesTheOrderOpenAndPayNowReturnsToTheSamePage()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var hosted = await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout("Card"));

        var back = await client.SubmitFormAsync(hosted, [], "form[action*='handler=Cancel']");
        var orderUrl = back.Headers.Location!.PathAndQuery;
        Assert.EndsWith("?payment=cancelled", orderUrl, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync(orderUrl + "&culture=en");
        Assert.Contains("payment was cancelled", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Placed, (await StoreTestData.OrderAsync(factory, StoreTestData.OrderNumberIn(orderUrl))).Status);

        // The cancelled test session cannot be paid any more; "Pay now" opens a new one.
        var again = await client.SubmitFormAsync(orderUrl, [], "form[action*='handler=Pay']");
        Assert.StartsWith("/store/test-payment/", again.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingDetailsAreNamedAndNothingIsOrdered()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var fields = StoreTestData.Checkout();
        fields["Input.Name"] = "";
        fields["Input.LicenceHolder"] = " ";
        fields["Input.Country"] = "XX";
        fields["Input.Email"] = "nobody";

        var response = await client.SubmitFormAsync("/store/checkout?culture=en", fields, "form.checkout-form");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var errors = page.QuerySelectorAll(".error-summary li").Select(li => li.TextContent).ToList();
        Assert.Contains("Enter your full name.", errors);
        Assert.Contains("Enter the name of the person the PDFs are licensed to.", errors);
        Assert.Contains("Choose the country from the list.", errors);
        Assert.Contains("Enter an e-mail address in the form name@example.org.", errors);
        Assert.Equal("Rue du Test 1", page.QuerySelector("#Input_Street")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.UserId == buyer.Id)));
    }

    [Fact]
    public async Task CheckoutNeedsASignedInBuyer()
    {
        var response = await factory.Browser().GetAsync("/store/checkout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACartChangedInAnotherWindowIsNotOrderedBlindly()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var checkout = await client.GetDocumentAsync("/store/checkout");
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "en", "1");

        var form = checkout.QuerySelector("form.checkout-form")!;
        var values = form.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        values.AddRange(StoreTestData.Checkout());
        var response = await client.PostAsync("/store/checkout?culture=en", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Your cart changed", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.UserId == buyer.Id)));
    }

    [Fact]
    public async Task NobodyReadsAnotherBuyersOrderInvoiceOrFile()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        await StoreTestData.AddSourceFileAsync(factory, d);
        var (_, number) = await StoreTestData.BuyPaidPdfAsync(factory, d);
        var line = (await StoreTestData.OrderAsync(factory, number)).Lines.Single();
        var (other, _) = await factory.SignInAsAsync("Customer");

        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/store/orders/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/store/orders/{number}/invoice")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/store/orders/{number}/confirmation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/store/downloads/{line.Id}")).StatusCode);
        var download = await other.PostAsync($"/store/downloads/{line.Id}", new FormUrlEncodedContent([new("__RequestVerificationToken", await StoreTestData.TokenAsync(other))]));
        Assert.Equal(HttpStatusCode.Forbidden, download.StatusCode);
        Assert.NotEqual("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await factory.WithDbAsync(db => db.OrderLines.Where(l => l.Id == line.Id).Select(l => l.DownloadsUsed).SingleAsync()));
        Assert.DoesNotContain(number, (await other.GetStringAsync("/store/orders")), StringComparison.Ordinal);

        var (api, _) = await factory.ApiClientAsync("Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await api.GetAsync($"/api/v1/orders/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync("/api/v1/orders/1999-000000")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync($"/api/v1/orders/{number}")).StatusCode);

        var (editorApi, _) = await factory.ApiClientAsync("Editor");
        var seen = await editorApi.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{number}");
        Assert.Equal("Fulfilled", seen.GetProperty("status").GetString());
    }

    [Fact]
    public async Task TheBuyerSeesOrdersInvoicesAndDownloads()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        await StoreTestData.AddSourceFileAsync(factory, d);
        var (client, number) = await StoreTestData.BuyPaidPdfAsync(factory, d);

        var orders = await client.GetDocumentAsync("/store/orders?culture=en");
        Assert.Contains(number, orders.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var order = await client.GetDocumentAsync($"/store/orders/{number}?culture=en");
        Assert.Equal("Fulfilled", order.QuerySelector("#order-status")!.TextContent);
        var invoice = await client.GetAsync(order.QuerySelector("#invoice-link")!.GetAttribute("href"));
        Assert.Equal("application/pdf", invoice.Content.Headers.ContentType!.MediaType);
        var text = string.Join("\n", PdfText.Pages(await invoice.Content.ReadAsByteArrayAsync()));
        Assert.Contains("Invoice", text, StringComparison.Ordinal);
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains(d.Reference, text, StringComparison.Ordinal);

        var downloads = await client.GetDocumentAsync("/store/downloads?culture=en");
        Assert.Contains(d.Reference, downloads.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(downloads.QuerySelector("a.download-link"));

        var (api, _) = await factory.ApiClientAsync("Customer");
        Assert.Empty(await api.GetFromJsonAsync<JsonElement[]>("/api/v1/orders") ?? []);
    }

    [Fact]
    public async Task AFileNotYetUploadedIsBeingPreparedWithoutUsingADownload()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, number) = await StoreTestData.BuyPaidPdfAsync(factory, d);
        var line = (await StoreTestData.OrderAsync(factory, number)).Lines.Single();
        var page = await client.GetDocumentAsync($"/store/downloads/{line.Id}?culture=en");
        Assert.Contains("being prepared", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#download"));
    }
}
