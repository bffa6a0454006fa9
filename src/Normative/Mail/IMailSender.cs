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

    /// <summary>
    /// The same, telling <paramref name="delivered"/> (index, outcome) about each message as soon as
    /// the server has answered for it, so a caller can record it before the next one goes: a crash
    /// mid-batch then leaves at most the one message in flight unrecorded. A sender that cannot tell
    /// earlier reports every outcome after the batch.
    /// </summary>
    async Task<IReadOnlyList<Delivery>> SendAsync(IReadOnlyList<MimeMessage> messages, Func<int, Delivery, Task> delivered, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        var outcomes = await SendAsync(messages, ct);
        for (var i = 0; i < outcomes.Count; i++)
        {
            await delivered(i, outcomes[i]);
        }
        return outcomes;
    }
}
