using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Normative.Data;

/// <summary>
/// A pool of NormativeDb contexts on the read replica. Reads only, so a failed connection (a replica
/// that was just stopped) is safely retried, and the multi-host connection string then moves on to
/// the next host (the primary, with Target Session Attributes=prefer-standby).
/// </summary>
public sealed class ReplicaContexts(NormativeDatabase database, IDbContextFactory<NormativeDb> primary)
{
    private readonly Lazy<PooledDbContextFactory<NormativeDb>> _pool = new(() => new PooledDbContextFactory<NormativeDb>(
        new DbContextOptionsBuilder<NormativeDb>()
            // The primary's model itself: compiled queries refuse to run on another model, even an equal one.
            .UseModel(ModelOf(primary))
            .UseNpgsql(database.ReplicaDataSource ?? throw new InvalidOperationException("No read replica is configured."), npgsql => npgsql
                .MigrationsHistoryTable("__ef_unused")
                .EnableRetryOnFailure(3, TimeSpan.FromMilliseconds(200), null))
            .Options));

    public NormativeDb Create() => _pool.Value.CreateDbContext();

    private static Microsoft.EntityFrameworkCore.Metadata.IModel ModelOf(IDbContextFactory<NormativeDb> primary)
    {
        using var db = primary.CreateDbContext();
        return db.Model;
    }
}
