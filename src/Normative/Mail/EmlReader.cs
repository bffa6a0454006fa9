using MimeKit;

namespace Normative.Mail;

/// <summary>
/// Reads the .eml files of the pickup folder with MimeKit, for the development Mailbox page and the
/// tests: headers, the plain-text and HTML bodies and the names of attachments.
/// </summary>
public static class EmlReader
{
    public sealed record Eml(string To, string From, string Subject, DateTimeOffset? Date, string Text, string? Html, IReadOnlyList<string> Attachments);

    public static Eml ReadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(MimeMessage.Load(stream));
    }

    public static Eml Read(MimeMessage message) => new(
        message.To.ToString(),
        message.From.ToString(),
        message.Subject ?? "",
        message.Date == DateTimeOffset.MinValue ? null : message.Date,
        message.TextBody ?? "",
        message.HtmlBody,
        message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "attachment").ToList());
}
