using Deque.AxeCore.Playwright;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Playwright;
using MimeKit;
using Normative.Features.Content;
using Normative.Features.Content.Articles;
using Normative.Features.Content.Mailings;
using Normative.Features.Content.Updates;
using Normative.Features.Shared;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Browser;

public class EmailUpdatesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task AVisitorSubscribesInTheFooterConfirmsFromTheMailAndUnsubscribesInOneClick()
    {
        var email = $"visitor-{Guid.NewGuid():N}@example.org";
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/about");
        await page.FillAsync("#footer-email", email);
        await page.CheckAsync("#footer-topic-publications");
        await page.ClickAsync("footer form.footer-updates button[type=submit]");
        await BrowserFixture.ArriveAsync(page, url => url.EndsWith("/updates/almost-done", StringComparison.Ordinal));
        Assert.Equal("Almost done!", (await page.TextContentAsync("h1"))!.Trim());
        Assert.Contains("You will not be registered until you confirm", await page.TextContentAsync("main"), StringComparison.Ordinal);
        await AssertAccessibleAsync(page);

        // The mail, as the .eml file in the data folder.
        var mail = await Mailbox.WaitForMailAsync(browser.App.MailDirectory, email);
        await page.GotoAsync(Mailbox.LinkIn(mail, "/updates/confirm"));
        Assert.Equal("Confirm your subscription", (await page.TextContentAsync("h1"))!.Trim());
        await AssertAccessibleAsync(page);
        await page.ClickAsync("main button[type=submit]");
        await BrowserFixture.ArriveAsync(page, url => url.Contains("/updates/preferences?", StringComparison.Ordinal));
        Assert.Contains("Your subscription is confirmed", await page.TextContentAsync("main .notice"), StringComparison.Ordinal);
        Assert.True(await page.IsCheckedAsync("#prefs-topic-news"));
        Assert.True(await page.IsCheckedAsync("#prefs-topic-publications"));
        await AssertAccessibleAsync(page);

        // The welcome mail carries the one-click unsubscribe headers too.
        await Mailbox.WaitForMailAsync(browser.App.MailDirectory, email, m => m.Subject.StartsWith("You are subscribed", StringComparison.Ordinal));
        var welcome = Directory.GetFiles(browser.App.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && (m.Subject ?? "").StartsWith("You are subscribed", StringComparison.Ordinal));
        Assert.Equal("List-Unsubscribe=One-Click", welcome.Headers["List-Unsubscribe-Post"]);

        // A week of news later, the digest job runs (for a week of this test's own) and the mailing sender sends it.
        var week = DateTimeOffset.UtcNow.AddDays(7 * Random.Shared.Next(100, 5000));
        await browser.App.WithDbAsync(async db =>
        {
            var article = new Article { Slug = "browser-digest-" + Guid.NewGuid().ToString("N")[..10], Kind = ArticleKind.News, Status = ArticleStatus.Published,
                PublishAt = week.AddHours(-3), CreatedAt = week, UpdatedAt = week };
            article.Versions.Add(new ArticleVersion { Language = "en", Title = "A week of standards", Summary = "What happened", Body = "Text", UpdatedAt = week });
            db.Articles.Add(article);
            return await db.SaveChangesAsync();
        });
        var services = browser.App.Services;
        await browser.App.WithDbAsync(db => Digests.RunAsync(db, services.GetRequiredService<IStringLocalizer<ContentText>>(), services.GetRequiredService<IStringLocalizer<SiteText>>(),
            services.GetRequiredService<IConfiguration>(),
            "Normative", DigestFrequency.Weekly, week));
        async Task<int> SendMailingsAsync()
        {
            await using var scope = services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<MailingSender>().SendDueAsync(CancellationToken.None);
        }
        while (await SendMailingsAsync() > 0)
        {
        }
        var digestMail = await Mailbox.WaitForMailAsync(browser.App.MailDirectory, email, m => m.Subject == "Normative: what is new");
        Assert.Contains("A week of standards", digestMail.Text, StringComparison.Ordinal);
        var digest = Directory.GetFiles(browser.App.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f))
            .Single(m => m.To.ToString().Contains(email, StringComparison.Ordinal) && m.Subject == "Normative: what is new");
        Assert.Equal("List-Unsubscribe=One-Click", digest.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = new Uri((digest.Headers["List-Unsubscribe"] ?? "").Trim('<', '>')).PathAndQuery;
        var oneClick = await page.APIRequest.PostAsync(unsubscribe, new APIRequestContextOptions { Form = page.APIRequest.CreateFormData().Set("List-Unsubscribe", "One-Click") });
        Assert.Equal(200, oneClick.Status);

        await page.GotoAsync(unsubscribe);
        Assert.Contains("You are unsubscribed", await page.TextContentAsync("main"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEmailUpdatesPageHasNoSeriousAccessibilityViolations()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/updates");
        await AssertAccessibleAsync(page);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("main .field-error:not(:empty)");
        await AssertAccessibleAsync(page);
    }
}
