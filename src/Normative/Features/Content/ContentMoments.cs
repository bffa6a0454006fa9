using Normative.Data;

namespace Normative.Features.Content;

/// <summary>
/// The moments at which what the news and events pages show changes without anyone saving: a
/// scheduled article's publication time, an event's start and end. A cached page is keyed by the
/// latest such moment already past, so a scheduled article appears, and an ended event moves to
/// the archive, the moment it is due — no poll, no eviction. The moments are read once per catalogue
/// version (every change to articles and events bumps it), from the server that answers anonymous
/// reads; when the read list runs out, it is read again.
/// </summary>
public sealed class ContentMoments(NormativeDatabase database)
{
    private const int Ahead = 64;

    private sealed record Snapshot(long Version, DateTimeOffset ReadAt, DateTimeOffset? LastPassed, DateTimeOffset[] Upcoming, bool Complete);

    private Snapshot? _snapshot;

    /// <summary>The latest moment at or before <paramref name="now"/>, as a cache key ("-" before any); reads the database only when the version changed.</summary>
    public async ValueTask<string> KeyAsync(long version, DateTimeOffset now, CancellationToken ct)
    {
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || snapshot.Version != version || now < snapshot.ReadAt
            || (!snapshot.Complete && now >= snapshot.Upcoming[^1]))
        {
            snapshot = await ReadAsync(version, now, ct);
            Volatile.Write(ref _snapshot, snapshot);
        }
        var last = snapshot.LastPassed;
        foreach (var moment in snapshot.Upcoming)
        {
            if (moment > now)
            {
                break;
            }
            last = moment;
        }
        return last is { } m ? m.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    private async Task<Snapshot> ReadAsync(long version, DateTimeOffset now, CancellationToken ct)
    {
        const string Moments = """
            (SELECT publish_at AS moment FROM articles WHERE publish_at IS NOT NULL
             UNION ALL SELECT starts_at FROM events
             UNION ALL SELECT ends_at FROM events) AS moments
            """;
        await using var batch = database.ReadDataSource.CreateBatch();
        var passed = new Npgsql.NpgsqlBatchCommand($"SELECT max(moment) FROM {Moments} WHERE moment <= $1");
        passed.Parameters.Add(new Npgsql.NpgsqlParameter { Value = now });
        var upcoming = new Npgsql.NpgsqlBatchCommand($"SELECT moment FROM {Moments} WHERE moment > $1 ORDER BY moment LIMIT {Ahead}");
        upcoming.Parameters.Add(new Npgsql.NpgsqlParameter { Value = now });
        batch.BatchCommands.Add(passed);
        batch.BatchCommands.Add(upcoming);
        await using var reader = await batch.ExecuteReaderAsync(ct);
        DateTimeOffset? last = null;
        if (await reader.ReadAsync(ct) && !await reader.IsDBNullAsync(0, ct))
        {
            last = reader.GetFieldValue<DateTimeOffset>(0);
        }
        await reader.NextResultAsync(ct);
        var list = new List<DateTimeOffset>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(reader.GetFieldValue<DateTimeOffset>(0));
        }
        return new Snapshot(version, now, last, [.. list], list.Count < Ahead);
    }
}
