using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Normative.Features.Accounts;
using Normative.Features.Content.Articles;
using Normative.Features.Content.Updates;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Browser;

public class NewsletterBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AnEditorTestsANewsletterConfirmsTheCountAndWatchesItGoOut()
    {
        const string topic = "sector:energy";
        var readers = new List<string>();
        var slug = "browser-newsletter-" + Guid.NewGuid().ToString("N")[..8];
        var articleId = await browser.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 3; i++)
            {
                var email = $"energy-reader-{Guid.NewGuid():N}@example.org";
                readers.Add(email);
                db.Subscribers.Add(new Subscriber
                {
                    Email = email,
                    Language = "en",
                    Topics = [topic],
                    Status = SubscriberStatus.Confirmed,
                    CreatedAt = now,
                    ConfirmedAt = now,
                    ConfirmationNonce = "n",
                    ConfirmationSentAt = now,
                });
            }
            // Pending: not counted, not sent to.
            db.Subscribers.Add(new Subscriber
            {
                Email = $"energy-pending-{Guid.NewGuid():N}@example.org",
                Language = "en",
                Topics = [topic],
                Status = SubscriberStatus.Pending,
                CreatedAt = now,
                ConfirmationNonce = "n",
                ConfirmationSentAt = now,
            });
            var article = new Article { Slug = slug, Kind = ArticleKind.News, Status = ArticleStatus.Published, PublishAt = now.AddMinutes(-1), CreatedAt = now, UpdatedAt = now };
            article.Versions.Add(new ArticleVersion { Language = "en", Title = "Wind farms get a grid code", Summary = "What the new code asks of operators.", Body = "Text", UpdatedAt = now });
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article.Id;
        });
        var expected = await browser.App.WithDbAsync(db => db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed && s.Topics.Contains(topic)));
        var editor = await browser.App.CreateUserAsync(Roles.Editor);
        var page = await browser.SignedInAsync(editor.Email!);

        await page.GotoAsync($"/editor/articles/{articleId}");
        await page.ClickAsync("main a:has-text('Send as a newsletter')");
        await BrowserFixture.ArriveAsync(page, url => url.Contains($"/editor/articles/{articleId}/newsletter", StringComparison.Ordinal));
        Assert.Equal("Wind farms get a grid code", (await page.TextContentAsync("#mail-preview-subject"))!.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);

        // Continuing before a test is refused, the ticked topic kept.
        await page.CheckAsync("#newsletter-topic-sector-energy");
        await page.ClickAsync("button:has-text('Continue to sending')");
        await page.WaitForSelectorAsync("main .error-summary:has-text('Send yourself a test first')");
        Assert.True(await page.IsCheckedAsync("#newsletter-topic-sector-energy"));
        Assert.Equal(0, await page.Locator("#newsletter-count").CountAsync());

        await page.ClickAsync("button:has-text('Send me a test')");
        await page.WaitForSelectorAsync($"main .notice:has-text('{editor.Email}')");
        var test = await Mailbox.WaitForMailAsync(browser.App.MailDirectory, editor.Email!, m => m.Subject.StartsWith("[Test]", StringComparison.Ordinal));
        Assert.Equal("[Test] Wind farms get a grid code", test.Subject);
        Assert.Contains("What the new code asks of operators.", test.Text, StringComparison.Ordinal);
        Assert.True(await page.IsCheckedAsync("#newsletter-topic-sector-energy"));

        await page.ClickAsync("button:has-text('Continue to sending')");
        await page.WaitForSelectorAsync("#newsletter-count");
        Assert.StartsWith($"This newsletter will go to {expected} subscribers in: New publications: ", (await page.TextContentAsync("#newsletter-count"))!.Trim(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.ClickAsync($"button:has-text('Send to {expected} subscribers')");
        await BrowserFixture.ArriveAsync(page, url => url.Contains("/editor/mailings/", StringComparison.Ordinal));
        Assert.Contains($"queued for {expected} subscribers", await page.TextContentAsync("main .notice"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);

        // The mailing sender sends it; the page follows by itself, without a reload.
        await page.WaitForSelectorAsync($"#progress-text:has-text('{expected} of {expected} sent')", new PageWaitForSelectorOptions { Timeout = 60_000 });
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), await page.GetAttributeAsync("progress#mailing-bar", "value"));
        Assert.EndsWith("UTC", (await page.TextContentAsync("#progress-finished"))!.Trim(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        foreach (var reader in readers)
        {
            var mail = await Mailbox.WaitForMailAsync(browser.App.MailDirectory, reader);
            Assert.Equal("Wind farms get a grid code", mail.Subject);
        }

        await page.ClickAsync("main a:has-text('All mailings')");
        await BrowserFixture.ArriveAsync(page, url => url.EndsWith("/editor/mailings", StringComparison.Ordinal));
        Assert.Contains("Wind farms get a grid code", await page.TextContentAsync("main table"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
