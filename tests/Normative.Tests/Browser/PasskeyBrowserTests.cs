using System.Collections.Concurrent;
using Microsoft.Playwright;
using Normative.Features.Accounts;
using Normative.Tests.Features.Accounts;

namespace Normative.Tests.Browser;

/// <summary>
/// Passkeys in real Chromium with a virtual authenticator (Chrome DevTools Protocol): an editor adds
/// one on the account page, signs out, signs in with it and does staff work without an
/// authenticator app.
/// </summary>
public class PasskeyBrowserTests(PasskeyBrowserTests.Fixture browser) : IClassFixture<PasskeyBrowserTests.Fixture>
{
    /// <summary>Staff two-factor on, as in production.</summary>
    public sealed class Fixture() : BrowserFixture(new StaffTwoFactorTests.Factory());

    private const string StaffPage = "/standards/top/edit";

    [Fact]
    public async Task AnEditorAddsAPasskeySignsOutAndSignsInWithItToStaffWork()
    {
        var editor = await browser.App.CreateUserAsync(Roles.Editor);
        // WebAuthn refuses an IP address as the site's identity: the browser calls the app localhost.
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal),
            Locale = "en-GB",
        });
        var page = await context.NewPageAsync();
        var headers = new ConcurrentBag<Task<IReadOnlyList<string>>>();
        page.Response += (_, response) => headers.Add(response.HeaderValuesAsync("set-cookie"));
        var cdp = await context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });

        await page.GotoAsync("/account/signin?culture=en");
        await page.FillAsync("#Input_Email", editor.Email!);
        await page.FillAsync("#Input_Password", Infrastructure.NormativeFactory.Password);
        await page.ClickAsync("main form button[type=submit] >> nth=0");
        await BrowserFixture.ArriveAsync(page, u => u.Contains("/account/two-factor", StringComparison.Ordinal));

        // With a password only, the editor's staff page is still out of reach.
        await page.GotoAsync(StaffPage);
        await BrowserFixture.ArriveAsync(page, u => u.Contains("/account/two-factor", StringComparison.Ordinal));

        await page.GotoAsync("/account");
        Assert.Contains("no passkeys", await page.TextContentAsync("#no-passkeys"), StringComparison.Ordinal);
        await page.FillAsync("#NewPasskey_Name", "Work laptop");
        await page.ClickAsync("#add-passkey");
        await page.WaitForSelectorAsync("#passkey-list");
        Assert.Contains("The passkey “Work laptop” has been added.", await page.TextContentAsync("main"), StringComparison.Ordinal);
        Assert.Equal("Work laptop", (await page.TextContentAsync("#passkey-list tbody td"))!.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);

        // Adding it proved the passkey in this session: staff work opens at once.
        var staff = await page.GotoAsync(StaffPage);
        Assert.Equal(200, staff!.Status);
        Assert.EndsWith(StaffPage, page.Url, StringComparison.Ordinal);

        await page.ClickAsync("header form[action='/account/signout'] button");
        await BrowserFixture.ArriveAsync(page, u => !u.Contains("/account/signout", StringComparison.Ordinal));
        Assert.Equal(302, (await context.APIRequest.GetAsync("/account", new() { MaxRedirects = 0 })).Status);

        await page.GotoAsync("/account/signin?culture=en&ReturnUrl=" + Uri.EscapeDataString(StaffPage));
        await BrowserFixture.AssertAccessibleAsync(page);
        await page.ClickAsync("#passkey-sign-in");
        await BrowserFixture.ArriveAsync(page, u => u.EndsWith(StaffPage, StringComparison.Ordinal));
        var again = await page.GotoAsync(StaffPage);
        Assert.Equal(200, again!.Status);
        Assert.EndsWith(StaffPage, page.Url, StringComparison.Ordinal);

        await page.GotoAsync("/account");
        await page.ClickAsync("#passkey-list button");
        await page.WaitForSelectorAsync("#no-passkeys");
        Assert.Contains("The passkey “Work laptop” has been removed", await page.TextContentAsync("main"), StringComparison.Ordinal);

        // Whatever the ceremonies keep in cookies is in the cookie policy.
        var seen = (await Task.WhenAll(headers)).SelectMany(h => h).SelectMany(h => h.Split('\n')).Select(c => c.Split('=')[0].Trim())
            .Concat((await context.CookiesAsync()).Select(c => c.Name)).Where(c => c.Length > 0).ToHashSet();
        await page.GotoAsync("/cookies");
        var listed = (await page.Locator("main table code").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        var unlisted = seen.Where(c => !listed.Any(l => l.EndsWith('*') ? c.StartsWith(l[..^1], StringComparison.Ordinal) : c == l)).ToList();
        Assert.True(unlisted.Count == 0, "Set but not in the cookie policy: " + string.Join(", ", unlisted));
        await context.CloseAsync();
    }
}
