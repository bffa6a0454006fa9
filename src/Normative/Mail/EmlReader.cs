using System.Text;
using System.Text.RegularExpressions;

namespace Normative.Mail;

/// <summary>
/// Reads the .eml files that the pickup folder holds (as System.Net.Mail writes them), for the
/// development Mailbox page: headers, the plain-text part and the names of attachments.
/// </summary>
public static partial class EmlReader
{
    public sealed record Eml(string To, string From, string Subject, DateTimeOffset? Date, string Text, string? Html, IReadOnlyList<string> Attachments);

    public static Eml Read(string raw)
    {
        var (headers, body) = SplitHeaders(raw);
        var parts = new List<(Dictionary<string, string> Headers, string Body)>();
        Collect(headers, body, parts);
        var text = parts.FirstOrDefault(p => ContentType(p.Headers).StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) && !IsAttachment(p.Headers));
        var html = parts.FirstOrDefault(p => ContentType(p.Headers).StartsWith("text/html", StringComparison.OrdinalIgnoreCase) && !IsAttachment(p.Headers));
        var attachments = parts.Where(p => IsAttachment(p.Headers)).Select(p => FileName(p.Headers) ?? "attachment").ToList();
        return new Eml(
            DecodeWords(headers.GetValueOrDefault("to", "")),
            DecodeWords(headers.GetValueOrDefault("from", "")),
            DecodeWords(headers.GetValueOrDefault("subject", "")),
            DateTimeOffset.TryParse(headers.GetValueOrDefault("date", ""), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null,
            text.Headers is null ? "" : DecodeBody(text.Headers, text.Body),
            html.Headers is null ? null : DecodeBody(html.Headers, html.Body),
            attachments);
    }

    private static void Collect(Dictionary<string, string> headers, string body, List<(Dictionary<string, string>, string)> parts)
    {
        var type = ContentType(headers);
        if (!type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            parts.Add((headers, body));
            return;
        }
        var boundary = BoundaryPattern().Match(headers.GetValueOrDefault("content-type", "")).Groups[1].Value.Trim('"');
        if (boundary.Length == 0)
        {
            return;
        }
        foreach (var chunk in body.Split("--" + boundary).Skip(1))
        {
            if (chunk.StartsWith("--", StringComparison.Ordinal))
            {
                break;
            }
            var (h, b) = SplitHeaders(chunk.TrimStart('\r', '\n'));
            Collect(h, b, parts);
        }
    }

    private static (Dictionary<string, string> Headers, string Body) SplitHeaders(string raw)
    {
        var normalized = raw.Replace("\r\n", "\n", StringComparison.Ordinal);
        var end = normalized.IndexOf("\n\n", StringComparison.Ordinal);
        var head = end < 0 ? normalized : normalized[..end];
        var body = end < 0 ? "" : normalized[(end + 2)..];
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split('\n'))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += " " + line.Trim();
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }
        return (headers, body);
    }

    private static string ContentType(Dictionary<string, string> headers) => headers.GetValueOrDefault("content-type", "text/plain");

    private static bool IsAttachment(Dictionary<string, string> headers) =>
        headers.GetValueOrDefault("content-disposition", "").StartsWith("attachment", StringComparison.OrdinalIgnoreCase)
        || (!ContentType(headers).StartsWith("text/", StringComparison.OrdinalIgnoreCase) && !ContentType(headers).StartsWith("multipart/", StringComparison.OrdinalIgnoreCase));

    private static string? FileName(Dictionary<string, string> headers)
    {
        var m = NamePattern().Match(headers.GetValueOrDefault("content-disposition", "") + ";" + ContentType(headers));
        return m.Success ? DecodeWords(m.Groups[1].Value.Trim('"')) : null;
    }

    private static string DecodeBody(Dictionary<string, string> headers, string body)
    {
        var encoding = headers.GetValueOrDefault("content-transfer-encoding", "7bit").ToLowerInvariant();
        var charsetMatch = CharsetPattern().Match(ContentType(headers));
        var charset = charsetMatch.Success ? Encoding.GetEncoding(charsetMatch.Groups[1].Value.Trim('"')) : Encoding.UTF8;
        return encoding switch
        {
            "base64" => charset.GetString(Convert.FromBase64String(new string(body.Where(c => !char.IsWhiteSpace(c)).ToArray()))),
            "quoted-printable" => charset.GetString(DecodeQuotedPrintable(body)),
            _ => body,
        };
    }

    public static byte[] DecodeQuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                i++;
                continue;
            }
            if (c == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
        return [.. bytes];
    }

    /// <summary>Decodes RFC 2047 encoded words such as =?utf-8?B?…?= in headers.</summary>
    public static string DecodeWords(string header) =>
        EncodedWordPattern().Replace(AdjacentWordsPattern().Replace(header, "?==?"), m =>
        {
            var charset = Encoding.GetEncoding(m.Groups[1].Value);
            var data = m.Groups[3].Value;
            return m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase)
                ? charset.GetString(Convert.FromBase64String(data))
                : charset.GetString(DecodeQuotedPrintable(data.Replace('_', ' ')));
        });

    [GeneratedRegex("boundary=(\"[^\"]+\"|[^;\\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryPattern();

    [GeneratedRegex("charset=(\"[^\"]+\"|[^;\\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex("(?:file)?name=(\"[^\"]+\"|[^;\\s]+)", RegexOptions.IgnoreCase)]
    private static partial Regex NamePattern();

    // Whitespace between two encoded words is not part of the text (RFC 2047, section 6.2).
    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex AdjacentWordsPattern();

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWordPattern();
}
