using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// The SQL of mailing delivery, set-based where it counts: recipients are queued with one
/// INSERT … SELECT (100,000 rows in a statement, not 100,000 statements), and claimed in batches
/// with FOR UPDATE SKIP LOCKED so that several senders (app nodes) share the work without overlap.
/// </summary>
public static class MailingQueue
{
    public sealed record Claimed(long MailingId, long SubscriberId, long ContentId, int Attempts);

    // Recipients are due at once (the database's clock: a digest may be made for another moment than now).

    /// <summary>
    /// Queues every confirmed subscriber with one of <paramref name="topics"/> for a newsletter, each
    /// with the content of their language (or English); the key skips anyone already queued.
    /// </summary>
    public static Task<int> QueueNewsletterAsync(NormativeDb db, long mailingId, string[] topics, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO mailing_recipients (mailing_id, subscriber_id, content_id, next_attempt_at, attempts)
            SELECT {mailingId}, s.id, coalesce(c.id, en.id), now(), 0
            FROM subscribers s
            JOIN mailing_contents en ON en.mailing_id = {mailingId} AND en.language = 'en'
            LEFT JOIN mailing_contents c ON c.mailing_id = {mailingId} AND c.language = s.language
            WHERE s.status = 'Confirmed' AND s.topics && {topics}
            ON CONFLICT DO NOTHING
            """, ct);

    /// <summary>How many subscribers <see cref="QueueNewsletterAsync"/> would queue now for <paramref name="topics"/>: the same condition, counted.</summary>
    public static Task<int> CountNewsletterAsync(NormativeDb db, string[] topics, CancellationToken ct) =>
        db.Database.SqlQuery<int>($"""
            SELECT count(*)::integer AS "Value" FROM subscribers s WHERE s.status = 'Confirmed' AND s.topics && {topics}
            """).SingleAsync(ct);

    /// <summary>
    /// Queues a digest: each confirmed subscriber of the frequency whose language, topics and period
    /// start have a content written for them (a group with nothing new has none, so gets no mail).
    /// </summary>
    public static Task<int> QueueDigestAsync(NormativeDb db, long mailingId, string frequency, DateTimeOffset defaultSince, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO mailing_recipients (mailing_id, subscriber_id, content_id, next_attempt_at, attempts)
            SELECT {mailingId}, s.id, c.id, now(), 0
            FROM subscribers s
            JOIN mailing_contents c ON c.mailing_id = {mailingId} AND c.language = s.language AND c.topics = s.topics
                AND c.since = coalesce(s.last_digest_at, {defaultSince})
            WHERE s.status = 'Confirmed' AND s.digest_frequency = {frequency}
            ON CONFLICT DO NOTHING
            """, ct);

    /// <summary>
    /// Claims up to <paramref name="size"/> due recipients and moves their next attempt to
    /// <paramref name="leaseUntil"/> (committed at once): if this sender dies, they are due again then.
    /// </summary>
    public static Task<List<Claimed>> ClaimAsync(NormativeDb db, int size, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct) =>
        db.Database.SqlQuery<Claimed>($"""
            UPDATE mailing_recipients r SET next_attempt_at = {leaseUntil}, attempts = r.attempts + 1
            FROM (SELECT mailing_id, subscriber_id FROM mailing_recipients
                  WHERE sent_at IS NULL AND skipped_at IS NULL AND failed_at IS NULL AND next_attempt_at <= {now}
                  ORDER BY next_attempt_at, mailing_id, subscriber_id
                  LIMIT {size}
                  FOR UPDATE SKIP LOCKED) due
            WHERE r.mailing_id = due.mailing_id AND r.subscriber_id = due.subscriber_id
            RETURNING r.mailing_id AS "MailingId", r.subscriber_id AS "SubscriberId", r.content_id AS "ContentId", r.attempts AS "Attempts"
            """).ToListAsync(ct);

    /// <summary>Recorded the moment the server accepted it, before the next mail goes, so a crash cannot send it again.</summary>
    public static Task MarkSentAsync(NormativeDb db, long mailingId, long subscriberId, DateTimeOffset at, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE mailing_recipients SET sent_at = {at}, last_error = NULL WHERE mailing_id = {mailingId} AND subscriber_id = {subscriberId}
            """, ct);

    public static Task SkipAsync(NormativeDb db, long[] mailingIds, long[] subscriberIds, DateTimeOffset at, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE mailing_recipients r SET skipped_at = {at}
            FROM unnest({mailingIds}, {subscriberIds}) AS k(mailing_id, subscriber_id)
            WHERE r.mailing_id = k.mailing_id AND r.subscriber_id = k.subscriber_id
            """, ct);

    /// <summary>A failed delivery: for good (<paramref name="failedAt"/> set) or again at <paramref name="retryAt"/>.</summary>
    public static Task MarkFailedAsync(NormativeDb db, long mailingId, long subscriberId, string error, DateTimeOffset? failedAt, DateTimeOffset retryAt, CancellationToken ct) =>
        db.Database.ExecuteSqlAsync($"""
            UPDATE mailing_recipients SET last_error = {error}, failed_at = {failedAt}, next_attempt_at = {retryAt}
            WHERE mailing_id = {mailingId} AND subscriber_id = {subscriberId}
            """, ct);
}
