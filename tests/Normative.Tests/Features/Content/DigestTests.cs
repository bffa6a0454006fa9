using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Content;
using Normative.Features.Content.Articles;
using Normative.Features.Content.Mailings;
using Normative.Features.Content.Updates;
using Normative.Features.Shared;
using Normative.Mail;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

/// <summary>
/// The digest job and the mailing sender on a database of their own. Each test makes its digest for
/// a period of its own, weeks away from every other test's, so their articles never meet.
/// </summary>
public class DigestTests(MailingsFactory factory) : IClassFixture<MailingsFactory>
{
    private static int _period;
    private static int _deliverable = 880_000_000;
    private static int _committee = 88_000;

    /// <summary>A moment in a week no other test uses.</summary>
    private static DateTimeOffset NewPeriod() =>
        new DateTimeOffset(2031, 1, 8, 12, 0, 0, TimeSpan.Zero).AddDays(21 * Interlocked.Increment(ref _period));

    private static string NewAddress() => $"digest-{Guid.NewGuid():N}@example.org";

    private Task<Subscriber> SubscribedAsync(string language, params string[] topics) => SubscribedAsync(DigestFrequency.Weekly, language, topics);

    private Task<Subscriber> SubscribedAsync(DigestFrequency frequency, string language, params string[] topics) =>
        factory.WithDbAsync(async db =>
        {
            var subscriber = new Subscriber
            {
                Email = NewAddress(), Language = language, Topics = [.. topics], Status = SubscriberStatus.Confirmed, DigestFrequency = frequency,
                CreatedAt = DateTimeOffset.UtcNow, ConfirmedAt = DateTimeOffset.UtcNow, ConfirmationNonce = "n", ConfirmationSentAt = DateTimeOffset.UtcNow,
            };
            db.Subscribers.Add(subscriber);
            await db.SaveChangesAsync();
            return subscriber;
        });

    private Task<Article> PublishedArticleAsync(DateTimeOffset at, string titleEn, string? titleFr = null) =>
        factory.WithDbAsync(async db =>
        {
            var article = new Article { Slug = "digest-" + Guid.NewGuid().ToString("N")[..12], Kind = ArticleKind.News, Status = ArticleStatus.Published, PublishAt = at, CreatedAt = at, UpdatedAt = at };
            article.Versions.Add(new ArticleVersion { Language = "en", Title = titleEn, Summary = "Summary of " + titleEn, Body = "Body", UpdatedAt = at });
            if (titleFr is not null)
            {
                article.Versions.Add(new ArticleVersion { Language = "fr", Title = titleFr, Summary = "Résumé de " + titleFr, Body = "Corps", UpdatedAt = at });
            }
            db.Articles.Add(article);
            await db.SaveChangesAsync();
            return article;
        });

    private Task<Deliverable> PublishedStandardAsync(DateOnly date, string ics, string titleEn, string? titleFr = null) =>
        factory.WithDbAsync(async db =>
        {
            var id = Interlocked.Increment(ref _deliverable);
            var d = new Deliverable { Id = id, DeliverableType = "IS", Reference = $"ISO {id}:{date.Year}", TitleEn = titleEn, TitleFr = titleFr, CurrentStage = 6060, PublicationDate = date, IcsCodes = [ics] };
            db.Deliverables.Add(d);
            await db.SaveChangesAsync();
            return d;
        });

    private Task<Deliverable> StandardOfAsync(DateOnly date, string ics, string? committee, string titleEn) =>
        factory.WithDbAsync(async db =>
        {
            var id = Interlocked.Increment(ref _deliverable);
            var d = new Deliverable { Id = id, DeliverableType = "IS", Reference = $"ISO {id}:{date.Year}", TitleEn = titleEn, CurrentStage = 6060, PublicationDate = date, IcsCodes = [ics], OwnerCommittee = committee };
            db.Deliverables.Add(d);
            await db.SaveChangesAsync();
            return d;
        });

    /// <summary>A committee of this test's own, and the ICS codes the tests name (this class's database has no catalogue).</summary>
    private Task<Committee> CommitteeAsync(string title) =>
        factory.WithDbAsync(async db =>
        {
            if (!await db.IcsCodes.AnyAsync(i => i.Code == "13"))
            {
                db.IcsCodes.AddRange(
                    new IcsCode { Code = "13", Title = "Environment. Health protection. Safety" },
                    new IcsCode { Code = "13.020", Parent = "13", Title = "Environmental protection" });
            }
            var committee = new Committee { Reference = $"ISO/TC {Interlocked.Increment(ref _committee)}", TitleEn = title };
            db.Committees.Add(committee);
            await db.SaveChangesAsync();
            return committee;
        });

