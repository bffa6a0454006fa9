using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Normative.Features.Catalogue;
using Normative.Features.Content.Updates;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

public class EmailUpdatesTests(UpdatesFactory factory) : IClassFixture<UpdatesFactory>
{
    private static string NewAddress() => $"reader-{Guid.NewGuid():N}@example.org";

    /// <summary>Fills in the footer's form on <paramref name="page"/> as a browser without script would.</summary>
    private async Task<HttpResponseMessage> SignUpInFooterAsync(HttpClient client, string email, string page = "/about?culture=en") =>
        await client.SubmitFormAsync(page, new() { ["Input.Email"] = email, ["Input.Topics"] = UpdateTopics.News }, "footer form.footer-updates");

    private async Task<string> ConfirmLinkAsync(string email) =>
        Mailbox.LinkIn(await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Subject.StartsWith("Confirm", StringComparison.Ordinal)), "/updates/confirm");

    private Task<Subscriber?> FindAsync(string email) =>
        factory.WithDbAsync(db => db.Subscribers.Include(s => s.Events).AsNoTracking().FirstOrDefaultAsync(s => s.Email == email));

    private async Task<HttpResponseMessage> PressConfirmAsync(HttpClient client, string link) =>
        await client.SubmitFormAsync(link, new Dictionary<string, string>());

    private async Task<(string Email, string Preferences)> SubscribedAsync(HttpClient client)
    {
        var email = NewAddress();
        await SignUpInFooterAsync(client, email);
        var confirmed = await PressConfirmAsync(client, await ConfirmLinkAsync(email));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        return (email, confirmed.Headers.Location!.OriginalString);
    }

    private MimeMessage RawMail(string to, string subjectStart)
    {
        foreach (var file in Directory.GetFiles(factory.MailDirectory, "*.eml"))
        {
            var message = MimeMessage.Load(file);
            if (message.To.ToString().Contains(to, StringComparison.OrdinalIgnoreCase) && (message.Subject ?? "").StartsWith(subjectStart, StringComparison.Ordinal))
            {
                return message;
            }
        }
        throw new InvalidOperationException($"No mail '{subjectStart}…' to {to}.");
    }

    /// <summary>An ICS field and group and a committee, as the catalogue's import would leave them (this class's database has no catalogue).</summary>
    private Task<string> CatalogueAsync() =>
        factory.WithDbAsync(async db =>
        {
            if (!await db.IcsCodes.AnyAsync(i => i.Code == "13"))
            {
                db.IcsCodes.AddRange(
                    new IcsCode { Code = "13", Title = "Environment. Health protection. Safety", TitleFr = "Environnement. Protection de la santé. Sécurité" },
                    new IcsCode { Code = "13.020", Parent = "13", Title = "Environmental protection" });
            }
            if (!await db.Committees.AnyAsync(c => c.Reference == "ISO/TC 207"))
            {
                db.Committees.Add(new Committee { Reference = "ISO/TC 207", TitleEn = "Environmental management", TitleFr = "Management environnemental" });
            }
            await db.SaveChangesAsync();
            return await db.Committees.Where(c => c.Reference == "ISO/TC 207").Select(c => c.Slug).SingleAsync();
        });

    private static async Task<HttpResponseMessage> SavePreferencesAsync(HttpClient client, string preferences, params (string Name, string Value)[] fields)
    {
        var page = await client.GetDocumentAsync(preferences);
        var antiforgery = page.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(preferences, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", antiforgery), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]));
    }

    [Fact]
    public async Task TheFooterFormOnAnyPageSignsUpWithoutScriptAndSaysAlmostDone()
    {
        var client = factory.Browser();
        var email = NewAddress();
        var page = await client.GetDocumentAsync("/standards?culture=en");
        Assert.NotNull(page.QuerySelector("footer form.footer-updates input[type=email][name='Input.Email']"));
        Assert.NotNull(page.QuerySelector("footer form.footer-updates input[type=checkbox][name='Input.Topics'][value=news]"));

        var response = await SignUpInFooterAsync(client, email.ToUpperInvariant(), "/standards?culture=en");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/updates/almost-done", response.Headers.Location!.OriginalString);
        var almostDone = await client.GetDocumentAsync("/updates/almost-done?culture=en");
        Assert.Equal("Almost done!", almostDone.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("You will not be registered until you confirm", almostDone.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var subscriber = await FindAsync(email);
        Assert.NotNull(subscriber);
        Assert.Equal(SubscriberStatus.Pending, subscriber.Status);
        Assert.Equal(new[] { UpdateTopics.News }, subscriber.Topics);
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, email);
        Assert.Contains("valid for 7 days", mail.Text, StringComparison.Ordinal);
        Assert.StartsWith("/updates/confirm?token=", Mailbox.LinkIn(mail, "/updates/confirm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASignUpKeepsAConsentRecordWithTimeClientAddressAndTheWordsOfTheForm()
    {
        var client = factory.Browser();
        var email = NewAddress();
        await client.PostAsync("/updates?culture=fr", new FormUrlEncodedContent([new("Input.Email", email), new("Input.Topics", "sector:energy")]));
        var link = Mailbox.LinkIn(await Mailbox.WaitForMailAsync(factory.MailDirectory, email), "/updates/confirm");
        await PressConfirmAsync(client, link);

        var subscriber = await FindAsync(email);
        Assert.Equal(SubscriberStatus.Confirmed, subscriber!.Status);
        Assert.Equal("fr", subscriber.Language);
        var records = subscriber.Events.OrderBy(e => e.Id).ToList();
        Assert.Equal(new[] { SubscriptionEventKind.SignUp, SubscriptionEventKind.Confirmed }, records.Select(e => e.Kind));
        Assert.All(records, r =>
        {
            Assert.Equal(email, r.Email);
            Assert.Equal(ClientAddress.Default.ToString(), r.ClientAddress);
            Assert.Equal(new[] { "sector:energy" }, r.Topics);
            Assert.True(r.At > DateTimeOffset.UtcNow.AddMinutes(-5));
        });
        Assert.StartsWith("En vous inscrivant, vous acceptez", records[0].FormText, StringComparison.Ordinal);
        Assert.StartsWith("Je confirme", records[1].FormText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAddressIsRegisteredOnlyAfterTheClickAndASecondClickChangesNothing()
    {
        var client = factory.Browser();
        var email = NewAddress();
        await SignUpInFooterAsync(client, email);
        var link = await ConfirmLinkAsync(email);

        // Opening the link (as a mail scanner does) shows a button and registers nothing.
        var opened = await client.GetDocumentAsync(link);
        Assert.Equal("Confirm your subscription", opened.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(SubscriberStatus.Pending, (await FindAsync(email))!.Status);

        var pressed = await PressConfirmAsync(client, link);
        Assert.Equal(HttpStatusCode.Redirect, pressed.StatusCode);
        var preferences = await client.GetDocumentAsync(pressed.Headers.Location!.OriginalString);
        Assert.Contains("Your subscription is confirmed", preferences.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        var confirmed = await FindAsync(email);
        Assert.Equal(SubscriberStatus.Confirmed, confirmed!.Status);

        var again = await client.GetDocumentAsync(link);
        Assert.Equal("Already confirmed", again.QuerySelector("h1")!.TextContent.Trim());
        var secondPress = await client.PostAsync(link, new FormUrlEncodedContent([]));
        Assert.NotEqual(HttpStatusCode.Redirect, secondPress.StatusCode);
        var after = await FindAsync(email);
        Assert.Equal(confirmed.Events.Count, after!.Events.Count);
        Assert.Equal(confirmed.ConfirmedAt, after.ConfirmedAt);
    }

    [Fact]
    public async Task AnExpiredOrTamperedLinkGetsAClearPageAndChangesNothing()
    {
        var client = factory.Browser();
        var email = NewAddress();
        await SignUpInFooterAsync(client, email);
        var subscriber = (await FindAsync(email))!;
        var tokens = factory.Services.GetRequiredService<SubscriptionTokens>();
        var expired = tokens.Confirmation(subscriber.Id, subscriber.ConfirmationNonce, DateTimeOffset.UtcNow.AddDays(-1));
        var real = await ConfirmLinkAsync(email);
        var token = Uri.UnescapeDataString(real.Split("token=")[1].Split('&')[0]);
        var tampered = "/updates/confirm?token=" + token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];

        var expiredPage = await client.GetAsync($"/updates/confirm?token={Uri.EscapeDataString(expired)}&culture=en");
        Assert.Equal(HttpStatusCode.BadRequest, expiredPage.StatusCode);
        Assert.Equal("This link has expired", (await expiredPage.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.Trim());
        var tamperedPage = await client.GetAsync(tampered + "&culture=en");
        Assert.Equal(HttpStatusCode.BadRequest, tamperedPage.StatusCode);
        Assert.Equal("This link is not valid", (await tamperedPage.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.Trim());

        // Pressing the button on an expired or forged link changes nothing either.
        var form = await client.GetDocumentAsync(real);
        var antiforgery = form.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var link in new[] { $"/updates/confirm?token={Uri.EscapeDataString(expired)}", tampered, "/updates/confirm?token=nonsense" })
        {
            var post = await client.PostAsync(link, new FormUrlEncodedContent([new("__RequestVerificationToken", antiforgery)]));
            Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        }
        var after = (await FindAsync(email))!;
        Assert.Equal(SubscriberStatus.Pending, after.Status);
        Assert.Single(after.Events);
    }

    [Fact]
    public async Task TheAnswerIsTheSameWhetherOrNotTheAddressIsAlreadySubscribed()
    {
        var client = factory.Browser();
        var (subscribed, _) = await SubscribedAsync(client);
        var before = (await FindAsync(subscribed))!;

        var forNew = await SignUpInFooterAsync(client, NewAddress());
        var forSubscribed = await client.PostAsync("/updates", new FormUrlEncodedContent(
            [new("Input.Email", subscribed), new("Input.Topics", UpdateTopics.Publications)]));

        Assert.Equal(forNew.StatusCode, forSubscribed.StatusCode);
        Assert.Equal(forNew.Headers.Location, forSubscribed.Headers.Location);
        // Its owner hears of it by mail; the subscription stays as the owner left it.
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, subscribed, m => m.Subject.StartsWith("Your email updates", StringComparison.Ordinal));
        Assert.Contains("already subscribed", mail.Text, StringComparison.Ordinal);
        var after = (await FindAsync(subscribed))!;
        Assert.Equal(before.Topics, after.Topics);
        Assert.Equal(SubscriberStatus.Confirmed, after.Status);
    }

    [Fact]
    public async Task OneAddressGetsAtMostThreeSignUpMailsADay()
    {
        var client = factory.Browser();
        var email = NewAddress();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SignUpInFooterAsync(client, email)).StatusCode);
        }
        await Task.Delay(1500);
        Assert.Equal(Subscriptions.MailsPerDay, Mailbox.Read(factory.MailDirectory).Count(m => m.To.Contains(email, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ABadAddressOrNoTopicIsRefusedWithAClearMessage()
    {
        var client = factory.Browser();
        var response = await client.PostAsync("/updates?culture=en", new FormUrlEncodedContent(
            [new("Input.Email", "not an address"), new("Input.Topics", "sector:nowhere")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var errors = string.Join(" ", page.QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()));
        Assert.Contains("Choose at least one topic.", errors, StringComparison.Ordinal);
        Assert.Equal("not an address", page.QuerySelector("main input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.Subscribers.CountAsync(s => s.Email == "not an address")));
    }

    [Fact]
    public async Task ThePreferencesPageChangesTopicsAndLanguageByItsSignedLink()
    {
        var client = factory.Browser();
        var (email, preferences) = await SubscribedAsync(client);
        var page = await client.GetDocumentAsync(preferences);
        Assert.Contains(email, page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var antiforgery = page.QuerySelector("main input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var saved = await client.PostAsync(preferences, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", antiforgery), new("Input.Topics", UpdateTopics.Publications), new("Input.Topics", "sector:health"), new("Input.Language", "es")]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = (await FindAsync(email))!;
        Assert.Equal(new[] { UpdateTopics.Publications, "sector:health" }, after.Topics);
        Assert.Equal("es", after.Language);
        Assert.Equal(SubscriptionEventKind.Changed, after.Events.MaxBy(e => e.Id)!.Kind);

        var forged = preferences.Replace("token=", "token=AAAA", StringComparison.Ordinal);
        var refused = await client.GetAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("This link is not valid", (await refused.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheWelcomeMailCarriesListUnsubscribeAndTheOneClickPostIsHonoured()
    {
        var client = factory.Browser();
        var (email, _) = await SubscribedAsync(client);
        await Mailbox.WaitForMailAsync(factory.MailDirectory, email, m => m.Subject.StartsWith("You are subscribed", StringComparison.Ordinal));
        var mail = RawMail(email, "You are subscribed");
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var header = mail.Headers["List-Unsubscribe"] ?? "";
        Assert.Matches("^<http://localhost:5080/updates/unsubscribe\\?token=[^>]+&culture=en>$", header);
        var unsubscribe = new Uri(header.Trim('<', '>')).PathAndQuery;

        // Opening the address does not unsubscribe (link scanners open everything).
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(unsubscribe)).StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, (await FindAsync(email))!.Status);

        // The mail program's POST: no cookie, no antiforgery token, just the RFC 8058 body.
        var mailProgram = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var oneClick = await mailProgram.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        var after = (await FindAsync(email))!;
        Assert.Equal(SubscriberStatus.Unsubscribed, after.Status);
        var record = after.Events.MaxBy(e => e.Id)!;
        Assert.Equal(SubscriptionEventKind.Unsubscribed, record.Kind);
        Assert.Contains("List-Unsubscribe-Post", record.FormText, StringComparison.Ordinal);

        // A second one-click POST is harmless.
        Assert.Equal(HttpStatusCode.OK, (await mailProgram.PostAsync(unsubscribe, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        Assert.Equal(after.Events.Count, (await FindAsync(email))!.Events.Count);
    }

    [Fact]
    public async Task UnconfirmedAddressesAreDeletedAfterThirtyDays()
    {
        var now = DateTimeOffset.UtcNow;
        var old = NewAddress();
        var recent = NewAddress();
        var (confirmed, _) = await SubscribedAsync(factory.Browser());
        await factory.WithDbAsync(async db =>
        {
            await Subscriptions.SignUpAsync(db, new SignUpRequest(old, [UpdateTopics.News], "en", "198.51.100.1", "form"), now.AddDays(-31));
            await Subscriptions.SignUpAsync(db, new SignUpRequest(recent, [UpdateTopics.News], "en", "198.51.100.1", "form"), now.AddDays(-29));
            await db.SaveChangesAsync();
            await db.Subscribers.Where(s => s.Email == confirmed).ExecuteUpdateAsync(u => u.SetProperty(s => s.ConfirmationSentAt, now.AddDays(-90)));
            return 0;
        });

        var deleted = await factory.WithDbAsync(db => Subscriptions.ForgetUnconfirmedAsync(db, now));

        Assert.True(deleted >= 1);
        Assert.Null(await FindAsync(old));
        Assert.Equal(0, await factory.WithDbAsync(db => db.SubscriptionEvents.CountAsync(e => e.Email == old)));
        Assert.Equal(SubscriberStatus.Pending, (await FindAsync(recent))!.Status);
        Assert.Equal(SubscriberStatus.Confirmed, (await FindAsync(confirmed))!.Status);
    }

    [Fact]
    public async Task NoLinkOnTheSiteAnswersComingSoonForEmailUpdates()
    {
        var page = await factory.Browser().GetDocumentAsync("/updates?culture=en");
        Assert.Equal("Sign up for email updates", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("not open yet", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(12 + 2, page.QuerySelectorAll("main input[name='Input.Topics']").Length);
    }

    [Fact]
    public async Task ThePreferencesFormAddsAnIcsFieldAGroupAndACommitteeAndSwitchesToDaily()
    {
        var slug = await CatalogueAsync();
        var client = factory.Browser();
        var (email, preferences) = await SubscribedAsync(client);

        // Without script: a select of ICS fields, a text field with suggestions, and weekly ticked.
        var page = await client.GetDocumentAsync(preferences);
        var field = page.QuerySelector("main select[name='Input.AddField'] option[value='13']");
        Assert.Equal("13 — Environment. Health protection. Safety", field!.TextContent.Trim());
        var typed = page.QuerySelector("main input[type=text][name='Input.AddCode']")!;
        var suggestions = page.QuerySelector("main datalist#" + typed.GetAttribute("list"))!;
        Assert.NotNull(suggestions.QuerySelector("option[value='13.020']"));
        Assert.Equal("ISO/TC 207 — Environmental management", suggestions.QuerySelector("option[value='ISO/TC 207']")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main input[type=radio][name='Input.Frequency'][value=Weekly][checked]"));

        var saved = await SavePreferencesAsync(client, preferences, ("Input.Topics", UpdateTopics.News), ("Input.AddField", "13"),
            ("Input.AddCode", "iso/tc 207"), ("Input.Frequency", "Daily"), ("Input.Language", "en"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = (await FindAsync(email))!;
        Assert.Equal(new[] { UpdateTopics.News, "ics:13", "committee:" + slug }, after.Topics);
        Assert.Equal(DigestFrequency.Daily, after.DigestFrequency);

        // The chosen field and committee come back ticked, by their names.
        page = await client.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Contains("Your preferences are saved", page.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("New publications: ICS 13 — Environment. Health protection. Safety", page.QuerySelector("label[for='prefs-topic-ics-13']")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("#prefs-topic-ics-13[checked]"));
        Assert.Equal("New publications: ISO/TC 207 — Environmental management", page.QuerySelector($"label[for='prefs-topic-committee-{slug}']")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main input[type=radio][name='Input.Frequency'][value=Daily][checked]"));

        // Unticking the field and typing a group: the group replaces it; weekly again.
        saved = await SavePreferencesAsync(client, preferences, ("Input.Topics", UpdateTopics.News), ("Input.Topics", "committee:" + slug),
            ("Input.AddCode", " ICS 13.020 "), ("Input.Frequency", "Weekly"), ("Input.Language", "en"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        after = (await FindAsync(email))!;
        Assert.Equal(new[] { UpdateTopics.News, "ics:13.020", "committee:" + slug }, after.Topics);
        Assert.Equal(DigestFrequency.Weekly, after.DigestFrequency);

        // In French, the field's French title.
        var french = await client.GetDocumentAsync(preferences.Replace("culture=en", "culture=fr", StringComparison.Ordinal));
        Assert.Equal("13 — Environnement. Protection de la santé. Sécurité", french.QuerySelector("main select[name='Input.AddField'] option[value='13']")!.TextContent.Trim());
        Assert.Equal("Nouvelles publications : ISO/TC 207 — Management environnemental", french.QuerySelector($"label[for='prefs-topic-committee-{slug}']")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnUnknownIcsCodeOrCommitteeIsRefusedWithAClearMessageAndTheFormKept()
    {
        await CatalogueAsync();
        var client = factory.Browser();
        var (email, preferences) = await SubscribedAsync(client);

        var refused = await SavePreferencesAsync(client, preferences, ("Input.Topics", UpdateTopics.News), ("Input.Topics", UpdateTopics.Publications),
            ("Input.AddField", "13"), ("Input.AddCode", "99.999"), ("Input.Frequency", "Daily"), ("Input.Language", "es"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Equal("There is no ICS code 99.999. Type a code of the classification, such as 13.020.", page.QuerySelector("#prefs-add-code-error")!.TextContent.Trim());
        Assert.Equal("99.999", page.QuerySelector("#prefs-add-code")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("#prefs-add-field option[value='13'][selected]"));
        Assert.NotNull(page.QuerySelector("#prefs-topic-news[checked]"));
        Assert.NotNull(page.QuerySelector("#prefs-topic-publications[checked]"));
        Assert.NotNull(page.QuerySelector("#prefs-frequency-daily[checked]"));
        Assert.NotNull(page.QuerySelector("#prefs-language option[value='es'][selected]"));

        refused = await SavePreferencesAsync(client, preferences, ("Input.Topics", UpdateTopics.News), ("Input.AddCode", "ISO/TC 99999"), ("Input.Language", "en"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal("No committee and no ICS code is called “ISO/TC 99999”. Type a committee's reference such as ISO/TC 207, or an ICS code such as 13.020.",
            (await refused.ReadDocumentAsync()).QuerySelector("#prefs-add-code-error")!.TextContent.Trim());

        // A field not in the list, or a ticked topic the catalogue does not hold (a forged form), changes nothing either.
        refused = await SavePreferencesAsync(client, preferences, ("Input.Topics", "ics:98"), ("Input.AddField", "99"), ("Input.Language", "en"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        page = await refused.ReadDocumentAsync();
        Assert.Equal("Choose an ICS field from the list.", page.QuerySelector("#prefs-add-field-error")!.TextContent.Trim());
        Assert.Contains("no longer in the catalogue: ICS 98", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var after = (await FindAsync(email))!;
        Assert.Equal(new[] { UpdateTopics.News }, after.Topics);
        Assert.Equal(DigestFrequency.Weekly, after.DigestFrequency);
        Assert.Equal("en", after.Language);

        // The sign-up page refuses it the same way, keeping the address.
        var address = NewAddress();
        var signUp = await client.PostAsync("/updates?culture=en", new FormUrlEncodedContent(
            [new("Input.Email", address), new("Input.AddCode", "ISO/TC 99999"), new("Input.Frequency", "Daily")]));
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);
        var form = await signUp.ReadDocumentAsync();
        Assert.StartsWith("No committee and no ICS code is called “ISO/TC 99999”", form.QuerySelector("#page-add-code-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(address, form.QuerySelector("main input[name='Input.Email']")!.GetAttribute("value"));
        Assert.Equal("ISO/TC 99999", form.QuerySelector("#page-add-code")!.GetAttribute("value"));
        Assert.NotNull(form.QuerySelector("#page-frequency-daily[checked]"));
        Assert.Null(await FindAsync(address));
    }

    [Fact]
    public async Task TheSignUpPageTakesAnIcsFieldACommitteeAndADailyDigest()
    {
        var slug = await CatalogueAsync();
        var client = factory.Browser();
        var email = NewAddress();
        var page = await client.GetDocumentAsync("/updates?culture=en");
        Assert.NotNull(page.QuerySelector("main select[name='Input.AddField'] option[value='13']"));
        Assert.NotNull(page.QuerySelector("#page-frequency-weekly[checked]"));
        // The footer's form stays compact.
        Assert.Null(page.QuerySelector("footer [name='Input.AddField'], footer [name='Input.AddCode'], footer [name='Input.Frequency']"));

        var response = await client.PostAsync("/updates?culture=en", new FormUrlEncodedContent(
            [new("Input.Email", email), new("Input.AddField", "13"), new("Input.AddCode", "ISO/TC 207"), new("Input.Frequency", "Daily")]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var subscriber = (await FindAsync(email))!;
        Assert.Equal(new[] { "ics:13", "committee:" + slug }, subscriber.Topics);
        Assert.Equal(DigestFrequency.Daily, subscriber.DigestFrequency);
        Assert.Equal(SubscriberStatus.Pending, subscriber.Status);
    }
}
