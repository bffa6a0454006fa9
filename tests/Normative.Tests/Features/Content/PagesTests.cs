using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Content.Pages;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

/// <summary>The institutional pages: served from their default texts, edited by Editors with a history and restore, hidden, and listed in the footer.</summary>
public class PagesTests(PagesTests.Factory factory) : IClassFixture<PagesTests.Factory>
{
    /// <summary>A standards body with its name and contact details set.</summary>
    public sealed class Factory : NormativeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Organization:Name"] = "Standards Council of Utopia",
            ["Organization:Email"] = "info@utopia.example",
            ["Organization:Address"] = "1 Norm Street|Utopia City",
        };
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient editor, string url, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await editor.GetDocumentAsync(url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await editor.PostAsync(url + separator + "handler=" + handler, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]));
    }

    private static List<KeyValuePair<string, string>> Text(string title, string summary, string body, string language = "en") =>
        [new("Input.Language", language), new("Input.Title", title), new("Input.Summary", summary), new("Input.Body", body)];

    [Theory]
    [InlineData("/about")]
    [InlineData("/accessibility")]
    [InlineData("/contact")]
    [InlineData("/copyright")]
    [InlineData("/privacy")]
    public async Task ThePagesThatWereCompiledKeepTheirAddressesAndShowTheDefaultTextWithTheSitesName(string path)
    {
        var response = await factory.Browser().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var key = path.TrimStart('/');
        Assert.Equal(PageDefaults.Get(key, "en")!.Title.Replace("{{organization}}", "Standards Council of Utopia", StringComparison.Ordinal), page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.DoesNotContain("{{organization}}", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheContactPageShowsTheAddressAndEmailFromSettingsAfterItsText()
    {
        var page = await factory.Browser().GetDocumentAsync("/contact");
        Assert.Equal("mailto:info@utopia.example", page.QuerySelector("main a[href^='mailto:']")!.GetAttribute("href"));
        Assert.Contains("Utopia City", page.QuerySelector("main address")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCookiePolicyListsEveryCookieTheSiteSets()
    {
        var page = await factory.Browser().GetDocumentAsync("/cookies");
        var names = page.QuerySelectorAll("main table code").Select(c => c.TextContent).ToList();
        Assert.Contains(".AspNetCore.Culture", names);
    }

    [Fact]
    public async Task AnAddressThatIsNoPageAnswersNotFound() =>
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync("/no-such-page")).StatusCode);

    [Fact]
    public async Task AnEditorEditsAPageSeesItsHistoryAndRestoresTheDefault()
    {
        var reader = factory.Browser();
        // Read once first, so the page is in the output cache: the save must evict it.
        Assert.Contains("About", (await reader.GetDocumentAsync("/about")).QuerySelector("main h1")!.TextContent, StringComparison.Ordinal);
        var (editor, user) = await factory.SignInAsAsync(Roles.Editor);

        var form = await editor.GetDocumentAsync("/editor/pages/about");
        Assert.Equal(PageDefaults.Get("about", "en")!.Title, form.QuerySelector("#Input_Title")!.GetAttribute("value"));

        var saved = await PostAsync(editor, "/editor/pages/about", "Save",
            Text("Who {{organization}} is", "A new summary.", "## Our mission\n\nWe <script>alert(1)</script>write **standards**.\n\n[Click](javascript:alert(2))\n"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = await reader.GetDocumentAsync("/about");
        Assert.Equal("Who Standards Council of Utopia is", page.QuerySelector("main h1")!.TextContent.Trim());
        var body = page.QuerySelector("main .article-body")!.InnerHtml;
        Assert.Contains("<strong>standards</strong>", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", body, StringComparison.OrdinalIgnoreCase);
        // The footer's link text is the page's new title, on every page.
        var footer = (await reader.GetDocumentAsync("/sitemap")).QuerySelector("footer")!;
        Assert.Equal("Who Standards Council of Utopia is", footer.QuerySelector("a[href='/about']")!.TextContent.Trim());

        var history = await editor.GetDocumentAsync("/editor/pages/about/history");
        var items = history.QuerySelectorAll(".page-history > li").ToList();
        Assert.Equal(2, items.Count);
        Assert.Contains(user.Email!, items[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(items[0].QuerySelectorAll(".page-diff ins"), i => i.TextContent.Contains("## Our mission", StringComparison.Ordinal));
        Assert.Contains(items[0].QuerySelectorAll(".page-diff del"), d => d.TextContent.Contains(PageDefaults.Get("about", "en")!.Summary, StringComparison.Ordinal));

        // Restoring the default makes a new revision with the old text; the history keeps all three.
        var original = items[1].Id!.Replace("revision-", "", StringComparison.Ordinal);
        var restored = await PostAsync(editor, "/editor/pages/about/history?language=en", "Restore", [new("revision", original)]);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(3, (await editor.GetDocumentAsync("/editor/pages/about/history")).QuerySelectorAll(".page-history > li").Length);
        Assert.Equal(PageDefaults.Get("about", "en")!.Title, (await reader.GetDocumentAsync("/about")).QuerySelector("main h1")!.TextContent.Trim());
        var kinds = await factory.WithDbAsync(db => db.PageRevisions.Where(r => r.PageKey == "about").OrderBy(r => r.Id).Select(r => r.Kind).ToListAsync());
        Assert.Equal([PageRevisionKind.Default, PageRevisionKind.Saved, PageRevisionKind.Restored], kinds);
    }

    [Fact]
    public async Task ASaveWithoutATitleIsRefusedAndTheFormKeepsWhatWasTyped()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var response = await PostAsync(editor, "/editor/pages/strategy?language=fr", "Save", Text("", "Résumé gardé.", "Un texte **long** gardé.", "fr"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#title-error")!.TextContent));
        Assert.Equal("Un texte **long** gardé.", page.QuerySelector("#Input_Body")!.TextContent.Trim());
        Assert.Equal("Résumé gardé.", page.QuerySelector("#Input_Summary")!.TextContent.Trim());
        Assert.False(await factory.WithDbAsync(db => db.PageVersions.AnyAsync(v => v.PageKey == "strategy")));
    }

    [Fact]
    public async Task ThePreviewRendersAndSanitizesWithoutSaving()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var response = await PostAsync(editor, "/editor/pages/jobs", "Preview", Text("Jobs", "Work with us.", "No <img src=x onerror=alert(1)> **vacancy**."));
        var page = await response.ReadDocumentAsync();
        var preview = page.QuerySelector(".article-preview")!.InnerHtml;
        Assert.Contains("<strong>vacancy</strong>", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", preview, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.PageVersions.AnyAsync(v => v.PageKey == "jobs")));
    }

    [Fact]
    public async Task AHiddenPageAnswersNotFoundAndLeavesTheFooterTheSitemapAndSitemapXml()
    {
        var reader = factory.Browser();
        Assert.NotNull((await reader.GetDocumentAsync("/sitemap")).QuerySelector("footer a[href='/copyright']"));
        Assert.Contains("/copyright<", await reader.GetStringAsync("/sitemap-about-1.xml"), StringComparison.Ordinal);
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, "/editor/pages/copyright", "Status", [new("target", "Hidden")])).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/copyright")).StatusCode);
        var sitemap = await reader.GetDocumentAsync("/sitemap");
        Assert.Null(sitemap.QuerySelector("a[href='/copyright']"));
        Assert.NotNull(sitemap.QuerySelector("footer a[href='/privacy']"));
        Assert.DoesNotContain("/copyright<", await reader.GetStringAsync("/sitemap-about-1.xml"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, "/editor/pages/copyright", "Status", [new("target", "Published")])).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/copyright")).StatusCode);
        Assert.NotNull((await reader.GetDocumentAsync("/sitemap")).QuerySelector("footer a[href='/copyright']"));
    }

    [Fact]
    public async Task OnlyEditorsReachTheEditor()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().GetAsync("/editor/pages/about")).StatusCode);
        var (member, _) = await factory.SignInAsAsync(Roles.Customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync("/editor/pages")).StatusCode);
    }

    [Fact]
    public async Task TheDefaultsLoaderNeverOverwritesAnEditedPage()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(editor, "/editor/pages/faq?language=es", "Save", Text("Preguntas", "Resumen.", "Texto propio.", "es"))).StatusCode);
        var loaded = await factory.WithDbAsync(db => PageActions.LoadDefaultsAsync(db, DateTimeOffset.UtcNow));
        Assert.True(loaded > 0);
        Assert.Equal(0, await factory.WithDbAsync(db => PageActions.LoadDefaultsAsync(db, DateTimeOffset.UtcNow)));
        Assert.Equal("Texto propio.", await factory.WithDbAsync(db => db.PageVersions.Where(v => v.PageKey == "faq" && v.Language == "es").Select(v => v.Body).SingleAsync()));
    }
}