    private static int Occurrences(string text, string part) => text.Split(part).Length - 1;

    private Task<int> DigestAsync(DigestFrequency frequency, DateTimeOffset now) =>
        factory.WithDbAsync(db => Digests.RunAsync(db, factory.Services.GetRequiredService<IStringLocalizer<ContentText>>(),
            factory.Services.GetRequiredService<IStringLocalizer<SiteText>>(), factory.Services.GetRequiredService<IConfiguration>(), "Normative", frequency, now));

    /// <summary>Runs the sender until nothing is due (as the worker does).</summary>
    private async Task SendAllAsync(IMailSender? sender = null, TimeProvider? clock = null)
    {
        while (await factory.WithDbAsync(db => Sender(db, sender, clock).SendDueAsync(CancellationToken.None)) > 0)
        {
        }
    }

    private MailingSender Sender(NormativeDb db, IMailSender? sender = null, TimeProvider? clock = null)
    {
        var s = factory.Services;
        return new MailingSender(db, sender ?? s.GetRequiredService<IMailSender>(), s.GetRequiredService<SubscriptionTokens>(), s.GetRequiredService<IConfiguration>(),
            s.GetRequiredService<IOptions<MailSettings>>(), s.GetRequiredService<IOptions<ContentOptions>>(), clock ?? TimeProvider.System,
            s.GetRequiredService<ILogger<MailingSender>>());
    }

    private List<MimeMessage> MailsTo(string email) =>
        (Directory.Exists(factory.MailDirectory) ? Directory.GetFiles(factory.MailDirectory, "*.eml") : [])
            .Select(f => MimeMessage.Load(f))
            .Where(m => m.To.ToString().Contains(email, StringComparison.OrdinalIgnoreCase))
            .ToList();

