using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Normative.Features.Content.Articles;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

public class ContentApiTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    private async Task<string> PublishedAsync(ArticleKind kind, ArticleStatus status = ArticleStatus.Published, bool french = false)
    {
        var slug = "api-" + Guid.NewGuid().ToString("N")[..10];
        await factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var article = new Article { Slug = slug, Kind = kind, Status = status, PublishAt = now.AddMinutes(-5), CreatedAt = now, UpdatedAt = now, Sectors = ["it"] };
            article.Versions.Add(new ArticleVersion { Language = "en", Title = "English " + slug, Summary = "S", Body = "**Bold** <script>x</script>", UpdatedAt = now });
            if (french)
            {
                article.Versions.Add(new ArticleVersion { Language = "fr", Title = "Français " + slug, Summary = "S", Body = "Texte", UpdatedAt = now });
            }
            db.Articles.Add(article);
            return await db.SaveChangesAsync();
        });
        return slug;
    }

    [Fact]
    public async Task TheNewsApiListsWhatReadersSeeInTheirLanguage()
    {
        var news = await PublishedAsync(ArticleKind.News, french: true);
        var insight = await PublishedAsync(ArticleKind.Insight);
        var draft = await PublishedAsync(ArticleKind.News, ArticleStatus.Draft);
        var client = factory.CreateClient();

        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/news?language=fr&limit=100");
        var slugs = all.EnumerateArray().Select(a => a.GetProperty("slug").GetString()).ToList();
        Assert.Contains(news, slugs);
        Assert.Contains(insight, slugs);
        Assert.DoesNotContain(draft, slugs);
        var french = all.EnumerateArray().Single(a => a.GetProperty("slug").GetString() == news);
        Assert.Equal("Français " + news, french.GetProperty("title").GetString());
        Assert.Equal("en", all.EnumerateArray().Single(a => a.GetProperty("slug").GetString() == insight).GetProperty("language").GetString());

        var onlyInsights = await client.GetFromJsonAsync<JsonElement>("/api/v1/news?kind=insight&limit=100");
        Assert.All(onlyInsights.EnumerateArray(), a => Assert.Equal("insight", a.GetProperty("kind").GetString()));

        var one = await client.GetFromJsonAsync<JsonElement>($"/api/v1/news/{news}");
        Assert.Contains("<strong>Bold</strong>", one.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", one.GetProperty("html").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/news/{draft}")).StatusCode);

        var bad = await client.GetAsync("/api/v1/news?kind=gossip&language=de");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task NewsAndEventsAreInTheOpenApiDocument()
    {
        var document = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/news", out _));
        Assert.True(paths.TryGetProperty("/api/v1/news/{slug}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/events", out _));
    }
}
