using System.Text;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// What kind of image a graphic of an STS package is, read from its first bytes rather than its
/// name (a ".png" that is a TIFF is a TIFF). Browsers show PNG, JPEG, GIF and SVG; STS packages
/// also carry TIFF and EPS masters, which are refused with their kind named so that the publisher
/// can send a web copy.
/// </summary>
public static class StsGraphicTypes
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegSignature = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] EpsBinarySignature = [0xC5, 0xD0, 0xD3, 0xC6];

    /// <summary>The content type of a PNG, JPEG, GIF or SVG image, or null.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return "image/png";
        }
        if (bytes.StartsWith(JpegSignature))
        {
            return "image/jpeg";
        }
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }
        return IsSvg(bytes) ? "image/svg+xml" : null;
    }

    /// <summary>A word for an image browsers do not show ("TIFF", "EPS" …), for the import's message.</summary>
    public static string KindOf(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8) ? "TIFF"
        : bytes.StartsWith("%!PS"u8) || bytes.StartsWith(EpsBinarySignature) ? "EPS"
        : bytes.StartsWith("%PDF"u8) ? "PDF"
        : bytes.StartsWith("BM"u8) ? "BMP"
        : "not an image";

    /// <summary>The file name extensions a web copy of a graphic may have.</summary>
    public static readonly string[] WebExtensions = [".png", ".jpg", ".jpeg", ".gif", ".svg"];

    // Text whose first element, past the XML declaration, comments and a DOCTYPE, is <svg>.
    private static bool IsSvg(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        while (head.StartsWith("<?", StringComparison.Ordinal) || head.StartsWith("<!", StringComparison.Ordinal))
        {
            var comment = head.StartsWith("<!--", StringComparison.Ordinal);
            var end = comment ? head.IndexOf("-->", StringComparison.Ordinal) : head.IndexOf('>', StringComparison.Ordinal);
            if (end < 0)
            {
                return false;
            }
            head = head[(end + (comment ? 3 : 1))..].TrimStart(' ', '\t', '\r', '\n');
        }
        return head.StartsWith("<svg", StringComparison.Ordinal) && head.Length > 4 && (char.IsWhiteSpace(head[4]) || head[4] is '>' or '/');
    }
}
