using System.Net.Mail;

namespace Normative.Mail;

/// <summary>The one boundary through which mail leaves Normative.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessage message, CancellationToken ct);
}
