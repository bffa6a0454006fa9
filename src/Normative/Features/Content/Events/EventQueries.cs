using Normative.Data;

namespace Normative.Features.Content.Events;

/// <summary>Coming events (soonest first) and past ones (latest first).</summary>
public static class EventQueries
{
    public static IQueryable<Event> Upcoming(NormativeDb db, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Events.Where(e => e.EndsAt >= now).OrderBy(e => e.StartsAt).ThenBy(e => e.Id);
    }

    public static IQueryable<Event> Past(NormativeDb db, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Events.Where(e => e.EndsAt < now).OrderByDescending(e => e.StartsAt).ThenByDescending(e => e.Id);
    }
}
