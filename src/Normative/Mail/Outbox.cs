using Normative.Data;

namespace Normative.Mail;

/// <summary>
/// Queues mail in the caller's unit of work: the mail is saved, and later sent, only if the
/// caller's SaveChanges (and its transaction) commits.
/// </summary>
public static class Outbox
{
    public static OutboxMessage Enqueue(NormativeDb db, string to, string subject, string textBody, string? htmlBody = null,
        params OutboxAttachment[] attachments)
    {
        var message = new OutboxMessage
        {
            To = to,
            Subject = subject,
            TextBody = textBody,
            HtmlBody = htmlBody,
            Attachments = [.. attachments],
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
