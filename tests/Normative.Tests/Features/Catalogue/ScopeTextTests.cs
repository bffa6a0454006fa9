using Normative.Features.Catalogue;

namespace Normative.Tests.Features.Catalogue;

public class ScopeTextTests
{
    [Fact]
    public void HtmlFromTheOpenDataBecomesPlainTextWithParagraphsAndListItems()
    {
        const string html = "<p>ISO 9001:2015 specifies requirements\nwhen an organization:</p>\n<ul><li>needs to demonstrate its ability,&nbsp;and</li><li>aims to enhance customer satisfaction.</li></ul><p>It is generic &amp; applicable.</p>";

        var text = ScopeText.ToPlainText(html);

        Assert.Equal("ISO 9001:2015 specifies requirements when an organization:\n— needs to demonstrate its ability, and\n— aims to enhance customer satisfaction.\nIt is generic & applicable.", text);
    }

    [Fact]
    public void MarkupNeverSurvives()
    {
        var text = ScopeText.ToPlainText("<script>alert(1)</script><p onclick=\"x\">Safe <b>text</b></p><!-- [if !supportLists]--><span style=\"x\">.</span>");

        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Contains("Safe text", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PlainTextKeepsItsLineBreaks() =>
        Assert.Equal("First line.\nSecond line.", ScopeText.ToPlainText("First line.\r\nSecond line.\n"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NothingGivesNothing(string? html) => Assert.Equal("", ScopeText.ToPlainText(html));
}
