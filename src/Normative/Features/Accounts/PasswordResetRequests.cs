using System.Globalization;
using System.Threading.Channels;

namespace Normative.Features.Accounts;

/// <summary>
/// Forgotten-password requests waiting for <see cref="PasswordResetWorker"/>. The page only queues
/// the address here, so a request costs the same whether or not the address has an account: the
/// lookup, the reset token and the mail in the outbox all happen after the answer. A request lost
/// to a restart is asked again by its sender; the queue is bounded and the form rate-limited.
/// </summary>
public sealed class PasswordResetRequests
{
    public sealed record Request(string Email, CultureInfo Culture);

    private readonly Channel<Request> _queue = Channel.CreateBounded<Request>(new BoundedChannelOptions(10_000)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = true,
    });

    public void Queue(string email, CultureInfo culture) => _queue.Writer.TryWrite(new Request(email, culture));

    public IAsyncEnumerable<Request> ReadAllAsync(CancellationToken ct) => _queue.Reader.ReadAllAsync(ct);
}
