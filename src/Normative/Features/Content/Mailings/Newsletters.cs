using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Content.Articles;
using Normative.Features.Content.Updates;
using Normative.Features.Shared;
using Normative.Mail;
using Normative.Web;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// A newsletter from an article: written once per site language (the article's version in that
/// language, else English), then every confirmed subscriber of the chosen topics queued in one
/// INSERT … SELECT, all in one transaction; the mailing sender sends it.
/// </summary>
public static class Newsletters
{
    /// <param name="sendKey">The Editor's confirmation form's key: a second queuing with it fails on the unique index instead of sending twice.</param>
    /// <returns>The mailing, with how many subscribers it was queued for.</returns>
    public static async Task<Mailing> QueueAsync(NormativeDb db, IStringLocalizer<ContentText> t, IConfiguration configuration, string organization,
        Article article, IReadOnlyList<string> topics, string? by, DateTimeOffset now, Guid? sendKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var contents = Cultures.Supported.Select(c => Write(t, configuration, organization, article, c.Code)).OfType<MailingContent>().ToList();
        var mailing = new Mailing
        {
            Kind = MailingKind.Newsletter, ArticleId = article.Id, Topics = [.. topics], CreatedAt = now, CreatedBy = by,
            Subject = contents.FirstOrDefault(c => c.Language == "en")?.Subject ?? article.Slug, SendKey = sendKey,
        };
        db.Mailings.Add(mailing);
        await db.SaveChangesAsync(ct);
        foreach (var content in contents)
        {
            content.MailingId = mailing.Id;
        }
        db.MailingContents.AddRange(contents);
        await db.SaveChangesAsync(ct);
        mailing.Recipients = await MailingQueue.QueueNewsletterAsync(db, mailing.Id, [.. topics], ct);
        db.ArticleEvents.Add(new ArticleEvent
        {
            ArticleId = article.Id, At = now, By = by, Kind = ArticleEventKind.NewsletterSent,
            Note = string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", topics)}: {mailing.Recipients}"),
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return mailing;
    }

    /// <summary>
    /// Sends the newsletter in <paramref name="language"/> to the Editor alone, through the outbox as
    /// the site's other mails go, its subject marked as a test, and records the test in the article's
    /// history (a newsletter goes out only after one). The links to manage a subscription are the
    /// Editor's own when they subscribe, else the sign-up page's.
    /// </summary>
    public static async Task SendTestAsync(NormativeDb db, IStringLocalizer<ContentText> t, IConfiguration configuration, SubscriptionTokens tokens,
        string organization, Article article, string language, string to, string? by, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(to);
        var content = Write(t, configuration, organization, article, language)
            ?? throw new InvalidOperationException($"Article {article.Id} has no version to send.");
        var address = to.ToLowerInvariant();
        var own = await db.Subscribers.AsNoTracking().Where(s => s.Email == address).Select(s => new { s.Id, s.Language }).FirstOrDefaultAsync(ct);
        var signUp = SiteLinks.Mail(configuration, ContentLinks.Updates);
        var (preferences, unsubscribe) = own is null ? (signUp, signUp) : MailingLinks.For(tokens, configuration, own.Id, own.Language);
        string subject;
        using (CultureScope.Use(language))
        {
            subject = t["Newsletter.TestSubject", content.Subject].Value;
        }
        Outbox.Enqueue(db, to, subject, MailingLinks.Fill(content.TextBody, preferences, unsubscribe), MailingLinks.Fill(content.HtmlBody, preferences, unsubscribe));
        db.ArticleEvents.Add(new ArticleEvent { ArticleId = article.Id, At = now, By = by, Kind = ArticleEventKind.NewsletterTested, Note = $"{to} ({language})" });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The newsletter in one language, or null when the article has no version to show in it.</summary>
    public static MailingContent? Write(IStringLocalizer<ContentText> t, IConfiguration configuration, string organization, Article article, string language)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(article);
        var summary = ArticleQueries.Summary(article, language);
        if (summary is null)
        {
            return null;
        }
        using var _ = CultureScope.Use(language);
        static string H(string s) => WebUtility.HtmlEncode(s);
        var link = SiteLinks.Mail(configuration, ContentLinks.Article(article.Slug));
        var read = t["Mail.Newsletter.Read"].Value;
        var why = t["Mail.Newsletter.Why", organization].Value;
        var preferences = t["Mail.Preferences.Action"].Value;
        var unsubscribe = t["Mail.Unsubscribe.Action"].Value;
        var signature = t["Mail.Signature", organization].Value;
        var text = $"{summary.Title}\n\n{summary.Summary}\n\n{read}:\n{link}\n\n{why}\n\n{preferences}:\n{MailingLinks.PreferencesPlaceholder}\n\n"
            + $"{unsubscribe}:\n{MailingLinks.UnsubscribePlaceholder}\n\n{signature}\n";
        var html = $"<h1>{H(summary.Title)}</h1>\n<p>{H(summary.Summary)}</p>\n<p><a href=\"{H(link)}\">{H(read)}</a></p>\n<hr>\n<p>{H(why)}</p>\n"
            + $"<p><a href=\"{MailingLinks.PreferencesPlaceholder}\">{H(preferences)}</a> · <a href=\"{MailingLinks.UnsubscribePlaceholder}\">{H(unsubscribe)}</a></p>\n"
            + $"<p>{H(signature)}</p>\n";
        return new MailingContent { Language = language, Subject = summary.Title, TextBody = text, HtmlBody = html };
    }

    /// <summary>The article with its versions and history, for the Editors' newsletter page.</summary>
    public static Task<Article?> FindAsync(NormativeDb db, int id, CancellationToken ct = default) =>
        db.Articles.AsNoTracking().Include(a => a.Versions).Include(a => a.Events).AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The article with its versions, for <see cref="QueueAsync"/>.</summary>
    public static Task<Article?> FindAsync(NormativeDb db, string slug, CancellationToken ct = default) =>
        db.Articles.AsNoTracking().Include(a => a.Versions).FirstOrDefaultAsync(a => a.Slug == slug, ct);
}