    [Fact]
    public async Task ADigestListsWhatIsNewInTheReadersTopicsInTheirLanguage()
    {
        var now = NewPeriod();
        var french = await SubscribedAsync("fr", UpdateTopics.News, UpdateTopics.Publications);
        var energy = await SubscribedAsync("en", "sector:energy");
        await PublishedArticleAsync(now.AddHours(-2), "Wind turbines get a new standard", "Les éoliennes ont une nouvelle norme");
        await PublishedArticleAsync(now.AddDays(-30), "An old story", "Une vieille histoire");
        var solar = await PublishedStandardAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), "27.160", "Solar energy — Vocabulary", "Énergie solaire — Vocabulaire");
        var food = await PublishedStandardAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-2), "67.050", "Food — Sampling", "Alimentation — Échantillonnage");

        Assert.True(await DigestAsync(DigestFrequency.Weekly, now) >= 2);
        await SendAllAsync();

        var fr = Assert.Single(MailsTo(french.Email));
        Assert.Equal("Normative : les nouveautés", fr.Subject);
        Assert.Contains("Les éoliennes ont une nouvelle norme", fr.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Une vieille histoire", fr.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{solar.Reference} — Énergie solaire — Vocabulaire", fr.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{food.Reference} — Alimentation — Échantillonnage", fr.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nouvelles publications", fr.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("/updates/preferences?token=", fr.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("{{", fr.TextBody + fr.HtmlBody, StringComparison.Ordinal);

        // Energy only: the solar standard (ICS 27), not the food one, and no news.
        var en = Assert.Single(MailsTo(energy.Email));
        Assert.Equal("Normative: what is new", en.Subject);
        Assert.Contains("Solar energy — Vocabulary", en.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Food — Sampling", en.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Wind turbines", en.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWithdrawalIsRecordedWhenTheStageBecomes9599AndListedInTheNextDigest()
    {
        var now = NewPeriod();
        var reader = await SubscribedAsync("en", UpdateTopics.Publications);
        var old = await PublishedStandardAsync(new DateOnly(2001, 1, 1), "01.040", "Widgets of old");
        await factory.WithDbAsync(async db =>
        {
            await db.Deliverables.Where(d => d.Id == old.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.CurrentStage, 9599));
            // The trigger writes the real time; this test's digest is for a week of its own.
            return await db.DeliverableWithdrawals.Where(w => w.DeliverableId == old.Id).ExecuteUpdateAsync(u => u.SetProperty(w => w.At, now.AddHours(-1)));
        });

        await DigestAsync(DigestFrequency.Weekly, now);
        await SendAllAsync();

        var mail = Assert.Single(MailsTo(reader.Email));
        Assert.Contains("== Withdrawn ==", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{old.Reference} — Widgets of old", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingNewMeansNoMailAndTheNextDigestStartsFromThisOne()
    {
        var now = NewPeriod();
        var reader = await SubscribedAsync("en", UpdateTopics.News);

        await DigestAsync(DigestFrequency.Weekly, now);
        await SendAllAsync();

        Assert.Empty(MailsTo(reader.Email));
        Assert.False(await factory.WithDbAsync(db => db.MailingRecipients.AnyAsync(r => r.SubscriberId == reader.Id)));
        Assert.Equal(now, (await factory.WithDbAsync(db => db.Subscribers.SingleAsync(s => s.Id == reader.Id))).LastDigestAt);

        // A week later: only what came after the last digest.
        await PublishedArticleAsync(now.AddHours(-1), "Before the last digest");
        await PublishedArticleAsync(now.AddDays(3), "After the last digest");
        await DigestAsync(DigestFrequency.Weekly, now.AddDays(7));
        await SendAllAsync();
        var mail = Assert.Single(MailsTo(reader.Email));
        Assert.Contains("After the last digest", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Before the last digest", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoRunnersAtOnceMakeOnePeriodsDigestOnce()
    {
        var now = NewPeriod();
        var reader = await SubscribedAsync("en", UpdateTopics.News);
        await PublishedArticleAsync(now.AddHours(-1), "Once only");

        var runs = await Task.WhenAll(DigestAsync(DigestFrequency.Weekly, now), DigestAsync(DigestFrequency.Weekly, now));
        Assert.Contains(0, runs);
        Assert.True(runs.Max() >= 1);
        await SendAllAsync();

        var key = Digests.PeriodKey(DigestFrequency.Weekly, now);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Mailings.CountAsync(m => m.PeriodKey == key)));
        Assert.Single(MailsTo(reader.Email));
        // A third run later in the same week changes nothing.
        Assert.Equal(0, await DigestAsync(DigestFrequency.Weekly, now.AddHours(5)));
    }

    [Fact]
    public async Task AReaderWhoUnsubscribedAfterTheDigestWasQueuedIsSkipped()
    {
        var now = NewPeriod();
        var stays = await SubscribedAsync("en", UpdateTopics.News);
        var leaves = await SubscribedAsync("en", UpdateTopics.News);
        await PublishedArticleAsync(now.AddHours(-1), "Read by one");
        await DigestAsync(DigestFrequency.Weekly, now);

        await factory.WithDbAsync(async db =>
        {
            var s = await db.Subscribers.SingleAsync(x => x.Id == leaves.Id);
            Subscriptions.Unsubscribe(s, DateTimeOffset.UtcNow, null, "test");
            return await db.SaveChangesAsync();
        });
        await SendAllAsync();

        Assert.Single(MailsTo(stays.Email));
        Assert.Empty(MailsTo(leaves.Email));
        var row = await factory.WithDbAsync(db => db.MailingRecipients.SingleAsync(r => r.SubscriberId == leaves.Id));
        Assert.NotNull(row.SkippedAt);
        Assert.Null(row.SentAt);
    }

    [Fact]
    public async Task AfterACrashMidBatchTheRestIsSentAndNobodyTwice()
    {
        var now = NewPeriod();
        var readers = new List<Subscriber>();
        for (var i = 0; i < 3; i++)
        {
            // Daily: the only readers of this digest, whatever other tests left in the database.
            readers.Add(await SubscribedAsync(DigestFrequency.Daily, "en", "sector:diversity"));
        }
        var diversity = await factory.WithDbAsync(db => db.SectorMappings.SingleAsync(m => m.Slug == "diversity"));
        await PublishedStandardAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), diversity.IcsCodes[^1] + ".10", "Inclusive design");
        Assert.Equal(3, await DigestAsync(DigestFrequency.Daily, now));

        // The process dies after the server accepted the first mail of the batch (of 3).
        var dying = new DyingSender(factory.Services.GetRequiredService<IMailSender>(), acceptBeforeDeath: 1);
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDbAsync(db => Sender(db, dying).SendDueAsync(CancellationToken.None)));
        Assert.Equal(1, readers.Sum(r => MailsTo(r.Email).Count));

        // Restarted before the lease ran out: the crashed batch is still someone's.
        await SendAllAsync();
        Assert.Equal(1, readers.Sum(r => MailsTo(r.Email).Count));

        // Once the lease has run out, the rest goes.
        await SendAllAsync(clock: new ShiftedClock(TimeSpan.FromHours(1)));
        Assert.All(readers, r => Assert.Single(MailsTo(r.Email)));
        Assert.All(await factory.WithDbAsync(db => db.MailingRecipients.Where(r => readers.Select(x => x.Id).Contains(r.SubscriberId)).ToListAsync()),
            r => Assert.NotNull(r.SentAt));
    }

    [Fact]
    public async Task EveryDigestCarriesListUnsubscribeAndItsOneClickPostUnsubscribes()
    {
        var now = NewPeriod();
        var reader = await SubscribedAsync("es", UpdateTopics.News);
        await PublishedArticleAsync(now.AddHours(-1), "Headers");
        await DigestAsync(DigestFrequency.Weekly, now);
        await SendAllAsync();

        var mail = Assert.Single(MailsTo(reader.Email));
        Assert.Equal("Normative: novedades", mail.Subject);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        var link = new Uri(mail.Headers["List-Unsubscribe"]!.Trim('<', '>'));
        Assert.StartsWith("/updates/unsubscribe", link.AbsolutePath, StringComparison.Ordinal);
        Assert.Contains(link.AbsoluteUri, mail.TextBody, StringComparison.Ordinal);

        var client = factory.Browser();
        var preferences = Mailbox.LinkIn(EmlReader.Read(mail), "/updates/preferences");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(preferences)).StatusCode);
        var oneClick = await client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await factory.WithDbAsync(db => db.Subscribers.SingleAsync(s => s.Id == reader.Id))).Status);
    }

    [Fact]
    public async Task ANewsletterFromAnArticleGoesOnceToEachSubscriberOfTheChosenTopicsInTheirLanguage()
    {
        var now = DateTimeOffset.UtcNow;
        var french = await SubscribedAsync("fr", UpdateTopics.News);
        var russian = await SubscribedAsync("ru", UpdateTopics.News, "sector:it");
        var other = await SubscribedAsync("en", "sector:food");
        var article = await PublishedArticleAsync(now.AddMinutes(-5), "Our annual report", "Notre rapport annuel");

        var mailing = await factory.WithDbAsync(async db => await Newsletters.QueueAsync(db, factory.Services.GetRequiredService<IStringLocalizer<ContentText>>(),
            factory.Services.GetRequiredService<IConfiguration>(), "Normative", (await Newsletters.FindAsync(db, article.Slug))!, [UpdateTopics.News], "editor@example.org", now));
        var expected = await factory.WithDbAsync(db => db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed && s.Topics.Contains(UpdateTopics.News)));
        Assert.Equal(expected, mailing.Recipients);
        Assert.Equal("editor@example.org", mailing.CreatedBy);
        await SendAllAsync();

        Assert.Equal("Notre rapport annuel", Assert.Single(MailsTo(french.Email)).Subject);
        // No Russian version: the English one.
        var ru = Assert.Single(MailsTo(russian.Email));
        Assert.Equal("Our annual report", ru.Subject);
        Assert.Equal("List-Unsubscribe=One-Click", ru.Headers["List-Unsubscribe-Post"]);
        Assert.Empty(MailsTo(other.Email));
    }

    [Fact]
    public async Task IcsFieldAndCommitteeTopicsBringTheirNewPublicationsAndWithdrawalsEachOnce()
    {
        var now = NewPeriod();
        var day = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);
        var tc = await CommitteeAsync("Environmental management");
        var group = await SubscribedAsync("en", UpdateTopics.ForIcs("13.020"));
        var committee = await SubscribedAsync("en", UpdateTopics.ForCommittee(tc.Slug));
        var everything = await SubscribedAsync("en", UpdateTopics.ForIcs("13"), UpdateTopics.ForIcs("13.020"), UpdateTopics.ForCommittee(tc.Slug));
        var underGroupAndSc = await StandardOfAsync(day, "13.020.10", tc.Reference + "/SC 1", "Life cycle assessment");
        var otherGroup = await StandardOfAsync(day, "13.030.01", null, "Wastes — Vocabulary");
        var ofCommitteeOnly = await StandardOfAsync(day, "03.100.70", tc.Reference, "Environmental management systems");
        var unrelated = await StandardOfAsync(day, "67.050", tc.Reference + "1", "Food — Sampling");
        var withdrawn = await StandardOfAsync(new DateOnly(2001, 1, 1), "13.020.40", null, "Old pollution limits");
        await factory.WithDbAsync(async db =>
        {
            await db.Deliverables.Where(d => d.Id == withdrawn.Id).ExecuteUpdateAsync(u => u.SetProperty(d => d.CurrentStage, 9599));
            return await db.DeliverableWithdrawals.Where(w => w.DeliverableId == withdrawn.Id).ExecuteUpdateAsync(u => u.SetProperty(w => w.At, now.AddHours(-1)));
        });

        await DigestAsync(DigestFrequency.Weekly, now);
        await SendAllAsync();

        var groupMail = Assert.Single(MailsTo(group.Email)).TextBody ?? "";
        Assert.Contains("New publications: ICS 13.020 — Environmental protection", groupMail, StringComparison.Ordinal);
        Assert.Contains($"{underGroupAndSc.Reference} — Life cycle assessment", groupMail, StringComparison.Ordinal);
        Assert.Contains($"{withdrawn.Reference} — Old pollution limits", groupMail, StringComparison.Ordinal);
        Assert.DoesNotContain(otherGroup.Reference, groupMail, StringComparison.Ordinal);
        Assert.DoesNotContain(ofCommitteeOnly.Reference, groupMail, StringComparison.Ordinal);
        Assert.DoesNotContain(unrelated.Reference, groupMail, StringComparison.Ordinal);

        // The committee's standards and its subcommittee's, not those of ISO/TC {n}1.
        var committeeMail = Assert.Single(MailsTo(committee.Email)).TextBody ?? "";
        Assert.Contains($"New publications: {tc.Reference} — Environmental management", committeeMail, StringComparison.Ordinal);
        Assert.Contains(underGroupAndSc.Reference, committeeMail, StringComparison.Ordinal);
        Assert.Contains(ofCommitteeOnly.Reference, committeeMail, StringComparison.Ordinal);
        Assert.DoesNotContain(otherGroup.Reference, committeeMail, StringComparison.Ordinal);
        Assert.DoesNotContain(unrelated.Reference, committeeMail, StringComparison.Ordinal);
        Assert.DoesNotContain(withdrawn.Reference, committeeMail, StringComparison.Ordinal);

        // Three topics take the first standard: it is listed once.
        var all = Assert.Single(MailsTo(everything.Email)).TextBody ?? "";
        Assert.Equal(1, Occurrences(all, underGroupAndSc.Reference + " — "));
        Assert.Equal(1, Occurrences(all, withdrawn.Reference + " — "));
        Assert.Contains(otherGroup.Reference, all, StringComparison.Ordinal);
        Assert.Contains(ofCommitteeOnly.Reference, all, StringComparison.Ordinal);
        Assert.DoesNotContain(unrelated.Reference, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADailySubscriberGetsTheDailyDigestAndAWeeklyOneWaitsForTheWeek()
    {
        var now = NewPeriod();
        var tc = await CommitteeAsync("Daily matters");
        var daily = await SubscribedAsync(DigestFrequency.Daily, "en", UpdateTopics.ForCommittee(tc.Slug));
        var weekly = await SubscribedAsync(DigestFrequency.Weekly, "en", UpdateTopics.ForCommittee(tc.Slug));
        var standard = await StandardOfAsync(DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1), "13.020.10", tc.Reference, "Published yesterday");

        Assert.True(await DigestAsync(DigestFrequency.Daily, now) >= 1);
        await SendAllAsync();
        Assert.Contains(standard.Reference, Assert.Single(MailsTo(daily.Email)).TextBody, StringComparison.Ordinal);
        Assert.Empty(MailsTo(weekly.Email));

        // The next day's daily digest has nothing new for it; the week's digest brings it to the weekly reader.
        await DigestAsync(DigestFrequency.Daily, now.AddDays(1));
        await DigestAsync(DigestFrequency.Weekly, now.AddDays(1));
        await SendAllAsync();
        Assert.Single(MailsTo(daily.Email));
        Assert.Contains(standard.Reference, Assert.Single(MailsTo(weekly.Email)).TextBody, StringComparison.Ordinal);
    }

    private sealed class DyingSender(IMailSender inner, int acceptBeforeDeath) : IMailSender
    {
        public Task<IReadOnlyList<Delivery>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct) =>
            SendAsync(messages, (_, _) => Task.CompletedTask, ct);

        public async Task<IReadOnlyList<Delivery>> SendAsync(IReadOnlyList<MimeMessage> messages, Func<int, Delivery, Task> delivered, CancellationToken ct)
        {
            for (var i = 0; i < acceptBeforeDeath; i++)
            {
                var outcome = (await inner.SendAsync([messages[i]], ct))[0];
                await delivered(i, outcome);
            }
            throw new InvalidOperationException("The process died.");
        }
    }

    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
