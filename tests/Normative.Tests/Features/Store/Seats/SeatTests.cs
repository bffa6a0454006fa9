using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Store;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Organizations;
using Normative.Tests.Features.Catalogue.Reading;
using Normative.Tests.Features.Store.Organizations;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Seats;

public class SeatTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    /// <summary>An organisation (its administrator buys), a standard with its file, and a paid order of a 5-seat licence bought for the organisation.</summary>
    private async Task<(User Admin, HttpClient Client, Organization Organization, string Number, OrderLine Line)> PaidFiveSeatOrderAsync(params User[] members)
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        await StoreTestData.AddSourceFileAsync(factory, d, pages: 2);
        var admin = await OrganizationTestData.CreatePersonAsync(factory, "Ada Lovelace");
        var organization = await OrganizationTestData.CreateOrganizationAsync(factory, admin, $"Analytical Engines {Guid.NewGuid():N}"[..30], members);
        var client = await OrganizationTestData.SignInAsync(factory, admin);
        await StoreTestData.AddToCartAsync(client, d.Id);
        var seats = await client.SubmitFormAsync("/cart", new() { ["quantity"] = "5" }, "form.quantity-form");
        Assert.Equal(HttpStatusCode.Redirect, seats.StatusCode);
        var fields = StoreTestData.Checkout();
        fields["Input.BuyFor"] = organization.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields));
        await StoreTestData.MarkPaidAsync(factory, number);
        return (admin, client, organization, number, (await StoreTestData.OrderAsync(factory, number)).Lines.Single());
    }

    private Task<List<(int Number, string? Email, int Used)>> SeatsAsync(long lineId) =>
        factory.WithDbAsync(async db => (await db.OrderSeats.Where(s => s.OrderLineId == lineId).OrderBy(s => s.Number).ToListAsync())
            .Select(s => (s.Number, s.Email, s.DownloadsUsed)).ToList());

    private static async Task<HttpResponseMessage> DownloadAsync(HttpClient client, long lineId) =>
        await client.PostAsync($"/store/downloads/{lineId}", new FormUrlEncodedContent([new("__RequestVerificationToken", await StoreTestData.TokenAsync(client))]));

    [Fact]
    public async Task AFiveSeatLicenceIsBoughtForAnOrganizationAtFiveTimesTheUnitPrice()
    {
        var (_, client, organization, number, line) = await PaidFiveSeatOrderAsync();
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(organization.Id, order.OrganizationId);
        Assert.Equal(organization.Name, order.BillingOrganization);
        Assert.Null(order.LicenceHolder);
        Assert.Equal((ProductFormat.Pdf, 5, 118m, 590m), (line.Format, line.Quantity, line.UnitPrice, line.LineNet));
        // 590 at 8.1 %: 47.79 VAT, 637.80 with the cash rounding.
        Assert.Equal((590m, 47.79m, 637.80m), (order.NetTotal, order.VatTotal, order.Total));
        Assert.Equal([(1, null, 0), (2, null, 0), (3, null, 0), (4, null, 0), (5, null, 0)], await SeatsAsync(line.Id));

        var page = await client.GetDocumentAsync($"/store/orders/{number}?culture=en");
        Assert.Equal("0 of 5 seats given", page.QuerySelector(".seat-summary")!.TextContent);
        Assert.NotNull(page.QuerySelector(".seats-link"));
        // A multi-user licence is not its buyer's to download: none of its seats is theirs yet.
        Assert.Equal(HttpStatusCode.Forbidden, (await DownloadAsync(client, line.Id)).StatusCode);
        Assert.Empty((await client.GetDocumentAsync("/store/downloads")).QuerySelectorAll(".download-link"));
    }

    [Fact]
    public async Task SeveralSeatsNeedAnOrganizationAndStayWithinTheLimit()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);
        var tooMany = await client.SubmitFormAsync("/cart?culture=en", new() { ["quantity"] = "51" }, "form.quantity-form");
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        Assert.Contains("at most 50 named seats", (await tooMany.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        await client.SubmitFormAsync("/cart", new() { ["quantity"] = "3" }, "form.quantity-form");

        var checkout = await client.GetDocumentAsync("/store/checkout?culture=en");
        Assert.NotNull(checkout.QuerySelector("#no-organization"));
        Assert.Null(checkout.QuerySelector("#Input_LicenceHolder"));
        var refused = await client.SubmitFormAsync("/store/checkout?culture=en", StoreTestData.Checkout(), "form.checkout-form");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("A licence with several seats is bought for an organization", (await refused.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        // Nor for an organisation one does not belong to.
        var other = await OrganizationTestData.CreateOrganizationAsync(factory, await OrganizationTestData.CreatePersonAsync(factory), "Someone Else's");
        var fields = StoreTestData.Checkout();
        fields["Input.BuyFor"] = other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var notMember = await client.SubmitFormAsync("/store/checkout?culture=en", fields, "form.checkout-form");
        Assert.Equal(HttpStatusCode.BadRequest, notMember.StatusCode);
        Assert.Contains("only buy for an organization you belong to", (await notMember.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.OrganizationId == other.Id)));
    }

    [Fact]
    public async Task TheAdministratorAssignsAndReassignsSeatsAndRefusalsChangeNothing()
    {
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var alan = await OrganizationTestData.CreatePersonAsync(factory, "Alan Turing");
        var edsger = await OrganizationTestData.CreatePersonAsync(factory, "Edsger Dijkstra");
        var (_, client, organization, number, line) = await PaidFiveSeatOrderAsync(grace, alan, edsger);
        var url = $"/store/orders/{number}/seats";
        var outsider = $"outsider-{Guid.NewGuid():N}@example.org";

        var assigned = await client.SubmitFormAsync(url + "?culture=en", new()
        {
            ["Assign.Members"] = grace.Id,
            ["Assign.People"] = $"{alan.Email}\n{outsider}, Barbara Liskov",
        }, "form.assign-form");
        await StoreTestData.NoticeShownOnceAsync(client, assigned, "Seats given: 3.");
        Assert.Equal([(1, grace.Email, 0), (2, alan.Email, 0), (3, outsider, 0), (4, null, 0), (5, null, 0)], await SeatsAsync(line.Id));
        var graceMail = await Mailbox.WaitForMailAsync(factory.MailDirectory, grace.Email!);
        Assert.Contains($"{organization.Name} has given you a seat of its licence for {line.Reference}", graceMail.Text, StringComparison.Ordinal);
        // Someone who is not a member yet is invited to join.
        var invitation = await Mailbox.WaitForMailAsync(factory.MailDirectory, outsider);
        Assert.Contains("/account/organizations/join/", invitation.Text, StringComparison.Ordinal);
        var page = await client.GetDocumentAsync(url + "?culture=en");
        Assert.Equal("3 of 5 seats assigned, 2 free", page.QuerySelector("#seat-count-1")!.TextContent);
        Assert.Equal("Once they accept the invitation", page.QuerySelector("tr[data-seat='3'] td:nth-child(3)")!.TextContent);

        // More people than free seats: refused, nothing changed, what was typed kept.
        var tooMany = await client.SubmitFormAsync(url + "?culture=en", new()
        {
            ["Assign.People"] = $"{edsger.Email}\nx-{Guid.NewGuid():N}@example.org\ny-{Guid.NewGuid():N}@example.org",
        }, "form.assign-form");
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        var refusedPage = await tooMany.ReadDocumentAsync();
        Assert.Contains("This licence has 5 seats and 2 of them are free, but 3 people were named", refusedPage.QuerySelector("#assign-error-1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(edsger.Email!, refusedPage.QuerySelector("#people-1")!.TextContent, StringComparison.Ordinal);
        // The same person twice, or someone holding a seat already: refused too.
        var twice = await client.SubmitFormAsync(url + "?culture=en", new() { ["Assign.People"] = $"{edsger.Email}\n{edsger.Email!.ToUpperInvariant()}" }, "form.assign-form");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("is named twice", (await twice.ReadDocumentAsync()).QuerySelector("#assign-error-1")!.TextContent, StringComparison.Ordinal);
        var holder = await client.SubmitFormAsync(url + "?culture=en", new() { ["Assign.Members"] = alan.Id }, "form.assign-form");
        Assert.Equal(HttpStatusCode.Conflict, holder.StatusCode);
        Assert.Contains($"{alan.Email} already holds seat 2 of this licence", (await holder.ReadDocumentAsync()).QuerySelector("#assign-error-1")!.TextContent, StringComparison.Ordinal);
        var onAnother = await client.SubmitFormAsync(url + "?culture=en", new() { ["Reassign.Seat"] = "4", ["Reassign.Email"] = grace.Email! }, "form.reassign-form");
        Assert.Equal(HttpStatusCode.Conflict, onAnother.StatusCode);
        Assert.Equal([(1, grace.Email, 0), (2, alan.Email, 0), (3, outsider, 0), (4, null, 0), (5, null, 0)], await SeatsAsync(line.Id));

        // Alan downloads, then his seat goes to Edsger: Alan loses access, the history keeps both.
        var alanClient = await OrganizationTestData.SignInAsync(factory, alan);
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(alanClient, line.Id)).StatusCode);
        var reassigned = await client.SubmitFormAsync(url + "?culture=en", new() { ["Reassign.Seat"] = "2", ["Reassign.Email"] = edsger.Email! }, "form.reassign-form");
        await StoreTestData.NoticeShownOnceAsync(client, reassigned, "Seats given: 1.");
        Assert.Equal((2, edsger.Email, 0), (await SeatsAsync(line.Id))[1]);
        Assert.Equal(HttpStatusCode.Forbidden, (await DownloadAsync(alanClient, line.Id)).StatusCode);
        Assert.Empty((await alanClient.GetDocumentAsync("/store/downloads")).QuerySelectorAll(".download-link"));
        var edsgerClient = await OrganizationTestData.SignInAsync(factory, edsger);
        Assert.Single((await edsgerClient.GetDocumentAsync("/store/downloads")).QuerySelectorAll(".download-link"));
        var history = (await client.GetDocumentAsync($"/store/orders/{number}?culture=en")).QuerySelector(".history")!.TextContent;
        Assert.Contains($"Seat freed: {line.Reference} (en) #2: Alan Turing <{alan.Email}>", history, StringComparison.Ordinal);
        Assert.Contains($"Seat given: {line.Reference} (en) #2: Edsger Dijkstra <{edsger.Email}>", history, StringComparison.Ordinal);

        // Given back to Alan later, the seat has the download he used before.
        await client.SubmitFormAsync(url, new() { ["line"] = "1", ["seat"] = "2" }, "tr[data-seat='2'] form");
        await client.SubmitFormAsync(url, new() { ["Reassign.Seat"] = "2", ["Reassign.Email"] = alan.Email! }, "form.reassign-form");
        Assert.Equal((2, alan.Email, 1), (await SeatsAsync(line.Id))[1]);
    }

    [Fact]
    public async Task EachSeatHolderDownloadsACopyStampedWithTheirNameAndTheOrganizations()
    {
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var alan = await OrganizationTestData.CreatePersonAsync(factory, "Alan Turing");
        var (_, client, organization, number, line) = await PaidFiveSeatOrderAsync(grace, alan);
        var assigned = await client.SubmitFormAsync($"/store/orders/{number}/seats", new()
        {
            ["Assign.People"] = $"{grace.Email}\n{alan.Email}, Dr Alan M. Turing",
        }, "form.assign-form");
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        foreach (var (person, stampedName, seat) in new[] { (grace, "Grace Hopper", 1), (alan, "Dr Alan M. Turing", 2) })
        {
            var holder = await OrganizationTestData.SignInAsync(factory, person);
            var downloads = await holder.GetDocumentAsync("/store/downloads?culture=en");
            Assert.Contains($"Seat bought by {organization.Name}", downloads.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
            var pageText = (await holder.GetDocumentAsync($"/store/downloads/{line.Id}?culture=en")).QuerySelector("main")!.TextContent;
            Assert.Contains(stampedName, pageText, StringComparison.Ordinal);

            var download = await holder.SubmitFormAsync($"/store/downloads/{line.Id}", [], "main form");
            Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
            var pages = PdfText.Pages(await download.Content.ReadAsByteArrayAsync());
            Assert.Equal(2, pages.Count);
            Assert.All(pages, text =>
            {
                Assert.Contains($"Licensed to {stampedName}, {organization.Name}", text, StringComparison.Ordinal);
                Assert.Contains($"Order {number}", text, StringComparison.Ordinal);
                Assert.Contains($"Multi-user licence, seat {seat} of 5, for the named user only", text, StringComparison.Ordinal);
            });
            Assert.Equal(person.Id, await factory.WithDbAsync(db => db.Downloads.Where(x => x.OrderLineId == line.Id).OrderByDescending(x => x.Id).Select(x => x.UserId).FirstAsync()));
        }

        // The limit (2 in these tests) is each seat's own.
        var graceClient = await OrganizationTestData.SignInAsync(factory, grace);
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(graceClient, line.Id)).StatusCode);
        var third = await DownloadAsync(graceClient, line.Id);
        Assert.Equal(HttpStatusCode.Forbidden, third.StatusCode);
        Assert.Contains("all of them have been used", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var alanClient = await OrganizationTestData.SignInAsync(factory, alan);
        Assert.Equal(HttpStatusCode.OK, (await DownloadAsync(alanClient, line.Id)).StatusCode);
        Assert.Equal([(1, grace.Email, 2), (2, alan.Email, 2)], (await SeatsAsync(line.Id)).Take(2));

        // A holder who leaves the organisation can no longer download.
        await factory.WithDbAsync(db => db.OrganizationMembers.Where(m => m.UserId == alan.Id).ExecuteDeleteAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await alanClient.GetAsync($"/store/downloads/{line.Id}")).StatusCode);
    }

    [Fact]
    public async Task ASeatHolderReadsTheWholeTextOnlineAndAMemberWithoutASeatSeesThePreview()
    {
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var alan = await OrganizationTestData.CreatePersonAsync(factory, "Alan Turing");
        var (_, client, _, number, line) = await PaidFiveSeatOrderAsync(grace, alan);
        await TestTexts.LoadAsync(factory, line.DeliverableId!.Value, TestTexts.Full(line.Reference));
        await client.SubmitFormAsync($"/store/orders/{number}/seats", new() { ["Assign.People"] = grace.Email! }, "form.assign-form");

        var reader = await OrganizationTestData.SignInAsync(factory, grace);
        var page = await reader.GetDocumentAsync($"/standard/{line.DeliverableId}/read/en?culture=en");
        Assert.Contains("shall indicate the mass", page.QuerySelector("#sec_4")!.TextContent, StringComparison.Ordinal);
        var member = await (await OrganizationTestData.SignInAsync(factory, alan)).GetDocumentAsync($"/standard/{line.DeliverableId}/read/en?culture=en");
        Assert.Null(member.QuerySelector("#sec_4"));
        Assert.NotNull(member.QuerySelector(".reader-preview"));

        // The seat taken back, so is the reading.
        await client.SubmitFormAsync($"/store/orders/{number}/seats", new() { ["line"] = "1", ["seat"] = "1" }, "tr[data-seat='1'] form");
        Assert.Null((await reader.GetDocumentAsync($"/standard/{line.DeliverableId}/read/en?culture=en")).QuerySelector("#sec_4"));
    }

    [Fact]
    public async Task ASeatHolderIsToldWhenTheStandardGetsANewEditionAndAMemberWithoutASeatIsNot()
    {
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var alan = await OrganizationTestData.CreatePersonAsync(factory, "Alan Turing");
        var (_, client, _, number, line) = await PaidFiveSeatOrderAsync(grace, alan);
        await client.SubmitFormAsync($"/store/orders/{number}/seats", new() { ["Assign.People"] = grace.Email! }, "form.assign-form");
        await StoreTestData.ScanAlertsAsync(factory);

        var edition = await StoreTestData.AddDeliverableAsync(factory, line.Reference.Split(':')[0] + ":2031", replaces: [line.DeliverableId!.Value]);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE deliverables SET replaced_by = {new[] { edition.Id }}, current_stage = 9599 WHERE id = {line.DeliverableId}"));
        Assert.True(await StoreTestData.ScanAlertsAsync(factory) >= 1);

        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, grace.Email!, m => m.Subject.Contains("has changed", StringComparison.Ordinal));
        Assert.Contains($"{line.Reference} has a new edition: {edition.Reference}.", mail.Text, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == alan.Email && m.Subject.Contains("has changed"))));
    }

    [Fact]
    public async Task OnlyTheOrganizationsAdministratorsSeeTheSeatsAndTheOrder()
    {
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var (_, _, _, number, line) = await PaidFiveSeatOrderAsync(grace);
        var url = $"/store/orders/{number}/seats";
        var (stranger, _) = await factory.SignInAsAsync("Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/store/orders/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DownloadAsync(stranger, line.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/store/orders/1999-999999/seats")).StatusCode);

        // A member who is not an administrator neither.
        var member = await OrganizationTestData.SignInAsync(factory, grace);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(url)).StatusCode);
        var token = await StoreTestData.TokenAsync(member);
        var post = await member.PostAsync(url + "?handler=Reassign", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Reassign.Line", "1"), new("Reassign.Seat", "1"), new("Reassign.Email", grace.Email!)]));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.All(await SeatsAsync(line.Id), s => Assert.Null(s.Email));

        // Another administrator of the organisation, who did not buy it, sees the order among the organisation's.
        await factory.WithDbAsync(db => db.OrganizationMembers.Where(m => m.UserId == grace.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, OrganizationRole.Administrator)));
        var orders = await member.GetDocumentAsync("/store/orders?culture=en");
        Assert.Contains(number, orders.QuerySelector("#organization-orders + .table-scroll")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync($"/store/orders/{number}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task TheApiListsAssignsAndFreesSeatsWithTheSameRefusals()
    {
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var (admin, _, _, number, line) = await PaidFiveSeatOrderAsync(grace);
        var (_, secret) = await factory.WithDbAsync(db => ApiTokens.CreateAsync(db, admin.Id, "seats", DateTimeOffset.UtcNow));
        var api = factory.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);

        var put = await api.PutAsJsonAsync($"/api/v1/orders/{number}/lines/1/seats/3", new { email = grace.Email, name = "Rear Admiral Grace Hopper" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var lines = await put.Content.ReadFromJsonAsync<List<Normative.Features.Store.Seats.SeatsApi.LineSeatsResponse>>();
        var seat = Assert.Single(lines!).Holders.Single(h => h.Seat == 3);
        Assert.Equal((grace.Email, "Rear Admiral Grace Hopper"), (seat.Email, seat.Name));
        Assert.Equal(4, lines![0].Free);

        var again = await api.PostAsJsonAsync($"/api/v1/orders/{number}/lines/1/seats", new { people = new[] { new { email = grace.Email, name = (string?)null } } });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already holds seat 3", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var six = Enumerable.Range(0, 6).Select(i => new { email = $"p{i}-{Guid.NewGuid():N}@example.org", name = (string?)null }).ToArray();
        Assert.Equal(HttpStatusCode.Conflict, (await api.PostAsJsonAsync($"/api/v1/orders/{number}/lines/1/seats", new { people = six })).StatusCode);
        // A list naming nobody ("people": [null]) is refused like a missing address.
        var nobody = await api.PostAsync($"/api/v1/orders/{number}/lines/1/seats", new StringContent("""{"people":[null]}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.PutAsJsonAsync($"/api/v1/orders/{number}/lines/1/seats/6", new { email = "z@example.org" })).StatusCode);
        Assert.Equal(1, (await SeatsAsync(line.Id)).Count(s => s.Email is not null));

        Assert.Equal(HttpStatusCode.OK, (await api.DeleteAsync($"/api/v1/orders/{number}/lines/1/seats/3")).StatusCode);
        Assert.All(await SeatsAsync(line.Id), s => Assert.Null(s.Email));
        var (stranger, _) = await factory.ApiClientAsync("Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/v1/orders/{number}/seats")).StatusCode);
        // The organisation's administrator reads the order through the orders API too.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/orders/{number}")).StatusCode);
    }
}
