namespace Normative.Web;

/// <summary>Guards return URLs against open redirects: only paths on this site are followed.</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url)
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Contains("://", StringComparison.Ordinal)
        && !url.Any(char.IsControl);

    /// <summary>
    /// The URL as it may stand in a Location header: characters outside ASCII percent-encoded as
    /// UTF-8 (a return address such as "/¿" would otherwise make the server refuse the header).
    /// </summary>
    public static string ForLocation(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.All(c => c < 128))
        {
            return url;
        }
        var result = new System.Text.StringBuilder(url.Length * 2);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value < 128)
            {
                result.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..length])
            {
                result.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return result.ToString();
    }
}
