using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Normative.Mail;

/// <summary>
/// Wakes the outbox worker when a SaveChanges that queued mail has committed, so mail goes out in
/// moments rather than at the next poll. Polling still catches everything if a signal is missed.
/// </summary>
public sealed class OutboxSignal : SaveChangesInterceptor
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        NotifyIfMailQueued(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        NotifyIfMailQueued(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    private void NotifyIfMailQueued(DbContext? context)
    {
        // Inside an explicit transaction the row is not visible yet; the poll picks it up after commit.
        if (context is not null && context.Database.CurrentTransaction is null
            && context.ChangeTracker.Entries<OutboxMessage>().Any())
        {
            Notify();
        }
    }
}
