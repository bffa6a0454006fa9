using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;

namespace Normative.Mail;

/// <summary>
/// Sends the mail that is due. Rows are claimed with FOR UPDATE SKIP LOCKED and stay locked while
/// they are sent, so workers on several instances never send one mail twice.
/// </summary>
public sealed class OutboxProcessor(NormativeDb db, IMailSender sender, IOptions<MailSettings> options, TimeProvider clock, ILogger<OutboxProcessor> logger)
{
    /// <returns>How many mails were handled (sent or given a later attempt).</returns>
    public async Task<int> ProcessDueAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var due = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {now}
                ORDER BY next_attempt_at, id
                LIMIT {settings.BatchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var ids = due.Select(m => m.Id).ToList();
        await db.OutboxAttachments.Where(a => ids.Contains(a.MessageId)).LoadAsync(ct);

        foreach (var message in due)
        {
            message.Attempts++;
            try
            {
                using var mail = ToMailMessage(message, settings);
                await sender.SendAsync(mail, ct);
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                if (message.Attempts >= settings.MaxAttempts)
                {
                    message.FailedAt = clock.GetUtcNow();
                    logger.LogError("Mail {Id} to {To} failed for good after {Attempts} attempts: {Error}", message.Id, message.To, message.Attempts, e.Message);
                }
                else
                {
                    var wait = Math.Min(3600, settings.RetryBaseSeconds * Math.Pow(2, message.Attempts - 1));
                    message.NextAttemptAt = clock.GetUtcNow().AddSeconds(wait);
                    logger.LogWarning("Mail {Id} to {To} failed (attempt {Attempts}); retrying in {Seconds:0} s: {Error}", message.Id, message.To, message.Attempts, wait, e.Message);
                }
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due.Count;
    }

    public static MailMessage ToMailMessage(OutboxMessage message, MailSettings settings)
    {
        var mail = new MailMessage
        {
            From = new MailAddress(settings.From),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            Body = message.TextBody,
            BodyEncoding = Encoding.UTF8,
            IsBodyHtml = false,
        };
        mail.To.Add(message.To);
        mail.Headers.Add("X-Normative-Outbox-Id", message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (message.HtmlBody is not null)
        {
            mail.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html));
        }
        foreach (var a in message.Attachments)
        {
            mail.Attachments.Add(new Attachment(new MemoryStream(a.Content), a.FileName, a.ContentType));
        }
        return mail;
    }
}
