using SkiaSharp;

namespace Normative.Features.Content.Articles;

/// <summary>
/// An article's lead image as readers get it. Only the four formats every browser shows are read
/// (JPEG, PNG, GIF, WebP, recognised by their first bytes, never by the name an upload gives), and
/// through Skia's decoders, which run no scripts and fetch nothing (an SVG or a PDF is refused, not
/// interpreted). The picture is turned upright as its camera recorded, flattened onto white, and
/// written again as JPEG in two widths: the camera's metadata (its place, its owner) does not
/// survive, and a reader on a phone gets 640 pixels, not the 6,000 a camera took.
/// </summary>
public static class LeadImages
{
    public const int LargeWidth = 1600;
    public const int SmallWidth = 640;
    public const int MaxUploadBytes = 10 * 1024 * 1024;
    /// <summary>50 million pixels (a 8,660 × 5,770 photograph): decoding takes 200 MB, no more.</summary>
    public const long MaxPixels = 50_000_000;
    public const string ContentType = "image/jpeg";
    private const int Quality = 82;

    public sealed record Rendition(byte[] Jpeg, int Width, int Height);

    public sealed record Prepared(Rendition Large, Rendition Small);

    /// <summary>The two renditions of <paramref name="upload"/>, or <see cref="LeadImageException"/> naming what is wrong with it.</summary>
    public static Prepared Prepare(byte[] upload, long maxPixels = MaxPixels)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Length > MaxUploadBytes)
        {
            throw new LeadImageException("Articles.Image.TooLarge");
        }
        if (!IsBrowserImage(upload))
        {
            throw new LeadImageException("Articles.Image.NotAnImage");
        }
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw new LeadImageException("Articles.Image.NotAnImage");
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0)
        {
            throw new LeadImageException("Articles.Image.NotAnImage");
        }
        if ((long)info.Width * info.Height > maxPixels)
        {
            throw new LeadImageException("Articles.Image.TooManyPixels");
        }
        var decode = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decode);
        var result = codec.GetPixels(decode, decoded.GetPixels());
        if (result != SKCodecResult.Success)
        {
            // A file cut short decodes to a picture half grey: refuse it rather than publish that.
            throw new LeadImageException(result == SKCodecResult.IncompleteInput ? "Articles.Image.CutShort" : "Articles.Image.NotAnImage");
        }
        using var upright = Upright(decoded, codec.EncodedOrigin);
        return new Prepared(Encode(upright, LargeWidth), Encode(upright, SmallWidth));
    }

    /// <summary>The size of the narrow rendition of an image whose wide one is <paramref name="width"/> × <paramref name="height"/>.</summary>
    public static (int Width, int Height) SmallSize(int? width, int? height) =>
        width is int w && w > 0 && height is int h && h > 0
            ? (Math.Min(w, SmallWidth), Math.Max(1, (int)Math.Round(h * (double)Math.Min(w, SmallWidth) / w)))
            : (0, 0);

    /// <summary>JPEG, PNG, GIF or WebP by their signatures.</summary>
    public static bool IsBrowserImage(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
        || bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8)
        || (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8));

    /// <summary>The picture as its camera meant it to be seen (EXIF orientation 1–8).</summary>
    private static SKBitmap Upright(SKBitmap source, SKEncodedOrigin origin)
    {
        var turned = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int w = turned ? source.Height : source.Width, h = turned ? source.Width : source.Height;
        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, w, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, w, -1, 0, h, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, h, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var upright = new SKBitmap(new SKImageInfo(w, h, source.ColorType, source.AlphaType));
        using var canvas = new SKCanvas(upright);
        canvas.SetMatrix(matrix);
        canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest));
        return upright;
    }

    private static Rendition Encode(SKBitmap source, int maxWidth)
    {
        var width = Math.Min(source.Width, maxWidth);
        var height = Math.Max(1, (int)Math.Round(source.Height * (double)width / source.Width));
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(target))
        {
            // JPEG has no transparency: what was transparent becomes the page's white.
            canvas.Clear(SKColors.White);
            using var image = SKImage.FromBitmap(source);
            canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        using var jpeg = target.Encode(SKEncodedImageFormat.Jpeg, Quality);
        return new Rendition(jpeg.ToArray(), width, height);
    }
}

/// <summary>An upload that cannot be a lead image; <see cref="Exception.Message"/> is the key of the text that says why.</summary>
public sealed class LeadImageException(string key) : Exception(key);
