using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Normative.Mail;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Mail;

/// <summary>
/// The outbox records a mail sent only after it went out: a crash in between sends it again on the
/// next round. The pickup folder must still hold it once, and every attempt carry the same Message-ID.
/// </summary>
public class OutboxCrashTests(OutboxCrashTests.Factory factory) : IClassFixture<OutboxCrashTests.Factory>
{
    /// <summary>The app with its embedded mail default (the pickup folder) and no background worker: the test runs the rounds.</summary>
    public sealed class Factory : NormativeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mail:Worker"] = "false" };
    }

    [Fact]
    public async Task AMailSentAgainBecauseItsSendingWasNotRecordedIsInThePickupFolderOnce()
    {
        var to = $"crash-{Guid.NewGuid():N}@example.org";
        var id = await factory.WithDbAsync(async db =>
        {
            var message = Outbox.Enqueue(db, to, "Sent once", "Even across a crash.");
            await db.SaveChangesAsync();
            return message.Id;
        });
        // The server refuses the outbox's update once, after the mail was written out: as when the app
        // or the database dies between the two. A sequence counts the attempts outside the rolled-back transaction.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
            CREATE SEQUENCE outbox_crash_once;
            CREATE FUNCTION outbox_crash_once() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF nextval('outbox_crash_once') = 1 THEN
                    RAISE EXCEPTION 'the connection was lost';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER outbox_crash_once BEFORE UPDATE ON outbox_messages FOR EACH ROW EXECUTE FUNCTION outbox_crash_once();
            """));
        List<MimeMessage> first;
        try
        {
            await Assert.ThrowsAnyAsync<DbUpdateException>(ProcessAsync);
            first = MailsTo(to);
            Assert.Single(first);
            Assert.Null(await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.SentAt).SingleAsync()));

            Assert.Equal(1, await ProcessAsync());
        }
        finally
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("""
                DROP TRIGGER outbox_crash_once ON outbox_messages;
                DROP FUNCTION outbox_crash_once();
                DROP SEQUENCE outbox_crash_once;
                """));
        }

        var mails = MailsTo(to);
        Assert.Single(mails);
        Assert.Equal(first[0].MessageId, mails[0].MessageId);
        Assert.NotNull(await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.SentAt).SingleAsync()));
    }

    private async Task<int> ProcessAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(CancellationToken.None);
    }

    private List<MimeMessage> MailsTo(string to) =>
        Directory.Exists(factory.MailDirectory)
            ? [.. Directory.GetFiles(factory.MailDirectory, "*.eml").Select(f => MimeMessage.Load(f)).Where(m => m.To.ToString().Contains(to, StringComparison.Ordinal))]
            : [];
}
