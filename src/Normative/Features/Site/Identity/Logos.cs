using SkiaSharp;

namespace Normative.Features.Site.Identity;

/// <summary>
/// The logo as the header shows it. PNG, JPEG and WebP are read (recognised by their first bytes,
/// never by the name an upload gives) through Skia's decoders, which run no scripts and fetch
/// nothing. An SVG is refused rather than cleaned: a drawing can carry scripts, event attributes,
/// foreignObject and references to other sites, and a PNG export of it loses nothing at this size.
/// The picture is scaled down to twice the header's height (sharp on high-density screens), never
/// up, and written again as PNG, so transparency survives and nothing of the original file's
/// metadata does.
/// </summary>
public static class Logos
{
    public const int MaxUploadBytes = 5 * 1024 * 1024;
    /// <summary>The header shows the logo this many CSS pixels high.</summary>
    public const int ShownHeight = 40;
    /// <summary>The widest the header shows it (a long word mark is made lower instead).</summary>
    public const int ShownMaxWidth = 240;
    public const int MinSide = 16;
    public const long MaxPixels = 25_000_000;
    public const string ContentType = "image/png";

    public sealed record Prepared(byte[] Png, int Width, int Height);

    /// <summary>The header's logo from <paramref name="upload"/>, or <see cref="LogoException"/> naming what is wrong with it.</summary>
    public static Prepared Prepare(byte[] upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        if (upload.Length > MaxUploadBytes)
        {
            throw new LogoException("Identity.Logo.TooLarge");
        }
        if (LooksLikeSvg(upload))
        {
            throw new LogoException("Identity.Logo.Svg");
        }
        if (!IsAccepted(upload))
        {
            throw new LogoException("Identity.Logo.NotAnImage");
        }
        using var data = SKData.CreateCopy(upload);
        using var codec = SKCodec.Create(data) ?? throw new LogoException("Identity.Logo.NotAnImage");
        var info = codec.Info;
        if ((long)info.Width * info.Height > MaxPixels)
        {
            throw new LogoException("Identity.Logo.TooLarge");
        }
        if (info.Width < MinSide || info.Height < MinSide)
        {
            throw new LogoException("Identity.Logo.TooSmall");
        }
        var decode = new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var decoded = new SKBitmap(decode);
        if (codec.GetPixels(decode, decoded.GetPixels()) != SKCodecResult.Success)
        {
            throw new LogoException("Identity.Logo.NotAnImage");
        }
        var scale = Math.Min(1.0, Math.Min(2.0 * ShownHeight / info.Height, 2.0 * ShownMaxWidth / info.Width));
        int width = Math.Max(1, (int)Math.Round(info.Width * scale)), height = Math.Max(1, (int)Math.Round(info.Height * scale));
        using var target = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.Transparent);
            using var image = SKImage.FromBitmap(decoded);
            canvas.DrawImage(image, new SKRect(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        using var png = target.Encode(SKEncodedImageFormat.Png, 100);
        return new Prepared(png.ToArray(), width, height);
    }

    /// <summary>The size the header shows a logo of <paramref name="width"/> × <paramref name="height"/> pixels at, in CSS pixels.</summary>
    public static (int Width, int Height) Shown(int width, int height)
    {
        if (width <= 0 || height <= 0)
        {
            return (ShownHeight, ShownHeight);
        }
        var w = ShownHeight * (double)width / height;
        return w <= ShownMaxWidth
            ? (Math.Max(1, (int)Math.Round(w)), ShownHeight)
            : (ShownMaxWidth, Math.Max(1, (int)Math.Round(ShownMaxWidth * (double)height / width)));
    }

    /// <summary>PNG, JPEG or WebP by their signatures.</summary>
    public static bool IsAccepted(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])
        || bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])
        || (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8));

    private static bool LooksLikeSvg(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 1024)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith('<') && head.Contains("<svg", StringComparison.OrdinalIgnoreCase);
    }
}
