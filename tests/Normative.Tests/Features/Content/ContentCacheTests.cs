using System.Globalization;
using System.Net;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

/// <summary>The news pages are served from the output cache, yet a change or a scheduled article shows at once.</summary>
public class ContentCacheTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient editor, string formUrl, string action, List<KeyValuePair<string, string>> fields)
    {
        var page = await editor.GetDocumentAsync(formUrl);
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await editor.PostAsync(action, new FormUrlEncodedContent([new("__RequestVerificationToken", token), .. fields]));
    }

    private static async Task<int> CreateArticleAsync(HttpClient editor, string slug, string title)
    {
        var saved = await PostFormAsync(editor, "/editor/articles/new", "/editor/articles/new?handler=Save",
        [
            new("Input.Kind", "News"), new("Input.Slug", slug), new("Input.Language", "en"), new("Input.Title", title),
            new("Input.Summary", "Summary of " + title), new("Input.Body", "Text."),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return int.Parse(saved.Headers.Location!.OriginalString.Split('/')[3].Split('?')[0], CultureInfo.InvariantCulture);
    }

    private static async Task MoveAsync(HttpClient editor, int id, string target, DateTimeOffset? at = null)
    {
        var fields = new List<KeyValuePair<string, string>> { new("target", target) };
        if (at is { } when)
        {
            fields.Add(new("publishAt", when.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)));
        }
        var moved = await PostFormAsync(editor, $"/editor/articles/{id}", $"/editor/articles/{id}?handler=Status", fields);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
    }

    private static async Task<(bool Cached, string Html)> NewsAsync(HttpClient reader)
    {
        var response = await reader.GetAsync("/news?culture=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (response.Headers.Age is not null, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NewsIsServedFromTheCacheYetAPublishedOrDueArticleShowsAtOnce()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var reader = factory.Browser();
        var first = "cached-" + Guid.NewGuid().ToString("N")[..8];
        await MoveAsync(editor, await CreateArticleAsync(editor, first, "First cached news " + first), "Published");

        var (_, html) = await NewsAsync(reader);
        Assert.Contains(first, html, StringComparison.Ordinal);
        var (cached, again) = await NewsAsync(reader);
        Assert.True(cached, "the second anonymous request is answered from the output cache");
        Assert.Contains(first, again, StringComparison.Ordinal);

        // An Editor's change is on the page at the next request, not after the cache expires.
        var second = "cached-" + Guid.NewGuid().ToString("N")[..8];
        await MoveAsync(editor, await CreateArticleAsync(editor, second, "Second cached news " + second), "Published");
        Assert.Contains(second, (await NewsAsync(reader)).Html, StringComparison.Ordinal);

        // A scheduled article is not shown before its time, even from a page cached just before it,
        // and is shown once its time has come, though nobody saved anything in between.
        var due = DateTimeOffset.UtcNow.AddSeconds(4);
        var scheduled = "cached-" + Guid.NewGuid().ToString("N")[..8];
        await MoveAsync(editor, await CreateArticleAsync(editor, scheduled, "Scheduled news " + scheduled), "Scheduled", due);
        Assert.DoesNotContain(scheduled, (await NewsAsync(reader)).Html, StringComparison.Ordinal);
        Assert.True((await NewsAsync(reader)).Cached);
        var wait = due - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }
        var (_, afterDue) = await NewsAsync(reader);
        Assert.Contains(scheduled, afterDue, StringComparison.Ordinal);
    }
}
