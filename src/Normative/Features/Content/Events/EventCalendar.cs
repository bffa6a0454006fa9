using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Content.Events;

/// <summary>
/// /events/calendar.ics: the events of the last 90 days and all coming ones, for calendar programs.
/// Ical.Net writes the RFC 5545 text (line folding, escaping, UTC times), which we would otherwise
/// have to get right by hand.
/// </summary>
public static class EventCalendar
{
    public static IEndpointRouteBuilder MapEventCalendar(this IEndpointRouteBuilder app)
    {
        app.MapGet("/events/calendar.ics", WriteAsync).ExcludeFromDescription().AllowAnonymous().CacheOutput(ContentCachePolicy.Name);
        return app;
    }

    private static async Task<IResult> WriteAsync(HttpContext context, NormativeDb db, TimeProvider clock, IOptions<OrganizationOptions> organization, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddDays(-90);
        var events = await db.Events.AsNoTracking().Where(e => e.EndsAt >= since).OrderBy(e => e.StartsAt).Take(1000).ToListAsync(ct);
        var host = new Uri(SiteLinks.Absolute(context, "/")).Host;
        var calendar = new Calendar { ProductId = "-//Normative//Events//EN" };
        calendar.AddProperty("X-WR-CALNAME", organization.Value.Name);
        foreach (var e in events)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"event-{e.Id}@{host}",
                Summary = e.Title,
                Description = e.Description,
                Location = e.Place ?? e.OnlineUrl,
                Url = new Uri(SiteLinks.Absolute(context, ContentLinks.Event(e.Slug))),
                DtStart = new CalDateTime(e.StartsAt.UtcDateTime),
                DtEnd = new CalDateTime(e.EndsAt.UtcDateTime),
                DtStamp = new CalDateTime(e.UpdatedAt.UtcDateTime),
            });
        }
        var text = new CalendarSerializer().SerializeToString(calendar) ?? "";
        return Results.Text(text, "text/calendar; charset=utf-8");
    }
}
