using Microsoft.EntityFrameworkCore;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Reading;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Alerts;

public class AlertTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private Task<int> ScanAsync() => StoreTestData.ScanAlertsAsync(factory);

    private static int Number() => StoreTestData.NextId() % 90000 + 10000;

    private Task<string> EmailOfBuyerAsync(string orderNumber) =>
        factory.WithDbAsync(db => db.Orders.Where(o => o.Number == orderNumber).Join(db.Users, o => o.UserId, u => u.Id, (o, u) => u.Email!).SingleAsync());

    /// <summary>Alert mails queued for the address: the scan queues them in its own transaction, so this needs no waiting.</summary>
    private Task<int> AlertMailsAsync(string email) =>
        factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == email && m.Subject.Contains("has changed")));

    private Task ReplaceAsync(Deliverable old, Deliverable successor) =>
        factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE deliverables SET replaced_by = {new[] { successor.Id }}, current_stage = 9599 WHERE id = {old.Id}"));

    [Fact]
    public async Task ABuyerIsMailedOnceWhenWhatTheyBoughtGetsANewEditionAndIsWithdrawn()
    {
        var n = Number();
        var bought = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2019");
        var (_, order) = await StoreTestData.BuyPaidPdfAsync(factory, bought);
        var email = await EmailOfBuyerAsync(order);
        await ScanAsync();
        Assert.Equal(0, await AlertMailsAsync(email));

        var edition = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2026", replaces: [bought.Id]);
        await ReplaceAsync(bought, edition);
        Assert.True(await ScanAsync() >= 1);

        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Subject.Contains("has changed", StringComparison.Ordinal));
        Assert.Contains($"ISO {n}:2019 has a new edition: ISO {n}:2026.", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"ISO {n}:2019 has been withdrawn and replaced by ISO {n}:2026.", mail.Text, StringComparison.Ordinal);
        Assert.Equal($"/store/standard/{edition.Id}", Mailbox.LinkIn(mail, "/store/standard/"));
        // Without texts there is nothing to compare: no link to what changed.
        Assert.DoesNotContain("/changes", mail.Text, StringComparison.Ordinal);

        await ScanAsync();
        Assert.Equal(1, await AlertMailsAsync(email));
    }

    [Fact]
    public async Task WhenBothEditionsHaveTextsTheMailLinksToWhatChanged()
    {
        var n = Number();
        var bought = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2017");
        var (_, order) = await StoreTestData.BuyPaidPdfAsync(factory, bought);
        var email = await EmailOfBuyerAsync(order);
        var edition = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2026", replaces: [bought.Id]);
        foreach (var d in new[] { bought, edition })
        {
            var xml = System.Text.Encoding.UTF8.GetBytes(Catalogue.Reading.StsImportTests.Sts(d.Reference));
            await factory.WithDbAsync(db => StsImport.ImportAsync(db, "text.xml", xml, new StsImportOptions(d.Id), DateTimeOffset.UtcNow, CancellationToken.None));
        }
        await ReplaceAsync(bought, edition);

        Assert.True(await ScanAsync() >= 1);

        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Subject.Contains("has changed", StringComparison.Ordinal));
        Assert.Contains("What changed:", mail.Text, StringComparison.Ordinal);
        Assert.Equal($"/standard/{edition.Id}/changes?from={bought.Id}", Mailbox.LinkIn(mail, $"/standard/{edition.Id}/changes"));
    }

    [Fact]
    public async Task TheBuyerOfTheNewEditionSeesTheChangedWordsAndTheBuyerOfTheOldOneOnlyWhichClauses()
    {
        var n = Number();
        var old = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2017");
        var edition = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2026", replaces: [old.Id]);
        foreach (var (d, when) in new[] { (old, "yearly"), (edition, "monthly") })
        {
            var body = $"<sec><label>5</label><title>Calibration</title><p>The balance shall be calibrated {when}.</p></sec>";
            var xml = System.Text.Encoding.UTF8.GetBytes(Catalogue.Reading.StsImportTests.Sts(d.Reference, body));
            await factory.WithDbAsync(db => StsImport.ImportAsync(db, "text.xml", xml, new StsImportOptions(d.Id), DateTimeOffset.UtcNow, CancellationToken.None));
        }
        var (oldBuyer, _) = await StoreTestData.BuyPaidPdfAsync(factory, old);
        var (newBuyer, _) = await StoreTestData.BuyPaidPdfAsync(factory, edition);
        var url = CatalogueLinks.Changes(edition.Id, old.Id) + "&culture=en";

        var seen = await newBuyer.GetDocumentAsync(url);
        Assert.Equal(["sec_5"], seen.QuerySelectorAll(".change").Select(e => e.Id));
        Assert.Equal(["monthly"], seen.QuerySelectorAll("#sec_5 ins").Select(e => e.TextContent));
        Assert.Equal(["yearly"], seen.QuerySelectorAll("#sec_5 del").Select(e => e.TextContent));

        var hidden = await oldBuyer.GetDocumentAsync(url);
        Assert.NotNull(hidden.GetElementById("sec_5"));
        Assert.Empty(hidden.QuerySelectorAll(".change ins, .change del"));
    }

    [Fact]
    public async Task ImportingANewEditionMailsTheBuyersAtOnce()
    {
        var n = Number();
        var bought = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2018");
        var (_, order) = await StoreTestData.BuyPaidPdfAsync(factory, bought);
        var email = await EmailOfBuyerAsync(order);
        var successor = StoreTestData.NextId();
        var file = Path.Combine(Directory.CreateTempSubdirectory("alerts-").FullName, "deliverables.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            Catalogue.CatalogueFactory.Line(bought.Id, bought.Reference, bought.TitleEn!, 9599, ("replacedBy", new[] { successor })),
            Catalogue.CatalogueFactory.Line(successor, $"ISO {n}:2026", bought.TitleEn!, 6060, ("replaces", new[] { bought.Id })),
        ]);

        var import = await CliProcess.RunAsync(null, "import", "deliverables", file, "--ConnectionStrings:Normative=" + factory.ConnectionString);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Store: 1 alert mail(s) queued", import.Output, StringComparison.Ordinal);
        Assert.Equal(1, await AlertMailsAsync(email));
    }

    [Fact]
    public async Task ABuyerIsMailedWhenWhatTheyBoughtIsAmendedAndThenCorrected()
    {
        var n = Number();
        var bought = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2015");
        var (_, order) = await StoreTestData.BuyPaidPdfAsync(factory, bought);
        var email = await EmailOfBuyerAsync(order);

        var amendment = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2015/Amd 1:2026", supplementType: "Amd");
        await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2015/DAmd 2", supplementType: "Amd", stage: 4060);
        await ScanAsync();
        var first = await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Text.Contains("amended", StringComparison.Ordinal));
        Assert.Contains($"ISO {n}:2015 has been amended: ISO {n}:2015/Amd 1:2026.", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("DAmd", first.Text, StringComparison.Ordinal);
        Assert.Equal($"/store/standard/{amendment.Id}", Mailbox.LinkIn(first, "/store/standard/"));

        await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2015/Cor 1:2026", supplementType: "Cor");
        await ScanAsync();
        var second = await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Text.Contains("technical corrigendum", StringComparison.Ordinal) || m.Text.Contains("has been corrected", StringComparison.Ordinal));
        Assert.Contains($"ISO {n}:2015/Cor 1:2026", second.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("amended", second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangesKnownWhenBuyingAreNotNews()
    {
        var n = Number();
        var old = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2008");
        var current = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2015", replaces: [old.Id]);
        await ReplaceAsync(old, current);
        var (_, order) = await StoreTestData.BuyPaidPdfAsync(factory, old);
        var email = await EmailOfBuyerAsync(order);

        await ScanAsync();
        Assert.Equal(0, await AlertMailsAsync(email));
        Assert.Equal(2, await factory.WithDbAsync(db => db.AlertNotices.CountAsync(a => a.DeliverableId == old.Id && a.MailedAt == null)));
    }

    [Fact]
    public async Task ABuyerWhoTurnedAlertsOffIsNotMailed()
    {
        var n = Number();
        var bought = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2019");
        var (client, order) = await StoreTestData.BuyPaidPdfAsync(factory, bought);
        var email = await EmailOfBuyerAsync(order);
        var off = await client.SubmitFormAsync("/store/downloads", [], "form[action*='handler=Alerts']");
        var offPage = await StoreTestData.NoticeShownOnceAsync(client, off, "Alerts are now off.");
        Assert.Contains("Alerts are off.", offPage.QuerySelector("#alerts-state")!.TextContent, StringComparison.Ordinal);

        await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2019/Amd 1:2026", supplementType: "Amd");
        await ScanAsync();
        Assert.Equal(0, await AlertMailsAsync(email));

        var on = await client.SubmitFormAsync("/store/downloads", [], "form[action*='handler=Alerts']");
        var onPage = await StoreTestData.NoticeShownOnceAsync(client, on, "Alerts are now on.");
        Assert.Contains("Alerts are on.", onPage.QuerySelector("#alerts-state")!.TextContent, StringComparison.Ordinal);
        await ScanAsync();
        Assert.Equal(1, await AlertMailsAsync(email));
    }

    [Fact]
    public async Task ScansRunningAtTheSameTimeMailOnce()
    {
        var n = Number();
        var bought = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2019");
        var (_, order) = await StoreTestData.BuyPaidPdfAsync(factory, bought);
        var email = await EmailOfBuyerAsync(order);
        await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2019/Amd 1:2026", supplementType: "Amd");

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => ScanAsync()));
        await ScanAsync();

        Assert.Equal(1, await AlertMailsAsync(email));
    }
}
