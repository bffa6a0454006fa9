using System.Collections.Concurrent;
using Normative.Tests.Features.Store;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Browser;

/// <summary>The cookie policy lists every cookie a browser receives while using the site.</summary>
public class PrivacyCookiesBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EveryCookieTheSiteSetsIsInTheCookiePolicy()
    {
        var d = await StoreTestData.AddDeliverableAsync(browser.App);
        await StoreTestData.AddSourceFileAsync(browser.App, d);
        var buyer = await browser.App.CreateUserAsync("Customer");

        var page = await browser.NewPageAsync();
        var headers = new ConcurrentBag<Task<IReadOnlyList<string>>>();
        page.Response += (_, response) => headers.Add(response.HeaderValuesAsync("set-cookie"));

        // A visitor chooses a language, finds a standard and puts it in the cart without an account…
        await page.GotoAsync("/");
        await page.ClickAsync(".language-menu summary");
        await page.ClickAsync(".language-menu a[lang=en]");
        await BrowserFixture.ArriveAsync(page, url => !url.Contains("/language", StringComparison.Ordinal));
        await page.GotoAsync($"/standard/{d.Id}");
        await page.ClickAsync($".store-offers form:has(input[name=format][value=Pdf]) button[type=submit]");
        await BrowserFixture.ArriveAsync(page, url => url.EndsWith("/cart", StringComparison.Ordinal));

        // …signs in, and makes a change that shows its notice once on the next page.
        await page.GotoAsync("/account/signin");
        await page.FillAsync("#Input_Email", buyer.Email!);
        await page.FillAsync("#Input_Password", NormativeFactory.Password);
        await page.ClickAsync("main button[type=submit]");
        await BrowserFixture.ArriveAsync(page, url => !url.Contains("/account/signin", StringComparison.Ordinal));
        await page.GotoAsync("/store/downloads");
        await page.ClickAsync("#alerts-toggle");
        await page.WaitForSelectorAsync("main p.notice[role=status]");

        var seen = (await Task.WhenAll(headers)).SelectMany(h => h)
            .SelectMany(h => h.Split('\n'))
            .Select(c => c.Split('=')[0].Trim())
            .Concat((await page.Context.CookiesAsync()).Select(c => c.Name))
            .ToHashSet();
        // The session did use each feature that sets a cookie.
        Assert.Superset(new HashSet<string> { ".AspNetCore.Culture", "Normative.Cart", ".AspNetCore.Identity.Application", ".AspNetCore.Mvc.CookieTempDataProvider" }, seen);
        Assert.Contains(seen, c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));

        await page.GotoAsync("/cookies");
        var listed = (await page.Locator("main table code").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        var unlisted = seen.Where(c => !listed.Any(l => l.EndsWith('*') ? c.StartsWith(l[..^1], StringComparison.Ordinal) : c == l)).ToList();
        Assert.True(unlisted.Count == 0, "Set but not in the cookie policy: " + string.Join(", ", unlisted));
    }
}
