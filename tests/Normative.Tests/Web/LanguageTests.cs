using System.Net;
using Normative.Tests.Features.Catalogue;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Web;

/// <summary>The language a reader chose stays chosen, and never reaches another reader through a cache.</summary>
public class LanguageTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    [Fact]
    public async Task ALinkWithCultureKeepsThatLanguageOnTheNextClick()
    {
        var reader = factory.CreateClient();
        var first = await reader.GetDocumentAsync("/about?culture=fr");
        Assert.Equal("fr", first.DocumentElement.GetAttribute("lang"));

        // The next link has no ?culture: the cookie set by the first answer carries the choice.
        var next = await reader.GetDocumentAsync("/standards");
        Assert.Equal("fr", next.DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task AnAnswerThatSetsTheLanguageIsKeptByNoSharedCache()
    {
        var response = await factory.CreateClient().GetAsync("/?culture=es");
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Des", StringComparison.Ordinal));
        Assert.True(response.Headers.CacheControl!.Private, response.Headers.CacheControl.ToString());
    }

    [Fact]
    public async Task AChoiceTheBrowserAlreadyMakesSetsNoCookieAnotherOneIsRemembered()
    {
        // English asked by an English browser: nothing to remember, so the page stays shareable.
        var english = factory.CreateClient();
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-GB,en;q=0.8");
        Assert.False((await english.GetAsync("/about?culture=en")).Headers.Contains("Set-Cookie"));

        // English asked by a French browser: remembered, so the next link stays in English.
        var french = factory.CreateClient();
        french.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr-CH,fr;q=0.9");
        Assert.Equal("fr", (await french.GetDocumentAsync("/about")).DocumentElement.GetAttribute("lang"));
        Assert.Contains((await french.GetAsync("/about?culture=en")).Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Den", StringComparison.Ordinal));
        Assert.Equal("en", (await french.GetDocumentAsync("/standards")).DocumentElement.GetAttribute("lang"));
    }

    [Fact]
    public async Task ACachedPageInOneLanguageIsNeverServedInAnother()
    {
        await factory.WithDemoAsync();
        // A French reader fills the cache first; the English reader after gets English, and the reverse.
        var french = factory.CreateClient();
        await french.GetAsync("/standard/62085?culture=fr");
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal("fr", (await french.GetDocumentAsync("/standard/62085")).DocumentElement.GetAttribute("lang"));
            Assert.Equal("en", (await factory.CreateClient().GetDocumentAsync("/standard/62085")).DocumentElement.GetAttribute("lang"));
            Assert.Equal("ru", (await factory.CreateClient().GetDocumentAsync("/standard/62085?culture=ru")).DocumentElement.GetAttribute("lang"));
        }
    }

    [Theory]
    [InlineData("/?culture=xx")]
    [InlineData("/standards?culture=zz-ZZ")]
    [InlineData("/about?culture=%C2%BF")]
    public async Task AnUnknownCultureFallsBackToEnglishWithANotice(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal)));
        var page = await factory.CreateClient().GetDocumentAsync(url);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("this page is in English", page.QuerySelector(".unknown-language")!.TextContent, StringComparison.Ordinal);
    }
}
