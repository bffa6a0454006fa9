using Normative.Features.Shared;

namespace Normative.Tests.Features.Shared;

public class SafeMarkdownTests
{
    [Theory]
    [InlineData("<script>alert('x')</script>Hello", "<script")]
    [InlineData("[click](javascript:alert(1))", "javascript:")]
    [InlineData("[click](JaVaScRiPt:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\">", "onerror")]
    [InlineData("<p onclick=\"alert(1)\">x</p>", "onclick")]
    [InlineData("<div style=\"background:url(javascript:alert(1))\">x</div>", "style")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "<iframe")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<script")]
    [InlineData("![x](data:text/html;base64,PHNjcmlwdD4=)", "data:")]
    [InlineData("<form action=\"https://evil.example\"><input name=\"password\"></form>", "<form")]
    public void ScriptAndUnsafeLinksNeverReachThePage(string markdown, string forbidden)
    {
        var html = SafeMarkdown.ToHtml(markdown);
        Assert.DoesNotContain(forbidden, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OrdinaryMarkdownKeepsItsShape()
    {
        var html = SafeMarkdown.ToHtml("# A new guide\n\nRead **this** and [the standard](https://example.org/iso-9001).\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        Assert.Contains("<h1", html, StringComparison.Ordinal);
        Assert.Contains("<strong>this</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.org/iso-9001\"", html, StringComparison.Ordinal);
        Assert.Contains("<table>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ATableScrollsInAFocusableRegionNamedByItsHeadersSoItNeverWidensThePage()
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(SafeMarkdown.ToHtml("| Format | What it allows |\n|---|---|\n| PDF | One named person |\n"));
        var region = document.QuerySelector("div.table-scroll")!;
        Assert.NotNull(region.QuerySelector("table"));
        Assert.Equal("0", region.GetAttribute("tabindex"));
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.Equal("Format, What it allows", region.GetAttribute("aria-label"));
    }

    [Fact]
    public void EmptyTextGivesNothing() => Assert.Equal("", SafeMarkdown.ToHtml("  "));
}
