using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Normative.Mail;

/// <summary>
/// Sends through the configured SMTP server with MailKit: one connection per batch. A recipient or
/// message the server refuses with a 5xx reply is refused for good; a 4xx reply, a refused sender
/// (our configuration, not the message) or a lost connection means "try later".
/// </summary>
public sealed class SmtpMailSender(IOptions<MailSettings> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public Task<IReadOnlyList<Delivery>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct) =>
        SendAsync(messages, static (_, _) => Task.CompletedTask, ct);

    public async Task<IReadOnlyList<Delivery>> SendAsync(IReadOnlyList<MimeMessage> messages, Func<int, Delivery, Task> delivered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        var smtp = options.Value.Smtp;
        var outcomes = new List<Delivery>(messages.Count);
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(Math.Max(1, smtp.TimeoutSeconds)).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host ?? "localhost", smtp.Port, Security(smtp), ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }
        }
        catch (Exception e) when (IsConnectionProblem(e))
        {
            var error = $"SMTP server {smtp.Host}:{smtp.Port}: {e.Message}";
            logger.LogWarning("Cannot send mail: {Error}", error);
            var none = messages.Select(_ => Delivery.TryLater(error)).ToList();
            for (var i = 0; i < none.Count; i++)
            {
                await delivered(i, none[i]);
            }
            return none;
        }

        foreach (var message in messages)
        {
            Delivery outcome;
            try
            {
                await client.SendAsync(message, ct);
                outcome = Delivery.Sent;
            }
            catch (SmtpCommandException e)
            {
                var reply = $"{(int)e.StatusCode} {e.Message}";
                var permanent = (int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;
                outcome = permanent ? Delivery.Refused(reply) : Delivery.TryLater(reply);
            }
            catch (Exception e) when (IsConnectionProblem(e))
            {
                // The connection is gone: this message and the rest of the batch wait for the next round.
                var error = $"SMTP server {smtp.Host}:{smtp.Port}: {e.Message}";
                while (outcomes.Count < messages.Count)
                {
                    outcomes.Add(Delivery.TryLater(error));
                    await delivered(outcomes.Count - 1, outcomes[^1]);
                }
                return outcomes;
            }
            outcomes.Add(outcome);
            await delivered(outcomes.Count - 1, outcome);
        }
        try
        {
            await client.DisconnectAsync(quit: true, ct);
        }
        catch (Exception e) when (IsConnectionProblem(e))
        {
            // Everything was handed over already; a failed QUIT loses nothing.
        }
        return outcomes;
    }

    private static SecureSocketOptions Security(MailSettings.SmtpSettings smtp) =>
        !smtp.EnableSsl ? SecureSocketOptions.None
        : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;

    private static bool IsConnectionProblem(Exception e) =>
        e is IOException or SocketException or SmtpProtocolException or SmtpCommandException or ServiceNotConnectedException
            or AuthenticationException or SslHandshakeException or TimeoutException or NotSupportedException;
}
