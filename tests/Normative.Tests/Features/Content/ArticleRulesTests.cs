using Normative.Features.Content.Articles;

namespace Normative.Tests.Features.Content;

public class ArticleRulesTests
{
    [Theory]
    [InlineData(ArticleStatus.Draft, ArticleStatus.Scheduled, true)]
    [InlineData(ArticleStatus.Draft, ArticleStatus.Published, true)]
    [InlineData(ArticleStatus.Draft, ArticleStatus.Archived, false)]
    [InlineData(ArticleStatus.Scheduled, ArticleStatus.Published, true)]
    [InlineData(ArticleStatus.Scheduled, ArticleStatus.Archived, true)]
    [InlineData(ArticleStatus.Archived, ArticleStatus.Scheduled, false)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Archived, true)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Scheduled, false)]
    [InlineData(ArticleStatus.Archived, ArticleStatus.Published, true)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Published, false)]
    public void StatusMovesFollowTheLifeOfAnArticle(ArticleStatus from, ArticleStatus to, bool allowed) =>
        Assert.Equal(allowed, ArticleRules.CanMove(from, to));

    [Fact]
    public void AScheduledArticleIsLiveFromItsTimeOn()
    {
        var at = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
        Assert.False(ArticleRules.IsLive(ArticleStatus.Scheduled, at, at.AddSeconds(-1)));
        Assert.True(ArticleRules.IsLive(ArticleStatus.Scheduled, at, at));
        Assert.False(ArticleRules.IsLive(ArticleStatus.Draft, at, at.AddDays(1)));
        Assert.False(ArticleRules.IsLive(ArticleStatus.Archived, at, at.AddDays(1)));
    }

    [Theory]
    [InlineData("new-guide-to-iso-9001", true)]
    [InlineData("2026", true)]
    [InlineData("New-Guide", false)]
    [InlineData("double--hyphen", false)]
    [InlineData("-leading", false)]
    [InlineData("with space", false)]
    [InlineData("", false)]
    public void SlugsAreLowerCaseWordsJoinedByHyphens(string slug, bool valid) => Assert.Equal(valid, ArticleRules.IsSlug(slug));

    [Fact]
    public void AMissingLanguageFallsBackToEnglish()
    {
        var versions = new[]
        {
            new ArticleVersion { Language = "en", Title = "Hello", Summary = "", Body = "" },
            new ArticleVersion { Language = "fr", Title = "Bonjour", Summary = "", Body = "" },
        };
        Assert.Equal(("Bonjour", false), (ArticleRules.Pick(versions, "fr").Version!.Title, ArticleRules.Pick(versions, "fr").Fallback));
        Assert.Equal(("Hello", true), (ArticleRules.Pick(versions, "ru").Version!.Title, ArticleRules.Pick(versions, "ru").Fallback));
        Assert.Null(ArticleRules.Pick([], "ru").Version);
    }

    [Fact]
    public void TypedTagsAreTrimmedAndEachKeptOnce() =>
        Assert.Equal(new[] { "ISO 9001", "ISO/TC 176" }, ArticleRules.Tags(" ISO 9001, ISO/TC 176 ,iso 9001,, "));
}
