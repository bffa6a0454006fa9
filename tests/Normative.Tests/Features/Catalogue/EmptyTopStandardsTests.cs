using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

/// <summary>A catalogue whose Editors have not chosen anything must not pretend otherwise.</summary>
public class EmptyTopStandardsTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    [Fact]
    public async Task TheHomePageSaysHonestlyThatNoneAreChosenYet()
    {
        var page = await factory.Browser().GetDocumentAsync("/?culture=en");

        Assert.Empty(page.QuerySelectorAll(".top-standards li"));
        Assert.Contains("have not chosen any standards yet", page.QuerySelector(".top-empty")!.TextContent, StringComparison.Ordinal);
    }
}
