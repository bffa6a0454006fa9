using Normative.Features.Content.Pages;

namespace Normative.Tests.Features.Content;

public class PageRulesTests
{
    [Fact]
    public void ADefaultTextParsesIntoTitleSummaryAndBody()
    {
        var text = PageText.Parse("# About us\n\nWho we are.\n\n## History\n\nSince 1947.\n")!;
        Assert.Equal("About us", text.Title);
        Assert.Equal("Who we are.", text.Summary);
        Assert.Equal("## History\n\nSince 1947.\n", text.Body);
    }

    [Theory]
    [InlineData("About us\n\nWho we are.\n\nBody.\n")]
    [InlineData("# About us\nWho we are.\n\nBody.\n")]
    [InlineData("# About us\n\n\n\nBody.\n")]
    [InlineData("# About us\n\nWho we are.\n")]
    public void AFileWithoutTitleSummaryAndBodyDoesNotParse(string file) => Assert.Null(PageText.Parse(file));

    [Fact]
    public void TheOrganizationsNameReplacesThePlaceholder() =>
        Assert.Equal("About ACME", new PageText("About {{organization}}", "s", "b").For("ACME").Title);

    [Fact]
    public void ALanguageWithoutItsOwnTextFallsBackToEnglish()
    {
        PageVersion[] stored = [new() { PageKey = "no-default", Language = "en", Title = "Hello", Summary = "S", Body = "B" }];
        var picked = PageRules.Pick("no-default", stored, "ru")!.Value;
        Assert.True(picked.Fallback);
        Assert.Equal("Hello", picked.Text.Title);
        Assert.False(PageRules.Pick("no-default", stored, "en")!.Value.Fallback);
        Assert.Null(PageRules.Pick("no-default", [], "en"));
    }

    [Fact]
    public void ASavedVersionWinsOverTheDefault()
    {
        PageVersion[] stored = [new() { PageKey = "about", Language = "en", Title = "Ours", Summary = "S", Body = "B" }];
        Assert.Equal("Ours", PageRules.Pick("about", stored, "en")!.Value.Text.Title);
        Assert.Equal(PageDefaults.Get("about", "fr")!.Title, PageRules.Pick("about", stored, "fr")!.Value.Text.Title);
    }

    [Fact]
    public void TheHistoryShowsTheLinesARevisionAddedAndRemoved()
    {
        var changes = PageChange.Between(new PageText("T", "S", "one\ntwo\n"), new PageText("T", "S", "one\nthree\n"));
        Assert.Equal([new PageChange(false, "two"), new PageChange(true, "three")], changes);
    }
}
