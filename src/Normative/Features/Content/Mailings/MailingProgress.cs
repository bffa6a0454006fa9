using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// How far a mailing has gone: its recipients sent, skipped (unsubscribed in the meantime), failed for
/// good and still to go, with the first mail's time and, once nothing is left, the last one's.
/// </summary>
public sealed record MailingProgress(long MailingId, int Total, int Sent, int Skipped, int Failed, DateTimeOffset? FirstSentAt, DateTimeOffset? LastDoneAt)
{
    public int Pending => Total - Sent - Skipped - Failed;

    /// <summary>Recipients dealt with, one way or another: the progress bar's value.</summary>
    public int Done => Sent + Skipped + Failed;

    public bool Finished => Pending == 0;

    public static MailingProgress Empty(long mailingId) => new(mailingId, 0, 0, 0, 0, null, null);

    /// <summary>The progress of each of <paramref name="mailingIds"/>, in one grouped query (a mailing without recipients has none in the answer).</summary>
    public static Task<Dictionary<long, MailingProgress>> ForAsync(NormativeDb db, IReadOnlyCollection<long> mailingIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = mailingIds.ToList();
        return db.MailingRecipients.AsNoTracking()
            .Where(r => ids.Contains(r.MailingId))
            .GroupBy(r => r.MailingId)
            .Select(g => new MailingProgress(g.Key, g.Count(), g.Count(r => r.SentAt != null), g.Count(r => r.SkippedAt != null), g.Count(r => r.FailedAt != null),
                g.Min(r => r.SentAt), g.Max(r => r.SentAt ?? r.SkippedAt ?? r.FailedAt)))
            .ToDictionaryAsync(p => p.MailingId, ct);
    }
}
