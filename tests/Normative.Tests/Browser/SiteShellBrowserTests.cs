using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Normative.Tests.Browser;

public class SiteShellBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task VisitorSwitchesLanguageThroughTheMenu()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));

        await page.ClickAsync(".language-menu summary");
        await page.ClickAsync(".language-menu a[lang=fr]");
        await BrowserFixture.ArriveAsync(page, url => !url.Contains("/language", StringComparison.Ordinal));

        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        // The choice holds on the next page too.
        await page.ClickAsync("nav.main-nav a[href='/about']");
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("À propos", (await page.TextContentAsync("h1"))!.Trim());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("ru")]
    public async Task OnAPhoneTheHeaderIsCompactAndItsMenuOpensFromTheKeyboard(string culture)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/?culture={culture}");

        // At most a fifth of the screen, the search box included; the navigation waits behind the button.
        var header = await page.EvaluateAsync<double>("document.querySelector('header').getBoundingClientRect().height");
        Assert.True(header <= 168, $"The closed header takes {header} px of 844 ({culture}).");
        Assert.True(await page.IsVisibleAsync("#site-search"));
        Assert.False(await page.IsVisibleAsync("nav.main-nav a[href='/about']"));

        await page.FocusAsync(".site-menu-button");
        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.IsVisibleAsync("nav.main-nav a[href='/about']"));
        Assert.True(await page.IsVisibleAsync(".language-menu summary"));
        for (var i = 0; i < 20 && await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')") != "/about"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }
        await page.Keyboard.PressAsync("Enter");
        await BrowserFixture.ArriveAsync(page, url => url.EndsWith("/about", StringComparison.Ordinal));
        Assert.Equal(culture, await page.GetAttributeAsync("html", "lang"));

        var scroll = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scroll <= 390, $"The page is {scroll} px wide with the menu open.");
        var result = await page.RunAxe();
        Assert.DoesNotContain(result.Violations, v => v.Impact is "serious" or "critical");
        await context.CloseAsync();
    }

    [Fact]
    public async Task OnAWideScreenTheNavigationNeedsNoMenuButton()
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = browser.BaseUrl, ViewportSize = new ViewportSize { Width = 1024, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.False(await page.IsVisibleAsync(".site-menu-button"));
        Assert.True(await page.IsVisibleAsync("nav.main-nav a[href='/about']"));
        Assert.True(await page.IsVisibleAsync(".language-menu summary"));
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/about")]
    [InlineData("/accessibility")]
    [InlineData("/privacy")]
    [InlineData("/account/signup")]
    [InlineData("/account/signin")]
    [InlineData("/store")]
    [InlineData("/?culture=ru")]
    public async Task PagesHaveNoSeriousAccessibilityViolations(string path)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(path);
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    [Fact]
    public async Task FormErrorsAreAccessibleToo()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/signup");
        await page.FillAsync("#Input_Email", "not-an-address");
        await page.FillAsync("#Input_Password", "short");
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForSelectorAsync("#email-error:not(:empty)");
        var result = await page.RunAxe();
        Assert.DoesNotContain(result.Violations, v => v.Impact is "serious" or "critical");
    }

    [Fact]
    public async Task SkipLinkMovesKeyboardFocusToTheContent()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/about");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip-link", await page.EvaluateAsync<string>("document.activeElement.className"));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [Fact]
    public async Task SwaggerUiLoadsUnderTheContentSecurityPolicy()
    {
        var page = await browser.NewPageAsync();
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            // Nothing is blocked: no script, and no inline style but the one the policy names by its hash.
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                blocked.Add(message.Text);
            }
        };
        await page.GotoAsync("/api/docs/index.html");
        await page.WaitForSelectorAsync(".swagger-ui .info .title", new PageWaitForSelectorOptions { Timeout = 15000 });
        Assert.Contains("Normative API", await page.TextContentAsync(".swagger-ui .info .title"), StringComparison.Ordinal);
        // An operation opens, with its parameters and responses.
        await page.ClickAsync(".opblock-summary");
        await page.WaitForSelectorAsync(".opblock-body", new PageWaitForSelectorOptions { Timeout = 15000 });
        Assert.Empty(blocked);
    }
}
