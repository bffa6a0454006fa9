using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Normative.Features.Certification.Registry;

namespace Normative.Features.Certification.Verification;

/// <summary>
/// Empties this node's <see cref="VerificationCache"/> the moment a write to the registry commits
/// here, so whoever made the change sees it on their next request; other nodes hear of it through
/// <see cref="RegistryChangeListener"/>. A SaveChanges that adds, changes or deletes a registry row
/// counts; raw SQL writes (the import, the expiry job) say so with <see cref="Touched"/>. Inside an
/// explicit transaction the cache is emptied when it commits, not before (a reader in between would
/// keep the old answer again).
/// </summary>
public sealed class RegistryWrites(VerificationCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, object> Pending = [];
    private static readonly object Mark = new();

    /// <summary>Raw SQL on <paramref name="db"/> wrote to the registry: empty the cache when its transaction commits.</summary>
    public static void Touched(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        Pending.AddOrUpdate(db, Mark);
    }

    private static bool WritesRegistry(DbContext context) => context.ChangeTracker.Entries().Any(e =>
        e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
        && e.Entity is Certificate or CertificateEvent or CertificateAudit or CertifiedOrganization or CertificationBody or Accreditation or AccreditationBody);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Flush(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context, committed: true);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Flush(eventData.Context, committed: true);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private static void Note(DbContext? context)
    {
        if (context is not null && WritesRegistry(context))
        {
            Touched(context);
        }
    }

    /// <summary>Empties the cache if the context wrote to the registry and nothing is left uncommitted (the context still names the transaction while it reports the commit).</summary>
    private void Flush(DbContext? context, bool committed = false)
    {
        if (context is not null && (committed || context.Database.CurrentTransaction is null) && Pending.Remove(context))
        {
            cache.Invalidate();
        }
    }

    private static void Forget(DbContext? context)
    {
        if (context is not null)
        {
            Pending.Remove(context);
        }
    }
}
