using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Normative.Data;

namespace Normative.Mail;

/// <summary>
/// Sends the mail that is due. Rows are claimed with FOR UPDATE SKIP LOCKED and stay locked while
/// they are sent, so workers on several instances never send one mail twice.
/// </summary>
public sealed class OutboxProcessor(NormativeDb db, IMailSender sender, IOptions<MailSettings> options, TimeProvider clock, ILogger<OutboxProcessor> logger)
{
    /// <summary>The header that names the outbox row a mail was sent from.</summary>
    public const string IdHeader = "X-Normative-Outbox-Id";

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

        // A mail that cannot even be written (an address MimeKit cannot parse, a broken header) fails on
        // its own, for good: it would fail the same way at every attempt, and must not hold up the rest.
        // The sender's own address is the site's setting, not the message's: a bad one stops the whole
        // batch here, unsent, until it is corrected, rather than failing every mail for good.
        var from = MailboxAddress.Parse(settings.From);
        var writable = new List<OutboxMessage>();
        var mails = new List<MimeMessage>();
        foreach (var message in due)
        {
            try
            {
                mails.Add(ToMimeMessage(message, from));
                writable.Add(message);
            }
            catch (Exception e) when (e is ParseException or FormatException or ArgumentException)
            {
                message.Attempts++;
                message.FailedAt = clock.GetUtcNow();
                message.LastError = "The mail could not be written: " + e.Message;
                logger.LogError("Mail {Id} to {To} cannot be written and is not sent: {Error}", message.Id, message.To, e.Message);
            }
        }
        var handled = due.Count;
        due = writable;

        // One connection for the whole batch; each mail gets its own outcome.
        IReadOnlyList<Delivery> outcomes = [];
        try
        {
            if (mails.Count > 0)
            {
                outcomes = await sender.SendAsync(mails, ct);
            }
        }
        finally
        {
            foreach (var mail in mails)
            {
                mail.Dispose();
            }
        }
        for (var i = 0; i < due.Count; i++)
        {
            var message = due[i];
            var outcome = outcomes[i];
            message.Attempts++;
            if (outcome.Status == DeliveryResult.Sent)
            {
                message.SentAt = clock.GetUtcNow();
                message.LastError = null;
                continue;
            }
            var error = outcome.Error ?? "unknown error";
            message.LastError = error.Length > 2000 ? error[..2000] : error;
            if (outcome.Status == DeliveryResult.Refused)
            {
                // A permanent refusal (5xx) will not change by trying again.
                message.FailedAt = clock.GetUtcNow();
                logger.LogError("Mail {Id} to {To} was refused by the mail server: {Error}", message.Id, message.To, error);
            }
            else if (message.Attempts >= settings.MaxAttempts)
            {
                message.FailedAt = clock.GetUtcNow();
                logger.LogError("Mail {Id} to {To} failed for good after {Attempts} attempts: {Error}", message.Id, message.To, message.Attempts, error);
            }
            else
            {
                var wait = Math.Min(3600, settings.RetryBaseSeconds * Math.Pow(2, message.Attempts - 1));
                message.NextAttemptAt = clock.GetUtcNow().AddSeconds(wait);
                logger.LogWarning("Mail {Id} to {To} failed (attempt {Attempts}); retrying in {Seconds:0} s: {Error}", message.Id, message.To, message.Attempts, wait, error);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return handled;
    }

    public static MimeMessage ToMimeMessage(OutboxMessage message, MailSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ToMimeMessage(message, MailboxAddress.Parse(settings.From));
    }

    public static MimeMessage ToMimeMessage(OutboxMessage message, MailboxAddress from)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(from);
        var mail = new MimeMessage();
        mail.From.Add(from);
        mail.To.Add(MailboxAddress.Parse(message.To));
        mail.Subject = message.Subject;
        mail.Headers.Add(IdHeader, message.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // The mail is marked sent only after it went out, in the transaction that claimed it: a crash in
        // between sends it again. The same Message-ID on every attempt lets mail clients drop the copy.
        mail.MessageId = $"outbox-{message.Id}.{message.CreatedAt.ToUnixTimeMilliseconds()}@{(from.Domain is { Length: > 0 } domain ? domain : "localhost")}";
        foreach (var line in (message.Headers ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                mail.Headers.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var a in message.Attachments)
        {
            body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        }
        mail.Body = body.ToMessageBody();
        return mail;
    }
}
