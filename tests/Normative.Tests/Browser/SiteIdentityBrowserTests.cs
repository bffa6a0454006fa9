using Normative.Features.Accounts;

namespace Normative.Tests.Browser;

public class SiteIdentityBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string HeaderBackground = "getComputedStyle(document.querySelector('header.site-header')).backgroundColor";

    [Fact]
    public async Task AnAdministratorsNewHeaderColourShowsInThePreviewAtOnceAndInEveryVisitorsHeaderOnceSaved()
    {
        var admin = await browser.App.CreateUserAsync(Roles.Administrator);
        var page = await browser.SignedInAsync(admin.Email!);
        await page.GotoAsync("/admin/identity");
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.FillAsync("#Input_Primary", "#1a5e20");
        Assert.Equal("rgb(26, 94, 32)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.identity-preview-header')).backgroundColor"));
        // A light link colour is refused with its ratio (the preview keeps the last readable one);
        // the header colour typed with it stays in the form.
        await page.FillAsync("#Input_Link", "#99ccff");
        Assert.Equal("rgb(10, 79, 158)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.identity-preview-link')).color"));
        await page.ClickAsync("main form[action*='handler=Colours'] button[type=submit]");
        await page.WaitForSelectorAsync("#link-error:has-text('1.68:1')");
        Assert.Equal("#1a5e20", await page.InputValueAsync("#Input_Primary"));
        Assert.Equal("rgb(26, 94, 32)", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.identity-preview-header')).backgroundColor"));
        await BrowserFixture.AssertAccessibleAsync(page);

        await page.FillAsync("#Input_Link", "#6a1b9a");
        await page.ClickAsync("main form[action*='handler=Colours'] button[type=submit]");
        await page.WaitForSelectorAsync("main .notice-ok");
        Assert.Equal("rgb(26, 94, 32)", await page.EvaluateAsync<string>(HeaderBackground));

        var visitor = await browser.NewPageAsync();
        await visitor.GotoAsync("/");
        Assert.Equal("rgb(26, 94, 32)", await visitor.EvaluateAsync<string>(HeaderBackground));
        Assert.Equal("#6a1b9a", (await visitor.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--blue')")).Trim());
    }
}
