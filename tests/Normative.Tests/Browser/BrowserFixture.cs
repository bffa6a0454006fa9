using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Browser;

/// <summary>
/// The app on a real Kestrel port and Debian's Chromium driven by Playwright (headless; the
/// browser is never downloaded).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture() : this(new NormativeFactory())
    {
    }

    /// <summary>For a fixture whose app needs other settings (xunit wants one public constructor).</summary>
    protected BrowserFixture(NormativeFactory app) => App = app;

    /// <summary>
    /// Waits until the page is at a URL that <paramref name="arrived"/> accepts and its <c>main</c>
    /// is in the document. Playwright's WaitForURLAsync waits for a lifecycle event after the URL
    /// matches; in loaded runs that event now and then never arrived (30 s timeouts with the new page
    /// already shown), so this polls the URL and the DOM, which is what a test goes on to read.
    /// </summary>
    public static async Task ArriveAsync(IPage page, Func<string, bool> arrived)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!arrived(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                var said = await page.Locator("main").InnerTextAsync(new() { Timeout = 5_000 }).ConfigureAwait(false);
                throw new TimeoutException($"Still at {page.Url} after 60 s; the page says: {said}");
            }
            await Task.Delay(50).ConfigureAwait(false);
        }
        await page.Locator("main").WaitForAsync(new() { Timeout = 60_000 }).ConfigureAwait(false);
    }

    public NormativeFactory App { get; }
    public string BaseUrl { get; private set; } = "";
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, Locale = "en-GB" });
        return await context.NewPageAsync();
    }

    /// <summary>A new page signed in as <paramref name="email"/> (with the tests' password), in English.</summary>
    public async Task<IPage> SignedInAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/signin?culture=en");
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", NormativeFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await ArriveAsync(page, url => !url.Contains("/account/signin", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Fails with the page's address and each serious or critical axe violation.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(serious.Count == 0, page.Url + "\n" + string.Join("\n", serious));
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
