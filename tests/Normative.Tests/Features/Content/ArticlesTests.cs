using System.Net;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Content.Articles;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

public class ArticlesTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    private static string NewSlug() => "article-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Posts the Editor's form with one of its buttons (Save or Preview), antiforgery token included.</summary>
    private static async Task<HttpResponseMessage> PostEditorAsync(HttpClient editor, string url, string handler, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var page = await editor.GetDocumentAsync(url);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var separator = url.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return await editor.PostAsync(url + separator + "handler=" + handler, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]));
    }

    private static List<KeyValuePair<string, string>> Fields(string slug, string title, string body = "Some **text**.", string kind = "News", string language = "en",
        string? sector = null, bool featured = false)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Kind", kind), new("Input.Slug", slug), new("Input.Language", language), new("Input.Title", title),
            new("Input.Summary", "Summary of " + title), new("Input.Body", body), new("Input.Standards", "ISO 9001"), new("Input.Committees", "ISO/TC 176"),
        };
        if (sector is not null)
        {
            fields.Add(new("Input.Sectors", sector));
        }
        if (featured)
        {
            fields.Add(new("Input.Featured", "true"));
        }
        return fields;
    }

    private static async Task<int> CreateAsync(HttpClient editor, List<KeyValuePair<string, string>> fields)
    {
        var saved = await PostEditorAsync(editor, "/editor/articles/new", "Save", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var location = saved.Headers.Location!.OriginalString;
        return int.Parse(location.Split('/')[3].Split('?')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<HttpResponseMessage> MoveAsync(HttpClient editor, int id, string target, string? publishAt = null)
    {
        var page = await editor.GetDocumentAsync($"/editor/articles/{id}");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token), new("target", target) };
        if (publishAt is not null)
        {
            fields.Add(new("publishAt", publishAt));
        }
        return await editor.PostAsync($"/editor/articles/{id}?handler=Status", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task AnEditorWritesPreviewsAndPublishesAnArticleThatReadersThenFindEverywhere()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var slug = NewSlug();

        // The preview renders without saving and gives the form back as typed.
        var preview = await PostEditorAsync(editor, "/editor/articles/new", "Preview", Fields(slug, "Energy audits made simple", "## Why\n\nBecause <script>alert(1)</script>it **works**."));
        var previewPage = await preview.ReadDocumentAsync();
        Assert.Contains("<strong>works</strong>", previewPage.QuerySelector(".article-preview")!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", previewPage.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(slug, previewPage.QuerySelector("#Input_Slug")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Articles.AnyAsync(a => a.Slug == slug)));

        var id = await CreateAsync(editor, Fields(slug, "Energy audits made simple", "## Why\n\nBecause <script>alert(1)</script>it **works**.", "Insight", sector: "energy", featured: true));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync($"/news/{slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(editor, id, "Published")).StatusCode);

        var reader = factory.Browser();
        var article = await reader.GetDocumentAsync($"/news/{slug}?culture=en");
        Assert.Equal("Energy audits made simple", article.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("<strong>works</strong>", article.QuerySelector(".article-body")!.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", article.QuerySelector("main")!.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(article.QuerySelector("main a[href='/sectors/energy']"));

        var insights = await reader.GetDocumentAsync("/insights?culture=en");
        Assert.NotNull(insights.QuerySelector($".article-list a[href='/news/{slug}']"));
        var home = await reader.GetDocumentAsync("/?culture=en");
        Assert.NotNull(home.QuerySelector($"section[aria-labelledby=insights-title] a[href='/news/{slug}']"));

        var feed = XDocument.Parse(await reader.GetStringAsync("/insights/feed.atom"));
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Root!.Elements(atom + "entry"), e => e.Element(atom + "title")!.Value == "Energy audits made simple");
        var sitemap = await reader.GetStringAsync("/sitemap-articles-1.xml");
        Assert.Contains($"/news/{slug}</loc>", sitemap, StringComparison.Ordinal);

        var history = await factory.WithDbAsync(db => db.ArticleEvents.Where(e => e.ArticleId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(new[] { ArticleEventKind.Created, ArticleEventKind.Published }, history);
    }

    private static async Task<HttpResponseMessage> UploadImageAsync(HttpClient editor, int id, byte[] image, string alt, string language = "en")
    {
        var page = await editor.GetDocumentAsync($"/editor/articles/{id}?language={language}");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(alt), "alt" },
            { new ByteArrayContent(image), "image", "photo.png" },
        };
        return await editor.PostAsync($"/editor/articles/{id}?language={language}&handler=Image", form);
    }

    [Fact]
    public async Task ALeadImageIsShownWithItsDescriptionOnceTheArticleIsPublished()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var slug = NewSlug();
        var id = await CreateAsync(editor, Fields(slug, "A new laboratory"));

        // Not an image, or no words for people who cannot see it: said, and nothing kept.
        Assert.Equal(HttpStatusCode.Redirect, (await UploadImageAsync(editor, id, "a letter, not a picture"u8.ToArray(), "A bench")).StatusCode);
        var refused = await editor.GetDocumentAsync($"/editor/articles/{id}");
        Assert.Contains("not a JPEG, PNG, GIF or WebP", refused.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        await UploadImageAsync(editor, id, LeadImagesTests.TwoColours(2400, 1200), "  ");
        Assert.Null(await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.ImageFileId).SingleAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await UploadImageAsync(editor, id, LeadImagesTests.TwoColours(2400, 1200), "Technicians calibrating a balance")).StatusCode);
        var (large, small) = await factory.WithDbAsync(async db =>
        {
            var a = await db.Articles.SingleAsync(a => a.Id == id);
            return (a.ImageFileId!.Value, a.ImageSmallFileId!.Value);
        });
        var imageUrl = $"/news/images/{large:N}.jpg";

        // A draft's image is the Editors' only.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync(imageUrl)).StatusCode);
        var preview = await editor.GetAsync(imageUrl);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("no-store", preview.Headers.CacheControl!.ToString(), StringComparison.Ordinal);

        await MoveAsync(editor, id, "Published");
        var reader = factory.Browser();
        var article = await reader.GetDocumentAsync($"/news/{slug}?culture=en");
        var img = article.QuerySelector("figure.article-lead-image img")!;
        Assert.Equal("Technicians calibrating a balance", img.GetAttribute("alt"));
        Assert.Equal(("1600", "800"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Contains($"/news/images/{small:N}.jpg 640w", img.GetAttribute("srcset"), StringComparison.Ordinal);

        var response = await reader.GetAsync(imageUrl);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType!.MediaType);
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Contains("immutable", response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, bytes[..3]);
        var news = await reader.GetDocumentAsync("/news?culture=en");
        Assert.NotNull(news.QuerySelector($".article-list li.has-image img[src='/news/images/{small:N}.jpg']"));

        // Saving the text in English now needs the words too; a French version says it in French.
        var withoutAlt = await PostEditorAsync(editor, $"/editor/articles/{id}", "Save", Fields(slug, "A new laboratory"));
        Assert.Equal(HttpStatusCode.OK, withoutAlt.StatusCode);
        Assert.Contains("Say what the image shows", (await withoutAlt.ReadDocumentAsync()).QuerySelector("#image-alt-error")!.TextContent, StringComparison.Ordinal);
        await PostEditorAsync(editor, $"/editor/articles/{id}?language=fr", "Save", [.. Fields(slug, "Un nouveau laboratoire", language: "fr"), new("Input.ImageAlt", "Des techniciens étalonnent une balance")]);
        var french = await reader.GetDocumentAsync($"/news/{slug}?culture=fr");
        Assert.Equal("Des techniciens étalonnent une balance", french.QuerySelector("figure.article-lead-image img")!.GetAttribute("alt"));

        // Another image replaces the files; removing it deletes them.
        await UploadImageAsync(editor, id, LeadImagesTests.TwoColours(800, 800), "A balance, closer");
        Assert.False(await factory.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == large || f.Id == small)));
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(imageUrl)).StatusCode);
        var replaced = await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.ImageFileId!.Value).SingleAsync());
        var page = await editor.GetDocumentAsync($"/editor/articles/{id}");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        await editor.PostAsync($"/editor/articles/{id}?handler=RemoveImage", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.False(await factory.WithDbAsync(db => db.StoredFiles.AnyAsync(f => f.Id == replaced)));
        Assert.Null((await reader.GetDocumentAsync($"/news/{slug}?culture=en")).QuerySelector("figure.article-lead-image"));
        var history = await factory.WithDbAsync(db => db.ArticleEvents.Where(e => e.ArticleId == id).Select(e => e.Kind).ToListAsync());
        Assert.Equal(2, history.Count(k => k == ArticleEventKind.ImageChanged));
        Assert.Contains(ArticleEventKind.ImageRemoved, history);
    }

    [Fact]
    public async Task TheSiteSearchFindsPublishedArticlesByTheirWords()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var slug = NewSlug();
        // Letters only: a word with digits may be read as an identifier.
        var word = "quasicrystal" + new string(Guid.NewGuid().ToString("N")[..6].Select(c => (char)('a' + (c % 26))).ToArray());
        var id = await CreateAsync(editor, Fields(slug, "Measuring " + word + " lattices", "The " + word + " **lattice**."));

        // A draft is not found (a word of its own: a search page once shown may stay in the output cache).
        var draftWord = word + "draft";
        await CreateAsync(editor, Fields(NewSlug(), "Unpublished " + draftWord));
        var draftSearch = await factory.Browser().GetDocumentAsync("/search?q=" + draftWord + "&culture=en");
        Assert.Null(draftSearch.QuerySelector(".article-search"));

        await MoveAsync(editor, id, "Published");
        var found = await factory.Browser().GetDocumentAsync("/search?q=" + word + "&culture=en");
        Assert.Contains(word, found.QuerySelector("#article-search-title")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(found.QuerySelector($".article-search a[href='/news/{slug}']"));
        var otherWords = await factory.Browser().GetDocumentAsync("/search?q=" + word + "+zebra&culture=en");
        Assert.Null(otherWords.QuerySelector($".article-search a[href='/news/{slug}']"));
    }

    [Fact]
    public async Task TheLivePreviewRendersAndSanitizesWithoutSaving()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var preview = await PostEditorAsync(editor, "/editor/articles/new", "LivePreview", [new("body", "It **works** <img src=x onerror=alert(1)>")]);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Contains("<strong>works</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onerror", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await editor.PostAsync("/editor/articles/new?handler=LivePreview", new FormUrlEncodedContent([new("body", "x")]))).StatusCode);
    }

    [Fact]
    public async Task AReaderInAnotherLanguageGetsTheEnglishVersionWithANote()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var slug = NewSlug();
        var id = await CreateAsync(editor, Fields(slug, "Only in English"));
        await MoveAsync(editor, id, "Published");
        Assert.Equal(HttpStatusCode.Redirect, (await PostEditorAsync(editor, $"/editor/articles/{id}?language=fr", "Save", Fields(slug, "En français", language: "fr"))).StatusCode);

        var french = await factory.Browser().GetDocumentAsync($"/news/{slug}?culture=fr");
        Assert.Equal("En français", french.QuerySelector("h1")!.TextContent.Trim());
        Assert.Null(french.QuerySelector("article .notice"));
        var russian = await factory.Browser().GetDocumentAsync($"/news/{slug}?culture=ru");
        Assert.Equal("Only in English", russian.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("en", russian.QuerySelector("article")!.GetAttribute("lang"));
        Assert.Contains("английская версия", russian.QuerySelector("article .notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScheduledArticleAppearsAtItsTimeAndAnArchivedOneLeavesTheLists()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var later = NewSlug();
        var laterId = await CreateAsync(editor, Fields(later, "Later"));
        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(editor, laterId, "Scheduled", DateTime.UtcNow.AddDays(2).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture))).StatusCode);
        Assert.Equal(ArticleStatus.Scheduled, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == laterId).Select(a => a.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync($"/news/{later}")).StatusCode);

        // Its time comes: it shows without anyone touching it.
        await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == laterId).ExecuteUpdateAsync(u => u.SetProperty(a => a.PublishAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.OK, (await factory.Browser().GetAsync($"/news/{later}")).StatusCode);
        Assert.NotNull((await factory.Browser().GetDocumentAsync("/news")).QuerySelector($"a[href='/news/{later}']"));

        Assert.Equal(HttpStatusCode.Redirect, (await MoveAsync(editor, laterId, "Archived")).StatusCode);
        Assert.Null((await factory.Browser().GetDocumentAsync("/news")).QuerySelector($"a[href='/news/{later}']"));
        var archived = await factory.Browser().GetDocumentAsync($"/news/{later}?culture=en");
        Assert.Contains("archived", archived.QuerySelector("article .notice-warn")!.TextContent, StringComparison.Ordinal);

        // A schedule in the past is refused, and nothing changes.
        var other = await CreateAsync(editor, Fields(NewSlug(), "Past"));
        await MoveAsync(editor, other, "Scheduled", "2020-01-01T10:00");
        Assert.Equal(ArticleStatus.Draft, await factory.WithDbAsync(db => db.Articles.Where(a => a.Id == other).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task ASlugThatExistsIsRefusedAndTheDraftSurvives()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var slug = NewSlug();
        await CreateAsync(editor, Fields(slug, "First"));
        var again = await PostEditorAsync(editor, "/editor/articles/new", "Save", Fields(slug, "Second", "A long text the Editor must not lose."));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.ReadDocumentAsync();
        Assert.Contains("already has this address", page.QuerySelector("#slug-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("A long text the Editor must not lose.", page.QuerySelector("#Input_Body")!.TextContent.Trim());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Articles.CountAsync(a => a.Slug == slug)));

        var bad = await PostEditorAsync(editor, "/editor/articles/new", "Save", Fields("Not A Slug!", "Third"));
        Assert.Contains("lower-case", (await bad.ReadDocumentAsync()).QuerySelector("#slug-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SectorAndStandardPagesListTheArticlesTaggedWithThem()
    {
        var deliverable = await Normative.Tests.Features.Store.StoreTestData.AddDeliverableAsync(factory);
        var work = deliverable.Reference.Split(':')[0];
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var slug = NewSlug();
        var fields = Fields(slug, "Tagged with health", sector: "health");
        fields.RemoveAll(f => f.Key == "Input.Standards");
        fields.Add(new("Input.Standards", work));
        var id = await CreateAsync(editor, fields);
        await MoveAsync(editor, id, "Published");

        // Catalogue pages are cached by the catalogue's version, which publishing bumps; the watcher reads it every 2 s.
        foreach (var url in new[] { "/sectors/health?culture=en", $"/standard/{deliverable.Id}?culture=en" })
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            AngleSharp.Html.Dom.IHtmlDocument page;
            do
            {
                page = await factory.Browser().GetDocumentAsync(url);
            }
            while (page.QuerySelector($".tagged-articles a[href='/news/{slug}']") is null && DateTime.UtcNow < deadline && await Delay());
            Assert.True(page.QuerySelector($".tagged-articles a[href='/news/{slug}']") is not null, $"{url} does not list the article");
        }
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(300);
        return true;
    }

    [Fact]
    public async Task OnlyEditorsWriteArticles()
    {
        var (customer, _) = await factory.SignInAsAsync(Roles.Customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/editor/articles")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().GetAsync("/editor/articles/new")).StatusCode);
    }

    [Fact]
    public async Task NewsAndInsightsNoLongerSayComingSoon()
    {
        foreach (var url in new[] { "/news", "/insights", "/updates" })
        {
            foreach (var culture in new[] { "en", "fr", "es", "ru" })
            {
                var response = await factory.Browser().GetAsync($"{url}?culture={culture}");
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var page = await response.ReadDocumentAsync();
                Assert.Equal(culture, page.DocumentElement.GetAttribute("lang"));
                Assert.DoesNotContain("not open yet", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
                Assert.DoesNotContain("coming soon", page.Body!.TextContent, StringComparison.OrdinalIgnoreCase);
            }
        }
    }
}
