using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Site.Identity;
using Normative.Tests.Features.Content;
using Normative.Tests.Infrastructure;
using SkiaSharp;

namespace Normative.Tests.Features.Site;

/// <summary>The site identity page: Administrators set the logo and the colours every page shows, and restore the defaults.</summary>
public class SiteIdentityTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    private const string Url = "/admin/identity";

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient admin, byte[] file, string name)
    {
        var page = await admin.GetDocumentAsync(Url);
        var token = page.QuerySelector("main form[enctype='multipart/form-data'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "logo", name },
        };
        return await admin.PostAsync(Url + "?handler=Logo", form);
    }

    private static Task<HttpResponseMessage> SaveColoursAsync(HttpClient admin, string primary, string link, string accent) =>
        admin.SubmitFormAsync(Url, new() { ["Input.Primary"] = primary, ["Input.Link"] = link, ["Input.Accent"] = accent }, "main form[action*='handler=Colours']");

    private Task<SiteIdentitySettings?> RowAsync() =>
        factory.WithDbAsync(db => db.SiteIdentitySettings.AsNoTracking().FirstOrDefaultAsync());

    [Fact]
    public async Task AnUploadedPngBecomesTheHeadersLogoAtAnAddressBrowsersKeepForAYear()
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var saved = await UploadAsync(admin, LeadImagesTests.TwoColours(600, 200), "logo.png");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var home = await factory.Browser().GetDocumentAsync("/");
        var logo = home.QuerySelector("header .brand img")!;
        var src = logo.GetAttribute("src")!;
        Assert.StartsWith("/site/identity/logo-", src, StringComparison.Ordinal);
        Assert.Equal(("120", "40"), (logo.GetAttribute("width"), logo.GetAttribute("height")));

        var response = await factory.Browser().GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("max-age=31536000", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        // Twice the header's height, for sharp high-density screens; the red half still on the left.
        using var served = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal((240, 80), (served.Width, served.Height));
        Assert.True(served.GetPixel(10, 40).Red > 200);

        // Another upload is another address: what browsers kept of the old one stays right.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, LeadImagesTests.TwoColours(300, 300), "square.png")).StatusCode);
        var next = (await factory.Browser().GetDocumentAsync("/")).QuerySelector("header .brand img")!;
        Assert.NotEqual(src, next.GetAttribute("src"));
        Assert.Equal(("40", "40"), (next.GetAttribute("width"), next.GetAttribute("height")));
    }

    [Theory]
    [InlineData("notes.png", "not a PNG, JPEG or WebP image")]
    [InlineData("logo.svg", "SVG files are not accepted")]
    public async Task AFileThatCannotBeTheLogoIsRefusedWithAClearMessageAndNothingChanges(string name, string message)
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var before = (await RowAsync())?.Logo;
        var content = name.EndsWith(".svg", StringComparison.Ordinal)
            ? "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><script>alert(2)</script></svg>"u8.ToArray()
            : "These are meeting notes, not a picture."u8.ToArray();

        var response = await UploadAsync(admin, content, name);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.QuerySelector("#logo-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, (await RowAsync())?.Logo);
    }

    [Fact]
    public async Task AColourThatLeavesTextUnreadableIsRefusedWithItsRatioAndTheFormKeepsWhatWasTyped()
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var before = await RowAsync();

        var response = await SaveColoursAsync(admin, "#ffff00", "#99ccff", "#8a4b00");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        // White on yellow: 1.07:1; light blue links on white: 1.68:1.
        Assert.Contains("1.07:1", page.QuerySelector("#primary-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4.5:1", page.QuerySelector("#primary-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1.68:1", page.QuerySelector("#link-error")!.TextContent, StringComparison.Ordinal);
        Assert.True(string.IsNullOrWhiteSpace(page.QuerySelector("#accent-error")!.TextContent));
        Assert.Equal("#ffff00", ((IHtmlInputElement)page.QuerySelector("#Input_Primary")!).Value);
        Assert.Equal("#99ccff", page.QuerySelector("#Input_Link")!.GetAttribute("value"));
        Assert.Equal("#8a4b00", page.QuerySelector("#Input_Accent")!.GetAttribute("value"));
        // The preview shows the colours typed that would be accepted, through a stylesheet (no inline
        // style), and never the unreadable ones.
        var preview = await factory.Browser().GetStringAsync(page.QuerySelector("head link[href^='/site/identity/preview.css']")!.GetAttribute("href")!);
        Assert.Contains("--red: #8a4b00", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("#ffff00", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("#99ccff", preview, StringComparison.Ordinal);
        Assert.Equal(before?.PrimaryColour, (await RowAsync())?.PrimaryColour);
    }

    [Fact]
    public async Task SavedColoursReachEveryPageAsAStylesheetAtAVersionedAddress()
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var reader = factory.Browser();
        await reader.GetDocumentAsync("/sitemap"); // cached before the change: the save must retire it

        Assert.Equal(HttpStatusCode.Redirect, (await SaveColoursAsync(admin, "#1A5E20", "#6a1b9a", "#8a4b00")).StatusCode);

        var page = await reader.GetDocumentAsync("/sitemap");
        Assert.Empty(page.QuerySelectorAll("style"));
        var href = page.QuerySelector("head link[rel=stylesheet][href^='/site/identity/colours-']")!.GetAttribute("href")!;
        var response = await reader.GetAsync(href);
        Assert.Equal("text/css", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        var css = await response.Content.ReadAsStringAsync();
        Assert.Contains("--navy: #1a5e20;", css, StringComparison.Ordinal);
        Assert.Contains("--blue: #6a1b9a;", css, StringComparison.Ordinal);
        Assert.Contains("--red: #8a4b00;", css, StringComparison.Ordinal);
        Assert.Equal("#1a5e20", (await RowAsync())!.PrimaryColour);
    }

    [Fact]
    public async Task RestoringTheDefaultsBringsBackTheBuiltInLogoAndColours()
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveColoursAsync(admin, "#4a148c", "#0a4f9e", "#b3102a")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(admin, LeadImagesTests.TwoColours(200, 100), "logo.png")).StatusCode);
        Assert.NotNull((await factory.Browser().GetDocumentAsync("/")).QuerySelector("link[href^='/site/identity/colours-']"));

        var restored = await admin.SubmitFormAsync(Url, new(), "main form[action*='handler=Restore']");

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Null(await RowAsync());
        var home = await factory.Browser().GetDocumentAsync("/");
        Assert.Null(home.QuerySelector("link[href^='/site/identity/colours-']"));
        Assert.Equal("/img/logo.svg", home.QuerySelector("header .brand img")!.GetAttribute("src"));
        var form = await admin.GetDocumentAsync(Url);
        Assert.Contains("The default logo and colours are back.", form.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Palette.BuiltIn.Primary, form.QuerySelector("#Input_Primary")!.GetAttribute("value"));
    }

    [Fact]
    public async Task OnlyAdministratorsReachThePageAndTheirOverviewLinksToIt()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync(Url)).StatusCode);
        var anonymous = await factory.Browser().GetAsync(Url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location!.ToString(), StringComparison.Ordinal);

        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        Assert.NotNull((await admin.GetDocumentAsync("/admin")).QuerySelector("main a[href='/admin/identity']"));
        var page = await admin.GetDocumentAsync(Url);
        Assert.Contains("Organization:Name", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
