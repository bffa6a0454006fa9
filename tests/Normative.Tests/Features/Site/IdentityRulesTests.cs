using Normative.Features.Site.Identity;
using Normative.Tests.Features.Content;

namespace Normative.Tests.Features.Site;

public class IdentityRulesTests
{
    [Theory]
    [InlineData("#ABC", "#aabbcc")]
    [InlineData(" #0B2545 ", "#0b2545")]
    [InlineData("red", null)]
    [InlineData("#12345", null)]
    [InlineData("#12345g", null)]
    [InlineData(null, null)]
    public void ColoursAreTakenAsHashAndHexDigits(string? typed, string? parsed) =>
        Assert.Equal(parsed, IdentityRules.Parse(typed));

    [Fact]
    public void BlackOnWhiteIsTwentyOneToOneAndAColourOnItselfIsOne()
    {
        Assert.Equal(21, IdentityRules.Contrast("#000000", "#ffffff"), 3);
        Assert.Equal(1, IdentityRules.Contrast("#0b2545", "#0b2545"), 3);
    }

    [Fact]
    public void TheBuiltInColoursPassAndAGreyJustUnderTheLineIsRefusedWithARatioThatDoesNotRoundUp()
    {
        var builtIn = Palette.BuiltIn;
        Assert.Null(IdentityRules.CheckPrimary(builtIn.Primary));
        Assert.Null(IdentityRules.CheckLink(builtIn.Link));
        Assert.Null(IdentityRules.CheckAccent(builtIn.Accent));
        // #777777 on white is 4.48:1, so close to 4.5 that rounding would hide why it is refused.
        var grey = IdentityRules.CheckLink("#777777")!;
        Assert.Equal("Identity.Error.LinkContrast", grey.Key);
        Assert.Equal(4.47, grey.Ratio, 2);
        Assert.Null(IdentityRules.CheckLink("#767676"));
        Assert.Equal("Identity.Error.NotAColour", IdentityRules.CheckPrimary("navy")!.Key);
    }

    [Theory]
    [InlineData("#1a5e20")]
    [InlineData("#595959")]
    [InlineData("#767676")]
    public void TheNavigationShadeOfAHeaderColourStaysReadableUnderWhiteText(string primary) =>
        Assert.True(IdentityRules.Contrast(IdentityRules.Shade(primary), IdentityRules.White) >= IdentityRules.MinimumContrast);

    [Fact]
    public void TheStylesheetCarriesTheColoursInSiteCssVariables()
    {
        var css = IdentityRules.Stylesheet(new Palette("#1a5e20", "#6a1b9a", "#8a4b00"));
        Assert.Contains("--navy: #1a5e20;", css, StringComparison.Ordinal);
        Assert.Contains("--blue: #6a1b9a;", css, StringComparison.Ordinal);
        Assert.Contains("--red: #8a4b00;", css, StringComparison.Ordinal);
        Assert.DoesNotContain("body", IdentityRules.PreviewStylesheet("#000}body{x", null, null), StringComparison.Ordinal);
    }

    [Fact]
    public void AnSvgIsRefusedEvenUnderAnotherName()
    {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><script>alert(1)</script></foreignObject></svg>"u8.ToArray();
        Assert.Equal("Identity.Logo.Svg", Assert.Throws<LogoException>(() => Logos.Prepare(svg)).Message);
    }

    [Fact]
    public void ALargeLogoIsScaledToTwiceTheHeadersHeightAndASmallOneIsNotEnlarged()
    {
        var large = Logos.Prepare(LeadImagesTests.TwoColours(1200, 400));
        Assert.Equal((240, 80), (large.Width, large.Height));
        Assert.Equal((120, 40), Logos.Shown(large.Width, large.Height));
        var small = Logos.Prepare(LeadImagesTests.TwoColours(60, 30));
        Assert.Equal((60, 30), (small.Width, small.Height));
        Assert.Equal("Identity.Logo.TooSmall", Assert.Throws<LogoException>(() => Logos.Prepare(LeadImagesTests.TwoColours(10, 10))).Message);
        // A long word mark is shown at most 240 pixels wide, lower than the others.
        Assert.Equal((240, 24), Logos.Shown(1000, 100));
    }
}
