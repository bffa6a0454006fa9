using System.Diagnostics.Metrics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Certification.Verification;

/// <summary>
/// The answers to "verify by number" held in this node's memory, so a certificate checked again
/// (by the same buyer, by an auditor, by a procurement portal polling its suppliers) costs no round
/// trip to the database. An answer is the certificates found, judged for one day; it is kept until
/// the registry changes: every write to what a verification shows sends a notification when it
/// commits (migration 0303), and <see cref="RegistryChangeListener"/> empties the cache when it
/// arrives, on every node. While the listener is not connected nothing is cached, so a missed
/// notification cannot leave an old answer behind. An answer read from the read replica, which may
/// lag behind the notification, is kept for a second at most.
/// </summary>
public sealed class VerificationCache : IDisposable
{
    private static readonly TimeSpan ReplicaLifetime = TimeSpan.FromSeconds(1);

    private readonly MemoryCache _answers;
    private readonly TimeSpan _lifetime;
    private readonly Counter<long> _hits;
    private readonly Counter<long> _misses;
    private long _generation;
    private volatile bool _listening;

    public VerificationCache(IOptions<CertificationOptions> options, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        // At /metrics: how many verifications the cache answered and how many went to the database.
        var meter = meters.Create(Observability.AppMeter);
        _hits = meter.CreateCounter<long>("normative.verification.cache.hits", "{answer}", "Verifications by number answered from this node's memory");
        _misses = meter.CreateCounter<long>("normative.verification.cache.misses", "{answer}", "Verifications by number read from the database (not kept yet, or caching is off)");
        var settings = options.Value.VerificationCache;
        Capacity = Math.Max(0, settings.Entries);
        _lifetime = TimeSpan.FromSeconds(Math.Max(1, settings.Seconds));
        _answers = new MemoryCache(new MemoryCacheOptions { SizeLimit = Math.Max(1, Capacity) });
        meter.CreateObservableGauge("normative.verification.cache.entries", () => _answers.Count, "{answer}", "Verification answers held in this node's memory");
    }

    /// <summary>How many answers are kept at most (Certification:VerificationCache:Entries; 0 keeps none).</summary>
    public int Capacity { get; }

    /// <summary>Whether answers are kept: the listener is connected and the capacity is not 0.</summary>
    public bool IsActive => _listening && Capacity > 0;

    /// <summary>The certificates with this number (at this certification body if given), judged for <paramref name="today"/>; the list is shared, never change it.</summary>
    public async Task<IReadOnlyList<CertificateView>> VerifyAsync(ReadRoute read, string number, string? certificationBody, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(number);
        // An answer read from the replica is kept apart: it may be older than what the primary already shows.
        var key = new Key(number.Trim(), string.IsNullOrWhiteSpace(certificationBody) ? null : certificationBody.Trim(), today, read.UsesReplica);
        if (IsActive && _answers.TryGetValue(key, out Kept? kept) && kept!.Generation == Interlocked.Read(ref _generation))
        {
            _hits.Add(1);
            return kept.Answer;
        }
        _misses.Add(1);
        // The generation is read before the query and kept with the answer: an answer read while a change
        // committed is never served, even if it was stored just after the cache was emptied.
        var generation = Interlocked.Read(ref _generation);
        var found = await read.ReadAsync(ds => VerificationSql.VerifyAsync(ds, key.Number, key.Body, today, read.PrepareStatements, ct));
        if (IsActive && Interlocked.Read(ref _generation) == generation)
        {
            _answers.Set(key, new Kept(generation, found), new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = read.UsesReplica ? ReplicaLifetime : _lifetime,
            });
        }
        return found;
    }

    /// <summary>Forgets every answer: something in the registry changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        _answers.Clear();
    }

    /// <summary>The listener is connected: answers may be kept from now on (none from before).</summary>
    public void Resume()
    {
        Invalidate();
        _listening = true;
    }

    /// <summary>The listener lost its connection: keep nothing until it is back.</summary>
    public void Suspend()
    {
        _listening = false;
        Invalidate();
    }

    public void Dispose() => _answers.Dispose();

    private readonly record struct Key(string Number, string? Body, DateOnly Today, bool FromReplica);

    private sealed record Kept(long Generation, IReadOnlyList<CertificateView> Answer);
}
