using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Content.Articles;
using Normative.Features.Content.Mailings;
using Normative.Features.Content.Updates;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

/// <summary>
/// The Editors' newsletter page and the mailings' progress, over HTTP, with the mailing sender
/// stopped so that each test sends when it wants to (the outbox, which carries the test mails, runs).
/// </summary>
public class NewsletterTests(MailingsFactory factory) : IClassFixture<MailingsFactory>
{
    private const string Energy = "sector:energy";

    private Task<Article> ArticleAsync(ArticleStatus status = ArticleStatus.Published, string title = "Our annual report") =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var article = new Article
            {
                Slug = "newsletter-" + Guid.NewGuid().ToString("N")[..12],
                Kind = ArticleKind.News,
                Status = status,
                PublishAt = status == ArticleStatus.Draft ? null : now.AddMinutes(-5),
                CreatedAt = now,
                UpdatedAt = now,
            };
            article.Versions.Add(new ArticleVersion { Language = "en", Title = title, Summary = "What we did this year.", Body = "Text", UpdatedAt = now });
            article.Versions.Add(new ArticleVersion { Language = "fr", Title = "Notre rapport annuel", Summary = "Ce que nous avons fait cette année.", Body = "Texte", UpdatedAt = now });
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article;
        });

    private Task<Subscriber> SubscriberAsync(SubscriberStatus status, params string[] topics) =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var subscriber = new Subscriber
            {
                Email = $"reader-{Guid.NewGuid():N}@example.org",
                Language = "en",
                Topics = [.. topics],
                Status = status,
                CreatedAt = now,
                ConfirmedAt = status == SubscriberStatus.Pending ? null : now,
                ConfirmationNonce = "n",
                ConfirmationSentAt = now,
            };
            db.Subscribers.Add(subscriber);
            await db.SaveChangesAsync();
            return subscriber;
        });

    private Task<int> ConfirmedInAsync(params string[] topics) =>
        factory.WithDbAsync(db => db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed && s.Topics.Any(t => topics.Contains(t))));

    /// <summary>Posts one of the newsletter form's buttons with the antiforgery token of the signed-in Editor.</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient editor, int articleId, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        // The article editor always has a form, so its token serves even when the newsletter page has none.
        var page = await editor.GetDocumentAsync($"/editor/articles/{articleId}");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await editor.PostAsync($"/editor/articles/{articleId}/newsletter?handler={handler}",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]));
    }

    private static List<KeyValuePair<string, string>> Fields(string language, params string[] topics) =>
        [new("Input.Language", language), .. topics.Select(t => new KeyValuePair<string, string>("Input.Topics", t))];

    private static async Task<HttpResponseMessage> SendTestAsync(HttpClient editor, int articleId, string language = "en", params string[] topics)
    {
        var sent = await PostAsync(editor, articleId, "Test", Fields(language, topics));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        return sent;
    }

    /// <summary>The confirmation step, and the confirmation form's fields as a browser would post them.</summary>
    private static async Task<(IHtmlDocument Page, List<KeyValuePair<string, string>> Confirm)> ReviewAsync(HttpClient editor, int articleId, params string[] topics)
    {
        var review = await PostAsync(editor, articleId, "Review", Fields("en", topics));
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        var page = await review.ReadDocumentAsync();
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains("handler=Send", StringComparison.Ordinal));
        var fields = form is null
            ? []
            : form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        return (page, fields);
    }

    private static Task<HttpResponseMessage> ConfirmAsync(HttpClient editor, int articleId, List<KeyValuePair<string, string>> confirm) =>
        editor.PostAsync($"/editor/articles/{articleId}/newsletter?handler=Send", new FormUrlEncodedContent(confirm));

    private Task<List<Mailing>> MailingsOfAsync(int articleId) => factory.WithDbAsync(db => db.Mailings.Where(m => m.ArticleId == articleId).ToListAsync());

    private async Task SendAllAsync()
    {
        while (true)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            if (await scope.ServiceProvider.GetRequiredService<MailingSender>().SendDueAsync(CancellationToken.None) == 0)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task SendingIsRefusedUntilTheEditorSentThemselvesATestOfTheCurrentText()
    {
        var (editor, user) = await factory.SignInAsAsync(Roles.Editor);
        var article = await ArticleAsync();
        await SubscriberAsync(SubscriberStatus.Confirmed, UpdateTopics.News);

        var edit = await editor.GetDocumentAsync($"/editor/articles/{article.Id}");
        Assert.NotNull(edit.QuerySelector($"main a[href^='/editor/articles/{article.Id}/newsletter']"));

        var (refused, confirm) = await ReviewAsync(editor, article.Id, UpdateTopics.News);
        Assert.Contains("Send yourself a test first", refused.QuerySelector("main .error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector("#newsletter-count"));
        Assert.Empty(confirm);
        // A forged confirmation is refused the same way.
        var forged = await ConfirmAsync(editor, article.Id, [.. Fields("en", UpdateTopics.News), new("Input.SendKey", Guid.NewGuid().ToString()),
            new("__RequestVerificationToken", (await editor.GetDocumentAsync($"/editor/articles/{article.Id}")).QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.Empty(await MailingsOfAsync(article.Id));

        // The test goes to the Editor alone, in the chosen language, its subject marked, through the outbox.
        var sent = await SendTestAsync(editor, article.Id, "fr", UpdateTopics.News);
        Assert.Contains("topics=news", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, user.Email!, m => m.Subject.StartsWith("[Test]", StringComparison.Ordinal));
        Assert.Equal("[Test] Notre rapport annuel", mail.Subject);
        Assert.Contains("Ce que nous avons fait cette année.", mail.Text, StringComparison.Ordinal);
        Assert.Contains($"/news/{article.Slug}", mail.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", mail.Text, StringComparison.Ordinal);
        var back = await editor.GetDocumentAsync(sent.Headers.Location!.OriginalString);
        Assert.Contains(user.Email!, back.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        Assert.True(((IHtmlInputElement)back.QuerySelector("#newsletter-topic-news")!).IsChecked);

        var (ready, _) = await ReviewAsync(editor, article.Id, UpdateTopics.News);
        Assert.NotNull(ready.QuerySelector("#newsletter-count"));

        // Edited after the test: the test no longer counts.
        await factory.WithDbAsync(async db =>
        {
            db.ArticleEvents.Add(new ArticleEvent { ArticleId = article.Id, At = DateTimeOffset.UtcNow, Kind = ArticleEventKind.Edited, Note = "en" });
            return await db.SaveChangesAsync();
        });
        var (outdated, _) = await ReviewAsync(editor, article.Id, UpdateTopics.News);
        Assert.Contains("edited after the last test", outdated.QuerySelector("main .error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(outdated.QuerySelector("#newsletter-count"));
    }

    [Fact]
    public async Task TheConfirmationCountsTheConfirmedSubscribersOfTheChosenTopicsOnly()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var article = await ArticleAsync();
        var confirmed = await SubscriberAsync(SubscriberStatus.Confirmed, Energy);
        var both = await SubscriberAsync(SubscriberStatus.Confirmed, UpdateTopics.News, Energy);
        var pending = await SubscriberAsync(SubscriberStatus.Pending, Energy);
        var gone = await SubscriberAsync(SubscriberStatus.Unsubscribed, Energy);
        var elsewhere = await SubscriberAsync(SubscriberStatus.Confirmed, "sector:food");
        await SendTestAsync(editor, article.Id);

        var expected = await ConfirmedInAsync(Energy);
        Assert.True(expected >= 2);
        var (page, confirm) = await ReviewAsync(editor, article.Id, Energy);
        Assert.StartsWith($"This newsletter will go to {expected.ToString("N0", CultureInfo.GetCultureInfo("en"))} subscribers in: New publications: ",
            page.QuerySelector("#newsletter-count")!.TextContent.Trim(), StringComparison.Ordinal);

        var queued = await ConfirmAsync(editor, article.Id, confirm);
        Assert.Equal(HttpStatusCode.Redirect, queued.StatusCode);
        var mailing = Assert.Single(await MailingsOfAsync(article.Id));
        Assert.Equal(expected, mailing.Recipients);
        var recipients = await factory.WithDbAsync(db => db.MailingRecipients.Where(r => r.MailingId == mailing.Id).Select(r => r.SubscriberId).ToListAsync());
        Assert.Contains(confirmed.Id, recipients);
        Assert.Contains(both.Id, recipients);
        Assert.DoesNotContain(pending.Id, recipients);
        Assert.DoesNotContain(gone.Id, recipients);
        Assert.DoesNotContain(elsewhere.Id, recipients);
    }

    [Fact]
    public async Task NobodyInTheTopicsIsSaidAndNothingIsQueued()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var article = await ArticleAsync();
        var nobody = UpdateTopics.ForSector(Sector.All[^1]);
        await SubscriberAsync(SubscriberStatus.Pending, nobody);
        Assert.Equal(0, await ConfirmedInAsync(nobody));
        await SendTestAsync(editor, article.Id);

        var (page, confirm) = await ReviewAsync(editor, article.Id, nobody);
        Assert.Contains("No confirmed subscriber follows these topics", page.QuerySelector("#newsletter-count")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(confirm);
        var forced = await ConfirmAsync(editor, article.Id, [.. Fields("en", nobody), new("Input.SendKey", Guid.NewGuid().ToString()),
            new("__RequestVerificationToken", page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!)]);
        Assert.Equal(HttpStatusCode.OK, forced.StatusCode);
        Assert.Empty(await MailingsOfAsync(article.Id));
    }

    [Fact]
    public async Task ADoubleClickOrASecondPostOfTheConfirmationQueuesTheNewsletterOnce()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var article = await ArticleAsync();
        await SubscriberAsync(SubscriberStatus.Confirmed, UpdateTopics.News);
        await SendTestAsync(editor, article.Id);
        var (_, confirm) = await ReviewAsync(editor, article.Id, UpdateTopics.News);
        Assert.Contains(confirm, f => f.Key == "Input.SendKey");

        var together = await Task.WhenAll(ConfirmAsync(editor, article.Id, confirm), ConfirmAsync(editor, article.Id, confirm));
        var again = await ConfirmAsync(editor, article.Id, confirm);

        var mailing = Assert.Single(await MailingsOfAsync(article.Id));
        Assert.All([.. together, again], r =>
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal($"/editor/mailings/{mailing.Id}", r.Headers.Location!.OriginalString);
        });
        var expected = await ConfirmedInAsync(UpdateTopics.News);
        Assert.Equal(expected, await factory.WithDbAsync(db => db.MailingRecipients.CountAsync(r => r.MailingId == mailing.Id)));
        var history = await factory.WithDbAsync(db => db.ArticleEvents.Where(e => e.ArticleId == article.Id).Select(e => e.Kind).ToListAsync());
        Assert.Single(history, k => k == ArticleEventKind.NewsletterSent);
    }

    [Fact]
    public async Task AnArticleThatIsNotPublishedCannotBeTestedOrSent()
    {
        var (editor, user) = await factory.SignInAsAsync(Roles.Editor);
        var article = await ArticleAsync(ArticleStatus.Draft);
        await SubscriberAsync(SubscriberStatus.Confirmed, UpdateTopics.News);

        var page = await editor.GetDocumentAsync($"/editor/articles/{article.Id}/newsletter");
        Assert.Contains("Only a published article can be sent as a newsletter", page.QuerySelector("main .notice-warn")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#newsletter-topic-news"));

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(editor, article.Id, "Test", Fields("en", UpdateTopics.News))).StatusCode);
        var forced = await PostAsync(editor, article.Id, "Send", [.. Fields("en", UpdateTopics.News), new("Input.SendKey", Guid.NewGuid().ToString())]);
        Assert.Contains("Only a published article", (await forced.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await MailingsOfAsync(article.Id));
        Assert.False(await factory.WithDbAsync(db => db.ArticleEvents.AnyAsync(e => e.ArticleId == article.Id && e.Kind == ArticleEventKind.NewsletterTested)));
        Assert.DoesNotContain(Mailbox.Read(factory.MailDirectory), m => m.To.Contains(user.Email!, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task OnlyEditorsReachTheNewsletterAndTheMailings()
    {
        var article = await ArticleAsync();
        var mailing = await factory.WithDbAsync(async db =>
        {
            var m = new Mailing { Kind = MailingKind.Newsletter, ArticleId = article.Id, Subject = "Private", CreatedAt = DateTimeOffset.UtcNow, Topics = [UpdateTopics.News] };
            db.Mailings.Add(m);
            await db.SaveChangesAsync();
            return m;
        });
        var (customer, _) = await factory.SignInAsAsync(Roles.Customer);
        var anonymous = factory.Browser();
        foreach (var url in new[] { $"/editor/articles/{article.Id}/newsletter", "/editor/mailings", $"/editor/mailings/{mailing.Id}" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync(url)).StatusCode);
            var visitor = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, visitor.StatusCode);
            Assert.Contains("/account/signin", visitor.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var post = await customer.PostAsync($"/editor/articles/{article.Id}/newsletter?handler=Send", new FormUrlEncodedContent(Fields("en", UpdateTopics.News)));
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Single(await MailingsOfAsync(article.Id));
    }

    [Fact]
    public async Task TheMailingsProgressGoesFromNoneToAllSentAndTheListCountsIt()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var article = await ArticleAsync(title: "Progress report " + Guid.NewGuid().ToString("N")[..6]);
        await SubscriberAsync(SubscriberStatus.Confirmed, UpdateTopics.Publications);
        await SubscriberAsync(SubscriberStatus.Confirmed, UpdateTopics.Publications);
        await SendTestAsync(editor, article.Id);
        var (_, confirm) = await ReviewAsync(editor, article.Id, UpdateTopics.Publications);
        var queued = await ConfirmAsync(editor, article.Id, confirm);
        var status = queued.Headers.Location!.OriginalString;
        var total = Assert.Single(await MailingsOfAsync(article.Id)).Recipients;
        var n = total.ToString("N0", CultureInfo.GetCultureInfo("en"));

        var before = await editor.GetDocumentAsync(status);
        Assert.Contains("The newsletter is queued for", before.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"0 of {n} sent", before.QuerySelector("#progress-text")!.TextContent.Trim());
        Assert.Equal("0", before.QuerySelector("progress#mailing-bar")!.GetAttribute("value"));
        Assert.NotEqual("0", before.QuerySelector("#mailing-progress")!.GetAttribute("data-refresh"));
        Assert.Equal("Still sending", before.QuerySelector("#progress-finished")!.TextContent.Trim());

        await SendAllAsync();
        var after = await editor.GetDocumentAsync(status);
        Assert.Equal($"{n} of {n} sent", after.QuerySelector("#progress-text")!.TextContent.Trim());
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), after.QuerySelector("progress#mailing-bar")!.GetAttribute("value"));
        Assert.Equal("0", after.QuerySelector("#mailing-progress")!.GetAttribute("data-refresh"));
        Assert.EndsWith("UTC", after.QuerySelector("#progress-finished")!.TextContent.Trim(), StringComparison.Ordinal);

        var list = await editor.GetDocumentAsync("/editor/mailings");
        var row = list.QuerySelectorAll("main tbody tr").Single(r => r.QuerySelector($"a[href='{status}']") is not null);
        Assert.Contains(article.Versions.Single(v => v.Language == "en").Title, row.TextContent, StringComparison.Ordinal);
        Assert.Equal(n, row.QuerySelectorAll("td")[3].TextContent.Trim());
        Assert.Equal(n, row.QuerySelectorAll("td")[4].TextContent.Trim());
        Assert.Equal("Finished", row.QuerySelectorAll("td")[6].TextContent.Trim());
        var account = await editor.GetDocumentAsync("/account");
        Assert.NotNull(account.QuerySelector("main a[href='/editor/mailings']"));
    }

    [Fact]
    public void ATestCountsOnlyUntilTheArticleIsEditedAgain()
    {
        static ArticleEvent E(long id, ArticleEventKind kind) => new() { Id = id, Kind = kind };
        Assert.Equal(NewsletterTest.None, NewsletterRules.Test([E(1, ArticleEventKind.Created), E(2, ArticleEventKind.Published)]));
        Assert.Equal(NewsletterTest.Current, NewsletterRules.Test([E(1, ArticleEventKind.Edited), E(2, ArticleEventKind.NewsletterTested), E(3, ArticleEventKind.Published)]));
        Assert.Equal(NewsletterTest.Outdated, NewsletterRules.Test([E(2, ArticleEventKind.NewsletterTested), E(3, ArticleEventKind.Edited)]));
        Assert.Equal(NewsletterTest.Current, NewsletterRules.Test([E(2, ArticleEventKind.NewsletterTested), E(3, ArticleEventKind.Edited), E(4, ArticleEventKind.NewsletterTested)]));
    }
}
