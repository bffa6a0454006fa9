using MimeKit;

namespace Normative.Mail;

/// <summary>The one boundary through which mail leaves Normative.</summary>
public interface IMailSender
{
    /// <summary>
    /// Sends a batch over one connection and says, for each message in order, whether it went,
    /// should be tried again later, or was refused for good.
    /// </summary>
    Task<IReadOnlyList<Delivery>> SendAsync(IReadOnlyList<MimeMessage> messages, CancellationToken ct);
}
