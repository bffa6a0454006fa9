using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Content.Articles;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// A newsletter from an article: written once per site language (the article's version in that
/// language, else English), then every confirmed subscriber of the chosen topics queued in one
/// INSERT … SELECT, all in one transaction; the mailing sender sends it.
/// </summary>
public static class Newsletters
{
    /// <returns>The mailing, with how many subscribers it was queued for.</returns>
    public static async Task<Mailing> QueueAsync(NormativeDb db, IStringLocalizer<ContentText> t, IConfiguration configuration, string organization,
        Article article, IReadOnlyList<string> topics, string? by, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var contents = Cultures.Supported.Select(c => Write(t, configuration, organization, article, c.Code)).OfType<MailingContent>().ToList();
        var mailing = new Mailing
        {
            Kind = MailingKind.Newsletter, ArticleId = article.Id, Topics = [.. topics], CreatedAt = now, CreatedBy = by,
            Subject = contents.FirstOrDefault(c => c.Language == "en")?.Subject ?? article.Slug,
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
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return mailing;
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

    /// <summary>The article with its versions, for <see cref="QueueAsync"/>.</summary>
    public static Task<Article?> FindAsync(NormativeDb db, string slug, CancellationToken ct = default) =>
        db.Articles.AsNoTracking().Include(a => a.Versions).FirstOrDefaultAsync(a => a.Slug == slug, ct);
}
