using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Normative.Mail;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Mail;

public class SmtpDeliveryTests(SmtpDeliveryTests.Factory factory) : IClassFixture<SmtpDeliveryTests.Factory>
{
    /// <summary>The app sending through a real SMTP conversation with a server on loopback; no background worker.</summary>
    public sealed class Factory : NormativeFactory
    {
        public SmtpSink Smtp { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Mail:Worker"] = "false",
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail:Smtp:EnableSsl"] = "false",
        };

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Smtp.Dispose();
            GC.SuppressFinalize(this);
        }
    }

    private async Task DrainAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxProcessor>().ProcessDueAsync(CancellationToken.None);
    }

    private Task<OutboxMessage> RowAsync(string to) =>
        factory.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.To == to));

    [Fact]
    public async Task ARecipientRefusedForGoodFailsAtOnceAndTheRestOfTheBatchGoesOutOverOneConnection()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        string[] to = [$"first-{id}@example.org", $"refused-{id}@example.org", $"busy-{id}@example.org", $"last-{id}@example.org"];
        await factory.WithDbAsync(db =>
        {
            foreach (var address in to)
            {
                Outbox.Enqueue(db, address, "Batch " + id, "Hello " + address);
            }
            return db.SaveChangesAsync();
        });
        var connectionsBefore = factory.Smtp.Connections;

        await DrainAsync();

        Assert.Equal(1, factory.Smtp.Connections - connectionsBefore);
        var delivered = factory.Smtp.Received.Where(r => r.To.Contains(id, StringComparison.Ordinal)).Select(r => r.To).Order().ToList();
        Assert.Equal([to[0], to[3]], delivered);

        var refused = await RowAsync(to[1]);
        Assert.NotNull(refused.FailedAt);
        Assert.Equal(1, refused.Attempts);
        Assert.StartsWith("550", refused.LastError, StringComparison.Ordinal);

        var busy = await RowAsync(to[2]);
        Assert.Null(busy.FailedAt);
        Assert.Null(busy.SentAt);
        Assert.StartsWith("451", busy.LastError, StringComparison.Ordinal);

        Assert.NotNull((await RowAsync(to[0])).SentAt);
        Assert.NotNull((await RowAsync(to[3])).SentAt);
    }

    [Fact]
    public async Task AMailServerThatCannotBeReachedLeavesTheMailForLater()
    {
        var settings = Microsoft.Extensions.Options.Options.Create(new MailSettings
        {
            Smtp = new MailSettings.SmtpSettings { Host = "127.0.0.1", Port = ClosedPort(), EnableSsl = false, TimeoutSeconds = 5 },
        });
        var sender = new SmtpMailSender(settings, Microsoft.Extensions.Logging.Abstractions.NullLogger<SmtpMailSender>.Instance);
        using var mail = OutboxProcessor.ToMimeMessage(new OutboxMessage { To = "someone@example.org", Subject = "s", TextBody = "t" }, new MailSettings());

        var outcome = Assert.Single(await sender.SendAsync([mail], CancellationToken.None));

        Assert.Equal(DeliveryResult.TryLater, outcome.Status);
    }

    [Fact]
    public async Task TheMailOnTheWireCarriesItsNonAsciiSubjectAndAttachment()
    {
        var to = $"reader-{Guid.NewGuid():N}@example.org";
        await factory.WithDbAsync(db =>
        {
            Outbox.Enqueue(db, to, "Facture — Счёт 42", "Bonjour Élodie", null,
                new OutboxAttachment { FileName = "invoice.pdf", ContentType = "application/pdf", Content = [37, 80, 68, 70] });
            return db.SaveChangesAsync();
        });
        await DrainAsync();

        var raw = factory.Smtp.Received.Single(r => r.To == to).Data;
        var mail = EmlReader.Read(MimeMessage.Load(new MemoryStream(System.Text.Encoding.Latin1.GetBytes(raw))));
        Assert.Equal("Facture — Счёт 42", mail.Subject);
        Assert.Contains("Bonjour Élodie", mail.Text, StringComparison.Ordinal);
        Assert.Equal(["invoice.pdf"], mail.Attachments);
    }

    private static int ClosedPort()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }
}
