using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MimeKit;
using Normative.Mail;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Mail;

public class OutboxTests(OutboxTests.Factory factory) : IClassFixture<OutboxTests.Factory>
{
    /// <summary>The app with a sender that records what it sends and can be told to fail, and no background worker.</summary>
    public sealed class Factory : NormativeFactory
    {
        public RecordingSender Sender { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Mail:Worker"] = "false" };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Replace(ServiceDescriptor.Singleton<IMailSender>(Sender)));
        }
    }

    public sealed class RecordingSender : IMailSender
    {
        private readonly Lock _lock = new();
        public List<string> Sent { get; } = [];
        public int FailuresToCome { get; set; }

        public async Task<IReadOnlyList<Delivery>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct)
        {
            await Task.Delay(5, ct);
            var outcomes = new List<Delivery>();
            lock (_lock)
            {
                foreach (var message in messages)
                {
                    if (FailuresToCome > 0)
                    {
                        FailuresToCome--;
                        outcomes.Add(Delivery.TryLater("451 try again later"));
                        continue;
                    }
                    Sent.Add(message.Subject ?? "");
                    outcomes.Add(Delivery.Sent);
                }
            }
            return outcomes;
        }
    }

    private async Task<int> ProcessAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(CancellationToken.None);
    }

    [Fact]
    public async Task MailQueuedInARolledBackTransactionIsNeverSent()
    {
        var subject = "rolled back " + Guid.NewGuid();
        await factory.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            Outbox.Enqueue(db, "someone@example.org", subject, "text");
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
            return 0;
        });
        while (await ProcessAsync() > 0)
        {
        }
        Assert.DoesNotContain(subject, factory.Sender.Sent);
        Assert.False(await factory.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.Subject == subject)));
    }

    [Fact]
    public async Task AMailToAnAddressThatCannotBeWrittenFailsAloneAndTheOthersGoOut()
    {
        var broken = "broken " + Guid.NewGuid();
        var fine = "fine " + Guid.NewGuid();
        await factory.WithDbAsync(async db =>
        {
            // Queued first, so it leads the batch: before, it failed the whole batch at every poll.
            Outbox.Enqueue(db, "not an address <@@>", broken, "text");
            await db.SaveChangesAsync();
            Outbox.Enqueue(db, "someone@example.org", fine, "text");
            return await db.SaveChangesAsync();
        });
        while (await ProcessAsync() > 0)
        {
        }
        Assert.Contains(fine, factory.Sender.Sent);
        Assert.DoesNotContain(broken, factory.Sender.Sent);
        var failed = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Subject == broken));
        Assert.NotNull(failed.FailedAt);
        Assert.Null(failed.SentAt);
        Assert.StartsWith("The mail could not be written", failed.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedSendIsRetriedAndThenSent()
    {
        var subject = "retried " + Guid.NewGuid();
        await factory.WithDbAsync(async db =>
        {
            Outbox.Enqueue(db, "someone@example.org", subject, "text");
            return await db.SaveChangesAsync();
        });
        factory.Sender.FailuresToCome = 1;
        await ProcessAsync();
        var afterFailure = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Subject == subject));
        Assert.Null(afterFailure.SentAt);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.Contains("451", afterFailure.LastError, StringComparison.Ordinal);

        await ProcessAsync();
        var sent = await factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Subject == subject));
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Single(factory.Sender.Sent, subject);
    }

    [Fact]
    public async Task WorkersRunningTogetherSendEachMailOnce()
    {
        var batch = "parallel " + Guid.NewGuid() + " #";
        await factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 60; i++)
            {
                Outbox.Enqueue(db, $"n{i}@example.org", batch + i, "text");
            }
            return await db.SaveChangesAsync();
        });
        async Task Drain()
        {
            while (await ProcessAsync() > 0)
            {
            }
        }
        await Task.WhenAll(Drain(), Drain(), Drain(), Drain());

        var sent = factory.Sender.Sent.Where(s => s.StartsWith(batch, StringComparison.Ordinal)).ToList();
        Assert.Equal(60, sent.Count);
        Assert.Equal(60, sent.Distinct().Count());
    }

    [Fact]
    public async Task EmlFilesAreReadBackWithTheirNonAsciiText()
    {
        var folder = Path.Combine(factory.DataDirectory, "eml-check");
        var sender = new PickupMailSender(Microsoft.Extensions.Options.Options.Create(new MailSettings { PickupDirectory = folder }),
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var message = new OutboxMessage { To = "elodie@example.org", Subject = "Подтвердите адрес — ISO 9001", TextBody = "Bonjour Élodie,\nhttps://example.org/account/confirm?userId=1&code=abc=", HtmlBody = "<p>Bonjour</p>" };
        message.Attachments.Add(new OutboxAttachment { FileName = "invoice.pdf", ContentType = "application/pdf", Content = [37, 80, 68, 70] });
        using (var mail = OutboxProcessor.ToMimeMessage(message, new MailSettings()))
        {
            Assert.Equal(DeliveryResult.Sent, Assert.Single(await sender.SendAsync([mail], CancellationToken.None)).Status);
        }
        var read = EmlReader.ReadFile(Directory.GetFiles(folder, "*.eml").Single());
        Assert.Equal("Подтвердите адрес — ISO 9001", read.Subject);
        Assert.Contains("Bonjour Élodie,", read.Text, StringComparison.Ordinal);
        Assert.Contains("code=abc=", read.Text, StringComparison.Ordinal);
        Assert.Equal(["invoice.pdf"], read.Attachments);
    }
}
