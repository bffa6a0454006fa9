using Normative.Features.Content.Articles;
using SkiaSharp;

namespace Normative.Tests.Features.Content;

public class LeadImagesTests
{
    /// <summary>A picture whose left half is red and right half blue (transparent where <paramref name="transparentRight"/>).</summary>
    public static byte[] TwoColours(int width, int height, SKEncodedImageFormat format = SKEncodedImageFormat.Png, bool transparentRight = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.Transparent);
            using var red = new SKPaint { Color = SKColors.Red };
            using var blue = new SKPaint { Color = SKColors.Blue };
            canvas.DrawRect(0, 0, width / 2f, height, red);
            if (!transparentRight)
            {
                canvas.DrawRect(width / 2f, 0, width / 2f, height, blue);
            }
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static SKBitmap Decode(byte[] jpeg) => SKBitmap.Decode(jpeg);

    private static bool IsRed(SKColor c) => c.Red > 200 && c.Green < 60 && c.Blue < 60;
    private static bool IsBlue(SKColor c) => c.Blue > 200 && c.Red < 60 && c.Green < 60;
    private static bool IsWhite(SKColor c) => c.Red > 230 && c.Green > 230 && c.Blue > 230;

    [Fact]
    public void AWidePictureComesOutAsJpegInTwoWidthsWithTransparencyOnWhite()
    {
        var prepared = LeadImages.Prepare(TwoColours(3000, 1500, transparentRight: true));

        Assert.Equal((1600, 800), (prepared.Large.Width, prepared.Large.Height));
        Assert.Equal((640, 320), (prepared.Small.Width, prepared.Small.Height));
        Assert.Equal(new byte[] { 0xFF, 0xD8, 0xFF }, prepared.Large.Jpeg[..3]);
        using var large = Decode(prepared.Large.Jpeg);
        Assert.Equal(1600, large.Width);
        Assert.True(IsRed(large.GetPixel(100, 400)));
        Assert.True(IsWhite(large.GetPixel(1500, 400)));
        Assert.True(prepared.Small.Jpeg.Length < prepared.Large.Jpeg.Length);
    }

    [Fact]
    public void ASmallPictureIsNotEnlarged()
    {
        var prepared = LeadImages.Prepare(TwoColours(300, 200, SKEncodedImageFormat.Webp));
        Assert.Equal((300, 200), (prepared.Large.Width, prepared.Large.Height));
        Assert.Equal((300, 200), (prepared.Small.Width, prepared.Small.Height));
    }

    [Fact]
    public void APhotoTakenSidewaysIsTurnedAsItsCameraSaysAndLosesItsMetadata()
    {
        // EXIF orientation 6: the camera was turned; the picture is shown rotated 90° clockwise.
        var jpeg = TwoColours(200, 100, SKEncodedImageFormat.Jpeg);
        byte[] exif =
        [
            0xFF, 0xE1, 0x00, 0x22, (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08,
            0x00, 0x01, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
            0x00, 0x00, 0x00, 0x00,
        ];
        byte[] sideways = [.. jpeg[..2], .. exif, .. jpeg[2..]];

        var prepared = LeadImages.Prepare(sideways);

        Assert.Equal((100, 200), (prepared.Large.Width, prepared.Large.Height));
        using var upright = Decode(prepared.Large.Jpeg);
        Assert.True(IsRed(upright.GetPixel(50, 40)), "the left half of the sensor is now on top");
        Assert.True(IsBlue(upright.GetPixel(50, 160)));
        Assert.DoesNotContain("Exif", System.Text.Encoding.ASCII.GetString(prepared.Large.Jpeg), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("svg")]
    [InlineData("png-header-only")]
    public void WhatIsNotABrowserImageIsRefused(string what)
    {
        byte[] upload = what switch
        {
            "text" => "just some words, not a picture"u8.ToArray(),
            "svg" => "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray(),
            _ => TwoColours(50, 50)[..16],
        };
        var e = Assert.Throws<LeadImageException>(() => LeadImages.Prepare(upload));
        Assert.Equal("Articles.Image.NotAnImage", e.Message);
    }

    [Fact]
    public void AFileCutShortIsRefusedRatherThanShownHalfGrey()
    {
        var jpeg = TwoColours(400, 400, SKEncodedImageFormat.Jpeg);
        var e = Assert.Throws<LeadImageException>(() => LeadImages.Prepare(jpeg[..(jpeg.Length / 2)]));
        Assert.Equal("Articles.Image.CutShort", e.Message);
    }

    [Fact]
    public void TooManyPixelsAreRefusedBeforeDecoding()
    {
        var e = Assert.Throws<LeadImageException>(() => LeadImages.Prepare(TwoColours(40, 40), maxPixels: 1_000));
        Assert.Equal("Articles.Image.TooManyPixels", e.Message);
    }
}
