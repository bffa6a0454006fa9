using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using Normative.Data;
using Normative.Features.Content.Updates;
using Normative.Mail;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// Sends what is due of every mailing: claims a batch of recipients, skips anyone who is no longer
/// subscribed at that moment, fills each reader's links into the text written once per language,
/// and hands the batch to the mail sender over one SMTP connection. Each mail is recorded as sent
/// as soon as the server accepts it, so a crash leaves at most the mail in flight unrecorded and a
/// restart sends only the rest (after the lease of the crashed batch runs out).
/// </summary>
public sealed class MailingSender(NormativeDb db, IMailSender sender, SubscriptionTokens tokens, IConfiguration configuration,
    IOptions<MailSettings> mail, IOptions<ContentOptions> options, TimeProvider clock, ILogger<MailingSender> logger)
{
    /// <returns>How many recipients were handled (sent, skipped, or given a later attempt).</returns>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        var settings = options.Value.Updates;
        var now = clock.GetUtcNow();
        var claimed = await MailingQueue.ClaimAsync(db, Math.Max(1, settings.MailingBatchSize), now, now.AddSeconds(Math.Max(1, settings.MailingLeaseSeconds)), ct);
        if (claimed.Count == 0)
        {
            return 0;
        }
        var subscriberIds = claimed.Select(c => c.SubscriberId).Distinct().ToList();
        var contentIds = claimed.Select(c => c.ContentId).Distinct().ToList();
        var subscribers = await db.Subscribers.AsNoTracking().Where(s => subscriberIds.Contains(s.Id))
            .Select(s => new { s.Id, s.Email, s.Language, s.Status }).ToDictionaryAsync(s => s.Id, ct);
        var contents = await db.MailingContents.AsNoTracking().Where(c => contentIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);

        // Unsubscribed since the mailing was queued: their turn is skipped, nothing is sent.
        var gone = claimed.Where(c => !subscribers.TryGetValue(c.SubscriberId, out var s) || s.Status != SubscriberStatus.Confirmed).ToList();
        if (gone.Count > 0)
        {
            await MailingQueue.SkipAsync(db, [.. gone.Select(g => g.MailingId)], [.. gone.Select(g => g.SubscriberId)], now, ct);
        }
        var batch = claimed.Except(gone).ToList();
        if (batch.Count == 0)
        {
            return claimed.Count;
        }

        var from = MailboxAddress.Parse(mail.Value.From);
        var messages = batch.Select(r =>
        {
            var s = subscribers[r.SubscriberId];
            var (preferences, unsubscribe) = MailingLinks.For(tokens, configuration, s.Id, s.Language);
            return Message(from, s.Email, contents[r.ContentId], r.MailingId, preferences, unsubscribe);
        }).ToList();
        var failures = new List<(MailingQueue.Claimed Recipient, Delivery Outcome)>();
        try
        {
            await sender.SendAsync(messages, async (i, outcome) =>
            {
                if (outcome.Status == DeliveryResult.Sent)
                {
                    // One statement per mail on purpose: recorded before the next one goes, so a crash never sends it twice.
                    await MailingQueue.MarkSentAsync(db, batch[i].MailingId, batch[i].SubscriberId, clock.GetUtcNow(), CancellationToken.None);
                }
                else
                {
                    failures.Add((batch[i], outcome));
                }
            }, ct);
        }
        finally
        {
            foreach (var message in messages)
            {
                message.Dispose();
            }
        }
        foreach (var (recipient, outcome) in failures)
        {
            var error = outcome.Error ?? "unknown error";
            error = error.Length > 2000 ? error[..2000] : error;
            var forGood = outcome.Status == DeliveryResult.Refused || recipient.Attempts >= mail.Value.MaxAttempts;
            var retry = clock.GetUtcNow().AddSeconds(Math.Min(3600, mail.Value.RetryBaseSeconds * Math.Pow(2, recipient.Attempts - 1)));
            logger.LogWarning("Mailing {Mailing} to subscriber {Subscriber} failed (attempt {Attempts}{ForGood}): {Error}",
                recipient.MailingId, recipient.SubscriberId, recipient.Attempts, forGood ? ", for good" : "", error);
            await MailingQueue.MarkFailedAsync(db, recipient.MailingId, recipient.SubscriberId, error, forGood ? clock.GetUtcNow() : null, retry, ct);
        }
        return claimed.Count;
    }

    private static MimeMessage Message(MailboxAddress from, string to, MailingContent content, long mailingId, string preferences, string unsubscribe)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = content.Subject;
        message.Headers.Add("X-Normative-Mailing-Id", mailingId.ToString(CultureInfo.InvariantCulture));
        // RFC 2369 and RFC 8058: the mail program's own "Unsubscribe" button POSTs to the signed link.
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        message.Body = new BodyBuilder
        {
            TextBody = MailingLinks.Fill(content.TextBody, preferences, unsubscribe),
            HtmlBody = MailingLinks.Fill(content.HtmlBody, preferences, unsubscribe),
        }.ToMessageBody();
        return message;
    }
}
