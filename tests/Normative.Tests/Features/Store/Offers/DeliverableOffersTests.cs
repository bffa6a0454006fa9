using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store.Pdf;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Offers;

/// <summary>The store sells only what it can deliver: at once with the file, else within the Editors' promise, else not at all.</summary>
public class DeliverableOffersTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private sealed record OfferJson(int DeliverableId, string Format, string Language, decimal Price, string Currency, int DeliveryDays);

    private async Task<List<OfferJson>> OffersAsync(int deliverableId) =>
        (await factory.Browser().GetFromJsonAsync<List<OfferJson>>($"/api/v1/store/offers/{deliverableId}"))!;

    [Fact]
    public async Task NoOfferPromisesADownloadAtOnceWithoutItsFile()
    {
        var standards = new List<Normative.Features.Catalogue.Deliverable>();
        for (var i = 0; i < 4; i++)
        {
            standards.Add(await StoreTestData.AddDeliverableAsync(factory));
        }
        await StoreTestData.AddSourceFileAsync(factory, standards[0], "en");
        await StoreTestData.AddSourceFileAsync(factory, standards[1], "fr");
        var ids = standards.Select(d => d.Id).ToList();
        var filed = (await factory.WithDbAsync(db => db.SourceFiles.Where(f => ids.Contains(f.DeliverableId)).Select(f => new { f.DeliverableId, f.Language }).ToListAsync()))
            .Select(f => (f.DeliverableId, f.Language)).ToHashSet();

        foreach (var d in standards)
        {
            var offers = await OffersAsync(d.Id);
            Assert.Equal(4, offers.Count);
            Assert.All(offers, o => Assert.Equal(filed.Contains((o.DeliverableId, o.Language)), o.DeliveryDays == 0));
            Assert.All(offers.Where(o => o.DeliveryDays != 0), o => Assert.Equal(o.Format == "Pdf" ? 3 : 10, o.DeliveryDays));
        }

        // The page says it where the buyer chooses: the English PDF of the first standard at once, the French one within 3 days.
        var page = await factory.Browser().GetDocumentAsync($"/store/standard/{standards[0].Id}?culture=en");
        var pdfRows = page.QuerySelectorAll(".store-offers .offer-group").First().QuerySelectorAll("tbody tr")
            .Select(r => string.Join(' ', r.QuerySelector("th")!.TextContent.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(["English", "French Ready within 3 working days"], pdfRows);
        var french = await factory.Browser().GetDocumentAsync($"/store/standard/{standards[2].Id}?culture=fr");
        Assert.Contains("Disponible sous 3 jours ouvrables", french.QuerySelector(".store-offers")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheEditorsPromiseAMissingFileIsNeitherOfferedNorSold()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        await StoreTestData.AddSourceFileAsync(factory, d, "en");
        var (editor, _) = await factory.SignInAsAsync("Editor");
        try
        {
            var refused = await editor.SubmitFormAsync("/store/admin/files?culture=en", new() { ["Delivery.Pdf"] = "0", ["Delivery.Paper"] = "10" }, "form[action*='handler=Delivery']");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("whole numbers of working days from 1 to 60", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal(4, (await OffersAsync(d.Id)).Count);

            var saved = await editor.SubmitFormAsync("/store/admin/files", new() { ["Delivery.Pdf"] = "", ["Delivery.Paper"] = "10" }, "form[action*='handler=Delivery']");
            var form = await StoreTestData.NoticeShownOnceAsync(editor, saved, "Delivery times saved. The offers show them at once.");
            Assert.Equal("", form.QuerySelector("input[name='Delivery.Pdf']")!.GetAttribute("value") ?? "");
            Assert.Equal("10", form.QuerySelector("input[name='Delivery.Paper']")!.GetAttribute("value"));

            var offers = await OffersAsync(d.Id);
            Assert.Equal(["Pdf en 0", "Paper en 0", "Paper fr 10"], offers.Select(o => $"{o.Format} {o.Language} {o.DeliveryDays}"));
            var product = await factory.Browser().GetDocumentAsync($"/standard/{d.Id}?culture=en");
            Assert.DoesNotContain("Ready within", product.QuerySelector(".store-offers")!.TextContent, StringComparison.Ordinal);

            var frenchPdf = await factory.Browser().PostAsJsonAsync("/api/v1/cart/lines", new { DeliverableId = d.Id, Format = "Pdf", Language = "fr" });
            Assert.Equal(HttpStatusCode.BadRequest, frenchPdf.StatusCode);
            var englishPdf = await factory.Browser().PostAsJsonAsync("/api/v1/cart/lines", new { DeliverableId = d.Id, Format = "Pdf", Language = "en" });
            Assert.Equal(HttpStatusCode.OK, englishPdf.StatusCode);
        }
        finally
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("INSERT INTO delivery_times (format, working_days) VALUES ('Pdf', 3) ON CONFLICT (format) DO UPDATE SET working_days = 3"));
        }
    }

    [Fact]
    public async Task TheFirstFileMailsEveryBuyerWhoWaitedAndAReplacementMailsNobody()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (_, number) = await StoreTestData.BuyPaidPdfAsync(factory, d);
        var order = await StoreTestData.OrderAsync(factory, number);
        var (editor, _) = await factory.SignInAsAsync("Editor");

        async Task UploadAsync()
        {
            var page = await editor.GetDocumentAsync("/store/admin/files");
            var form = page.QuerySelector("form[action*='handler=Upload']")!;
            using var multipart = new MultipartFormDataContent
            {
                { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
                { new StringContent(d.Reference), "reference" },
                { new StringContent("en"), "language" },
            };
            var file = new ByteArrayContent(SamplePdf.Create(d.Reference, "T", "en", 3));
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            multipart.Add(file, "file", "master.pdf");
            Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(form.GetAttribute("action"), multipart)).StatusCode);
        }

        await UploadAsync();
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, order.BillingEmail, m => m.Subject.Contains("is ready to download", StringComparison.Ordinal));
        Assert.Contains(d.Reference, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(number, mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/store/orders/{number}", mail.Text, StringComparison.Ordinal);

        await UploadAsync();
        Assert.Equal(1, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == order.BillingEmail && m.Subject.Contains("is ready to download"))));
    }
}
