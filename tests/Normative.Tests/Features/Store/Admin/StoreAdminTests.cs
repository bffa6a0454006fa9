using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Shared;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Pdf;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Admin;

public class StoreAdminTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Theory]
    [InlineData("/store/admin")]
    [InlineData("/store/admin/orders")]
    [InlineData("/store/admin/prices")]
    [InlineData("/store/admin/files")]
    [InlineData("/store/admin/tax")]
    [InlineData("/store/admin/shipping")]
    [InlineData("/store/admin/to-ship")]
    public async Task OnlyEditorsManageTheStore(string path)
    {
        var (customer, _) = await factory.SignInAsAsync("Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().GetAsync(path)).StatusCode);
        var (editor, _) = await factory.SignInAsAsync("Editor");
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(path)).StatusCode);
        var (admin, _) = await factory.SignInAsAsync("Administrator");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
    }

    /// <summary>Posts the form with every field as the page shows it (text boxes included), changed where <paramref name="changes"/> says.</summary>
    private static async Task<HttpResponseMessage> SubmitWholeFormAsync(HttpClient client, string url, string selector, Dictionary<string, string> changes)
    {
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelector(selector)!;
        var values = form.QuerySelectorAll("input[name]")
            .Where(i => i.GetAttribute("type") is not ("checkbox" or "radio") || i.HasAttribute("checked"))
            .Select(i => (Name: i.GetAttribute("name")!, Value: i.GetAttribute("value") ?? ""))
            .Where(v => !changes.ContainsKey(v.Name))
            .Select(v => new KeyValuePair<string, string>(v.Name, v.Value))
            .Concat(changes)
            .ToList();
        return await client.PostAsync(form.GetAttribute("action") + (url.Contains('?', StringComparison.Ordinal) ? "&" + url.Split('?')[1] : ""), new FormUrlEncodedContent(values));
    }

    [Fact]
    public async Task AnEditorChangesABandAndSetsAPriceForOneStandard()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 7);
        var other = await StoreTestData.AddDeliverableAsync(factory, pages: 7);
        var (editor, _) = await factory.SignInAsAsync("Editor");

        var saved = await SubmitWholeFormAsync(editor, "/store/admin/prices", "form[action*='handler=Bands']", new() { ["Bands[1].PdfPrice"] = "70,50", ["Bands[1].PaperPrice"] = "72" });
        var prices = await StoreTestData.NoticeShownOnceAsync(editor, saved, "Saved.");
        Assert.Equal("70.50", prices.QuerySelector("input[name='Bands[1].PdfPrice']")!.GetAttribute("value"));
        var product = await factory.Browser().GetDocumentAsync($"/store/standard/{other.Id}?culture=en");
        Assert.Contains("CHF 70.50", product.QuerySelector(".store-offers")!.TextContent, StringComparison.Ordinal);

        var set = await editor.SubmitFormAsync("/store/admin/prices", new() { ["reference"] = d.Reference.ToLowerInvariant(), ["format"] = "Pdf", ["price"] = "19.90" }, "form[action*='handler=Override']");
        await StoreTestData.NoticeShownOnceAsync(editor, set, "Saved.");
        var offers = await factory.Browser().GetDocumentAsync($"/store/standard/{d.Id}?culture=en");
        var pdfTable = offers.QuerySelectorAll(".offer-group")[0].TextContent;
        Assert.Contains("CHF 19.90", pdfTable, StringComparison.Ordinal);
        Assert.Contains("CHF 72.00", offers.QuerySelectorAll(".offer-group")[1].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BandsWithAGapOrABadPriceAreRefusedWithAReason()
    {
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var gap = await SubmitWholeFormAsync(editor, "/store/admin/prices?culture=en", "form[action*='handler=Bands']", new() { ["Bands[1].MinPages"] = "6" });
        Assert.Equal(HttpStatusCode.BadRequest, gap.StatusCode);
        Assert.Contains("without a price", (await gap.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        var price = await SubmitWholeFormAsync(editor, "/store/admin/prices?culture=en", "form[action*='handler=Bands']", new() { ["Bands[0].PdfPrice"] = "abc" });
        Assert.Equal(HttpStatusCode.BadRequest, price.StatusCode);
        Assert.Contains("amounts such as 42.50", await price.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var unknown = await editor.SubmitFormAsync("/store/admin/prices?culture=en", new() { ["reference"] = "ISO 99999999", ["format"] = "Pdf", ["price"] = "10" }, "form[action*='handler=Override']");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("No standard in the catalogue", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(10, await factory.WithDbAsync(db => db.PriceBands.CountAsync()));
    }

    [Fact]
    public async Task AnEditorUploadsASourcePdfAndBadFilesAreRefused()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (editor, _) = await factory.SignInAsAsync("Editor");

        async Task<HttpResponseMessage> UploadAsync(string language, byte[] content, string name)
        {
            var page = await editor.GetDocumentAsync("/store/admin/files");
            var form = page.QuerySelector("form[action*='handler=Upload']")!;
            using var multipart = new MultipartFormDataContent
            {
                { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
                { new StringContent(d.Reference), "reference" },
                { new StringContent(language), "language" },
            };
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            multipart.Add(file, "file", name);
            return await editor.PostAsync(form.GetAttribute("action") + "&culture=en", multipart);
        }

        var notPdf = await UploadAsync("en", Encoding.UTF8.GetBytes("%PDF-1.7 this is not really a PDF"), "fake.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, notPdf.StatusCode);
        Assert.Contains("not a PDF that can be stamped", await notPdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var wrongLanguage = await UploadAsync("de", SamplePdf.Create(d.Reference, "T", "de", 2), "de.pdf");
        Assert.Equal(HttpStatusCode.BadRequest, wrongLanguage.StatusCode);
        Assert.Contains("Choose one of these languages", await wrongLanguage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var ok = await UploadAsync("fr", SamplePdf.Create(d.Reference, "T", "fr", 3), "master-fr.pdf");
        await StoreTestData.NoticeShownOnceAsync(editor, ok, "Saved.");
        var file = await factory.WithDbAsync(db => db.SourceFiles.SingleAsync(f => f.DeliverableId == d.Id));
        Assert.Equal(("fr", 3, "master-fr.pdf"), (file.Language, file.PageCount, file.FileName));

        var deleted = await editor.SubmitFormAsync("/store/admin/files", [], $"form[action*='handler=Delete']:has(input[name=id][value='{file.Id}'])");
        await StoreTestData.NoticeShownOnceAsync(editor, deleted, "Saved.");
        Assert.False(await factory.WithDbAsync(db => db.SourceFiles.AnyAsync(f => f.DeliverableId == d.Id)));
    }

    [Fact]
    public async Task OrdersAreFilteredAndExportedAsCsv()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var fields = StoreTestData.Checkout("Invoice");
        fields["Input.Name"] = "=HYPERLINK(\"x\"), \"Quoted\" Name";
        fields["Input.Organization"] = "=1+1";
        var invoiceOrder = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields));
        var (_, paidOrder) = await StoreTestData.BuyPaidPdfAsync(factory, d);
        var (editor, _) = await factory.SignInAsAsync("Editor");

        var placed = await editor.GetDocumentAsync("/store/admin/orders?status=Placed&method=Invoice");
        Assert.Contains(invoiceOrder, placed.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(paidOrder, placed.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var search = await editor.GetDocumentAsync($"/store/admin/orders?q={paidOrder}");
        Assert.Single(search.QuerySelectorAll("tbody tr"));

        var csv = await editor.GetAsync("/store/admin/orders?handler=Csv&status=Placed");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("number,placed_at,status", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        var row = text.Split("\r\n").Single(l => l.StartsWith(invoiceOrder, StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"x\"\"), \"\"Quoted\"\" Name\"", row, StringComparison.Ordinal);
        // Read back as a spreadsheet would: formulas are text, amounts are numbers (a negative rounding is not taken for a formula).
        var record = Csv.Read(new StringReader(text.TrimStart('\uFEFF'))).Single(l => l.Fields[0] == invoiceOrder);
        Assert.Equal("'=1+1", record.Fields[5]);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", record.Fields[1]);
        var order = await StoreTestData.OrderAsync(factory, invoiceOrder);
        Assert.Equal([order.NetTotal, order.VatTotal, order.Rounding, order.Total],
            record.Fields.Skip(10).Take(4).Select(f => decimal.Parse(f, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(paidOrder, text, StringComparison.Ordinal);

        var (customer, _) = await factory.SignInAsAsync("Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/store/admin/orders?handler=Csv")).StatusCode);
    }

    [Fact]
    public async Task PaperIsShippedThenTheOrderIsFulfilled()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper", "fr", "2");
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout("Invoice")));
        var (editor, _) = await factory.SignInAsAsync("Editor");

        var early = await editor.GetDocumentAsync($"/store/admin/orders/{number}");
        Assert.Null(early.QuerySelector("form[action*='handler=Ship']"));
        await StoreTestData.MarkPaidAsync(factory, number);
        Assert.Equal(OrderStatus.Paid, (await StoreTestData.OrderAsync(factory, number)).Status);

        var line = (await StoreTestData.OrderAsync(factory, number)).Lines.Single();
        var shipped = await editor.SubmitFormAsync($"/store/admin/orders/{number}",
            new() { ["Ship.Lines"] = line.Id.ToString(CultureInfo.InvariantCulture), ["Ship.Carrier"] = "Swiss Post", ["Ship.TrackingReference"] = "RR123456785CH" },
            "form[action*='handler=Ship']");
        var shippedPage = await StoreTestData.NoticeShownOnceAsync(editor, shipped, "Done.");
        Assert.Null(shippedPage.QuerySelector("form[action*='handler=Ship']"));
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Fulfilled, order.Status);
        Assert.Equal(ShippingStatus.Shipped, order.Lines.Single().ShippingStatus);
        var page = await client.GetDocumentAsync($"/store/orders/{number}?culture=en");
        Assert.Contains("Shipped", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnpaidOrderCanBeCancelledButNotPaidTwice()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout("Invoice")));
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var page = await editor.GetDocumentAsync($"/store/admin/orders/{number}");
        var cancelForm = page.QuerySelector("form[action*='handler=Cancel']")!;
        var paidForm = page.QuerySelector("form[action*='handler=Paid']")!;

        var cancelled = await editor.PostAsync(cancelForm.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", cancelForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), new("note", "duplicate order")]));
        await StoreTestData.NoticeShownOnceAsync(editor, cancelled, "Done.");

        // The "mark paid" form was still open in another tab.
        var late = await editor.PostAsync(paidForm.GetAttribute("action") + "&culture=en", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", paidForm.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), new("reference", "X")]));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("Cancelled", (await late.ReadDocumentAsync()).QuerySelector("#order-status")!.TextContent, StringComparison.Ordinal);
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Empty(order.Payments);
        Assert.Equal("duplicate order", order.Events.Single(e => e.Kind == OrderEventKind.Cancelled).Note);
    }

    [Fact]
    public async Task TheTaxRulesAreShownWithTheirLegalBasis()
    {
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var page = await editor.GetDocumentAsync("/store/admin/tax?culture=en");
        var table = page.QuerySelector("table")!.TextContent;
        Assert.Contains("8.1 %", table, StringComparison.Ordinal);
        Assert.Contains("2.6 %", table, StringComparison.Ordinal);
        Assert.Contains("MWSTG art. 23", table, StringComparison.Ordinal);
        Assert.Contains("Liechtenstein", table, StringComparison.Ordinal);
    }
}
