using Normative.Tests.Features.Catalogue.Reading;
using Normative.Tests.Features.Store;

namespace Normative.Tests.Browser;

public class ReaderBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AReaderGoesFromTheStandardToItsTextFollowsATermAndAnEditorReadsItAll()
    {
        var d = await StoreTestData.AddDeliverableAsync(browser.App, $"ISO {StoreTestData.NextId() % 90000 + 10000}:2024");
        await TestTexts.LoadAsync(browser.App, d.Id, TestTexts.Full(d.Reference));
        var page = await browser.NewPageAsync();

        await page.GotoAsync($"/standard/{d.Id}?culture=en");
        await page.ClickAsync(".read-online a");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith($"/standard/{d.Id}/read/en", StringComparison.Ordinal));
        Assert.Contains("free preview", await page.TextContentAsync(".reader-preview"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#sec_4").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        // A term used in a definition jumps to its own entry.
        await page.ClickAsync("#sec_3\\.2 a.entailed-term");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith("#sec_3.1", StringComparison.Ordinal));
        Assert.Equal("mass", await page.TextContentAsync("#sec_3\\.1 dfn"));

        var editor = await browser.App.CreateUserAsync("Editor");
        var signedIn = await browser.SignedInAsync(editor.Email!);
        await signedIn.GotoAsync($"/standard/{d.Id}/read?culture=en");
        Assert.Equal("0.5 mg", (await signedIn.TextContentAsync("#tab_1 tbody td:nth-child(2)"))!.Trim());
        Assert.Equal(1, await signedIn.Locator("#formula_1 math").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(signedIn);

        await signedIn.GotoAsync("/terms?q=mas&culture=en");
        Assert.Contains("resistance to acceleration", await signedIn.TextContentAsync(".term-hit .definition"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(signedIn);
    }
}
