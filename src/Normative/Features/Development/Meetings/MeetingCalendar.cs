using Microsoft.Extensions.Localization;
using Normative.Features.Development.Committees;
using Normative.Features.Shared;

namespace Normative.Features.Development.Meetings;

/// <summary>Meetings as iCalendar events, through the RFC 5545 writer the ballot calendar uses (CalendarFeed): date, place, cancelled or not.</summary>
public static class MeetingCalendar
{
    /// <param name="withLinks">Whether the online links go in (a registrant's own calendar) or only the word "online" (the public one).</param>
    public static string Write(string name, IEnumerable<(Meeting Meeting, string Committee)> meetings, bool withLinks, HttpContext context, IConfiguration configuration,
        IStringLocalizer<DevelopmentText> t)
    {
        var online = withLinks ? null : t["Meeting.Online"].Value;
        var host = context.Request.Host.Host;
        var origin = SiteLinks.Origin(configuration, context);
        var events = meetings.Select(x => new CalendarEvent(
            $"meeting-{x.Meeting.Id}@{host}",
            x.Meeting.StartsAt,
            t["Calendar.Meeting", x.Committee, x.Meeting.Title],
            MeetingMail.Where(x.Meeting, online),
            origin + DevelopmentLinks.Meeting(x.Meeting.Id),
            x.Meeting.UpdatedAt,
            x.Meeting.EndsAt,
            MeetingMail.Where(x.Meeting, online),
            x.Meeting.Status == MeetingStatus.Cancelled));
        return CalendarFeed.Write(name, events);
    }
}
