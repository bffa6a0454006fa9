using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Content.Articles;
using Normative.Features.Content.Updates;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// The digest of one period (a day or an ISO week): for each confirmed subscriber of that frequency,
/// what is new in their topics since their last digest — articles (topic "news"), publications and
/// withdrawals (all, or of their sectors, ICS fields and committees, each listed once however many
/// topics take it) — in their language. The text is written once per language, topics and period start,
/// and the recipients are queued in one statement; a subscriber with nothing new gets no mail.
/// The period's mailing row has a unique key, so however many nodes run this, one of them makes it.
/// </summary>
public static class Digests
{
    /// <summary>Items read per kind before cutting to topics; a digest lists <see cref="DigestWriter.MaxPerSection"/> of each and counts the rest.</summary>
    private const int MaxCandidates = 2000;

    public static string PeriodKey(DigestFrequency frequency, DateTimeOffset now)
    {
        var day = now.UtcDateTime;
        return frequency == DigestFrequency.Daily
            ? string.Create(CultureInfo.InvariantCulture, $"digest:daily:{day:yyyy-MM-dd}")
            : string.Create(CultureInfo.InvariantCulture, $"digest:weekly:{ISOWeek.GetYear(day)}-W{ISOWeek.GetWeekOfYear(day):00}");
    }

    public static TimeSpan Length(DigestFrequency frequency) => frequency == DigestFrequency.Daily ? TimeSpan.FromDays(1) : TimeSpan.FromDays(7);

    /// <returns>How many subscribers the digest was queued for (0 when this period's digest exists already or nobody has anything new).</returns>
    public static async Task<int> RunAsync(NormativeDb db, IStringLocalizer<ContentText> t, IStringLocalizer<SiteText> site, IConfiguration configuration, string organization,
        DigestFrequency frequency, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var key = PeriodKey(frequency, now);
        var frequencyName = frequency.ToString();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A second node waits here for the first one's commit, then finds the key taken.
        var created = await db.Database.SqlQuery<long>($"""
            INSERT INTO mailings (kind, period_key, topics, subject, created_at, recipients)
            VALUES ('Digest', {key}, {Array.Empty<string>()}, {key}, {now}, 0)
            ON CONFLICT (period_key) DO NOTHING
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        if (created.Count == 0)
        {
            return 0;
        }
        var mailingId = created[0];
        var defaultSince = now - Length(frequency);
        var groups = await db.Database.SqlQuery<DigestGroup>($"""
            SELECT DISTINCT language AS "Language", topics AS "Topics", coalesce(last_digest_at, {defaultSince}) AS "Since"
            FROM subscribers WHERE status = 'Confirmed' AND digest_frequency = {frequencyName}
            """).ToListAsync(ct);
        var queued = 0;
        if (groups.Count > 0)
        {
            var earliest = groups.Min(g => g.Since);
            // The ICS codes and committees of every group's topics, read once for all of them.
            var topics = await TopicLookup.LoadAsync(db, groups.SelectMany(g => g.Topics).Distinct(), ct);
            var candidates = await CandidatesAsync(db, earliest, now, groups.Select(g => g.Language).Distinct().ToList(), topics.CommitteeReferences, ct);
            var contents = new List<MailingContent>();
            foreach (var group in groups)
            {
                var items = candidates.For(group.Topics, group.Language, group.Since);
                if (items.IsEmpty)
                {
                    continue;
                }
                List<string> names;
                using (CultureScope.Use(group.Language))
                {
                    names = group.Topics.Select(topic => topics.Name(topic, group.Language, t, site)).ToList();
                }
                var (subject, text, html) = DigestWriter.Write(t, configuration, organization, group.Language, group.Since, names, items);
                contents.Add(new MailingContent
                {
                    MailingId = mailingId, Language = group.Language, Topics = [.. group.Topics], Since = group.Since,
                    Subject = subject, TextBody = text, HtmlBody = html,
                });
            }
            if (contents.Count > 0)
            {
                db.MailingContents.AddRange(contents);
                await db.SaveChangesAsync(ct);
                queued = await MailingQueue.QueueDigestAsync(db, mailingId, frequencyName, defaultSince, ct);
            }
            await db.Subscribers.Where(s => s.Status == SubscriberStatus.Confirmed && s.DigestFrequency == frequency)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastDigestAt, now), ct);
        }
        await db.Mailings.Where(m => m.Id == mailingId).ExecuteUpdateAsync(u => u.SetProperty(m => m.Recipients, queued), ct);
        await tx.CommitAsync(ct);
        return queued;
    }

    private static async Task<Candidates> CandidatesAsync(NormativeDb db, DateTimeOffset since, DateTimeOffset until, List<string> languages,
        IReadOnlyDictionary<string, string> committees, CancellationToken ct)
    {
        var articles = await ArticleQueries.Live(db, until)
            .Where(a => a.PublishAt > since)
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
            .Take(MaxCandidates)
            .Include(a => a.Versions.Where(v => languages.Contains(v.Language) || v.Language == "en"))
            .AsSplitQuery()
            .ToListAsync(ct);
        // Publication dates are days: a digest covers the days before the one it is made on.
        var from = DateOnly.FromDateTime(since.UtcDateTime);
        var to = DateOnly.FromDateTime(until.UtcDateTime);
        var published = await db.Deliverables.AsNoTracking()
            .Where(d => d.Status == DeliverableStatus.Published && d.PublicationDate >= from && d.PublicationDate < to)
            .OrderByDescending(d => d.PublicationDate).ThenBy(d => d.SortKey)
            .Take(MaxCandidates)
            .ToListAsync(ct);
        var withdrawals = await db.DeliverableWithdrawals.AsNoTracking()
            .Where(w => w.At > since && w.At <= until)
            .OrderByDescending(w => w.At)
            .Take(MaxCandidates)
            .Join(db.Deliverables, w => w.DeliverableId, d => d.Id, (w, d) => new { w.At, Deliverable = d })
            .ToListAsync(ct);
        var sectors = await db.SectorMappings.AsNoTracking().ToDictionaryAsync(s => s.Slug, ct);
        return new Candidates(articles, published, withdrawals.Select(w => (w.At, w.Deliverable)).ToList(), sectors, committees);
    }

    private sealed record DigestGroup(string Language, string[] Topics, DateTimeOffset Since);

    private sealed record Candidates(List<Article> Articles, List<Deliverable> Published, List<(DateTimeOffset At, Deliverable Deliverable)> Withdrawn,
        Dictionary<string, SectorMapping> Sectors, IReadOnlyDictionary<string, string> Committees)
    {
        public DigestItems For(string[] topics, string language, DateTimeOffset since)
        {
            var from = DateOnly.FromDateTime(since.UtcDateTime);
            var articles = topics.Contains(UpdateTopics.News)
                ? Articles.Where(a => a.PublishAt > since).Select(a => ArticleQueries.Summary(a, language)).OfType<ArticleSummary>().ToList()
                : [];
            var published = Published.Where(d => d.PublicationDate >= from && DigestRules.Covers(topics, d, Sectors, Committees)).ToList();
            var withdrawn = Withdrawn.Where(w => w.At > since && DigestRules.Covers(topics, w.Deliverable, Sectors, Committees)).Select(w => w.Deliverable)
                .DistinctBy(d => d.Id).ToList();
            return new DigestItems(articles, published, withdrawn);
        }
    }
}
