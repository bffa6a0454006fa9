using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Browser;

public class ArticlesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task AnEditorWritesPreviewsSchedulesAndPublishesAnArticleThatAppearsOnTheHomeAndSectorPages()
    {
        var editor = await browser.App.CreateUserAsync(Roles.Editor);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#Input_Email", editor.Email!);
        await page.FillAsync("#Input_Password", NormativeFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await BrowserFixture.ArriveAsync(page, url => !url.Contains("/account/signin", StringComparison.Ordinal));

        var slug = "browser-" + Guid.NewGuid().ToString("N")[..8];
        await page.GotoAsync("/editor/articles/new");
        await AssertAccessibleAsync(page);
        await page.SelectOptionAsync("#article-kind", "Insight");
        await page.FillAsync("#Input_Slug", slug);
        await page.FillAsync("#Input_Title", "Hospitals and the new hygiene guide");
        await page.FillAsync("#Input_Summary", "What the guide changes for hospitals.");
        await page.FillAsync("#Input_Body", "## What changes\n\n<script>document.title='owned'</script>\n\nHand hygiene is **measured**.");
        await page.CheckAsync("#sector-health");
        await page.CheckAsync("#Input_Featured");

        // The live preview follows the typing, sanitized as the published page will be.
        await page.WaitForSelectorAsync("#live-preview-body strong");
        Assert.Equal("measured", (await page.TextContentAsync("#live-preview-body strong"))!.Trim());
        Assert.Equal(0, await page.Locator("#live-preview-body script").CountAsync());

        await page.ClickAsync("button:has-text('Preview')");
        await page.WaitForSelectorAsync(".article-preview strong");
        Assert.Equal("measured", (await page.TextContentAsync(".article-preview strong"))!.Trim());
        Assert.Equal(slug, await page.InputValueAsync("#Input_Slug"));
        await AssertAccessibleAsync(page);

        await page.ClickAsync("button:has-text('Save')");
        await BrowserFixture.ArriveAsync(page, url => url.Contains("/editor/articles/", StringComparison.Ordinal) && url.EndsWith("?language=en", StringComparison.Ordinal));
        Assert.Contains("saved", await page.TextContentAsync("main .notice"), StringComparison.Ordinal);

        await page.SetInputFilesAsync("#image-file", new FilePayload
        {
            Name = "ward.png",
            MimeType = "image/png",
            Buffer = Features.Content.LeadImagesTests.TwoColours(1800, 900),
        });
        await page.FillAsync("#image-alt", "A nurse washing her hands at a ward's basin");
        await page.ClickAsync("button:has-text('Upload the image')");
        await page.WaitForSelectorAsync("text=The lead image is saved.");
        Assert.Equal("A nurse washing her hands at a ward's basin", await page.GetAttributeAsync(".article-image-current img", "alt"));

        await page.FillAsync("#publish-at", DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("button[value=Scheduled]");
        await page.WaitForSelectorAsync("main .notice");
        Assert.Contains("Scheduled", await page.TextContentAsync("main .notice"), StringComparison.Ordinal);
        await page.ClickAsync("button[value=Published]");
        await page.WaitForSelectorAsync("text=Status changed: Published.");
        await AssertAccessibleAsync(page);

        var reader = await browser.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.ClickAsync($"section[aria-labelledby=insights-title] a[href='/news/{slug}']");
        await BrowserFixture.ArriveAsync(reader, url => url.EndsWith($"/news/{slug}", StringComparison.Ordinal));
        Assert.Equal("Hospitals and the new hygiene guide", (await reader.TextContentAsync("h1"))!.Trim());
        Assert.NotEqual("owned", await reader.TitleAsync());
        Assert.Equal(0, await reader.Locator("main script").CountAsync());
        // The picture loads and is as wide as the column at most.
        var image = reader.Locator("figure.article-lead-image img");
        Assert.Equal("A nurse washing her hands at a ward's basin", await image.GetAttributeAsync("alt"));
        Assert.True(await image.EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        Assert.True(await image.EvaluateAsync<bool>("img => img.getBoundingClientRect().right <= document.documentElement.clientWidth"));
        await AssertAccessibleAsync(reader);

        await reader.GotoAsync("/sectors/health");
        for (var i = 0; i < 30 && await reader.Locator($".tagged-articles a[href='/news/{slug}']").CountAsync() == 0; i++)
        {
            await Task.Delay(300);
            await reader.ReloadAsync();
        }
        Assert.Equal(1, await reader.Locator($".tagged-articles a[href='/news/{slug}']").CountAsync());

        var feed = await reader.APIRequest.GetAsync("/insights/feed.atom");
        Assert.Contains("Hospitals and the new hygiene guide", await feed.TextAsync(), StringComparison.Ordinal);
    }
}
