using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Development.Meetings;

/// <summary>
/// Mails about a meeting — planned, moved, cancelled — to the delegates of the committee's member
/// bodies and to everyone registered, queued through the outbox in the caller's unit of work.
/// </summary>
public sealed class MeetingMail(DevelopmentMail mail, IStringLocalizer<DevelopmentText> t)
{
    public enum Change
    {
        Planned,
        Moved,
        Cancelled,
    }

    public async Task QueueAsync(NormativeDb db, Meeting meeting, Committee committee, Change change, CancellationToken ct)
    {
        var scope = MeetingAttendance.Committees(committee);
        var bodies = await MeetingAttendance.MemberBodiesAsync(db, scope, ct);
        var delegates = await DevelopmentMail.DelegatesAsync(db, bodies, ct);
        var registered = meeting.Id == 0 ? [] : await (from r in db.MeetingRegistrations
                                                        join u in db.Users on r.UserId equals u.Id
                                                        where r.MeetingId == meeting.Id && u.Email != null
                                                        select new DevelopmentMail.Recipient(u.Email!, u.DisplayName, r.MemberBodyId ?? 0, "")).ToListAsync(ct);
        var recipients = delegates.Concat(registered).DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
        if (recipients.Count == 0)
        {
            return;
        }
        using var _ = CultureScope.Use(Cultures.Default);
        var when = When(meeting);
        var where = Where(meeting);
        foreach (var r in recipients)
        {
            mail.Queue(db, r,
                t["Mail.Meeting." + change + ".Subject", committee.Reference, meeting.Title, DevelopmentFormat.Date(meeting.StartsAt)],
                t["Mail.Meeting." + change + ".Text", meeting.Title, committee.Reference, when, where],
                mail.Link(DevelopmentLinks.Meeting(meeting.Id)));
        }
    }

    /// <summary>"2027-03-02 09:00 UTC – 2027-03-05 17:00 UTC".</summary>
    public static string When(Meeting m) => $"{DevelopmentFormat.Time(m.StartsAt)} – {DevelopmentFormat.Time(m.EndsAt)}";

    /// <summary>The address, city and country as one line, then the online link (for the committee's people) or the word "online" (for the public).</summary>
    public static string Where(Meeting m, string? online = null)
    {
        var country = m.CountryCode is null ? null : CountryCodes.Name(m.CountryCode);
        var place = string.Join(", ", new[] { m.Address, m.City, country }.Where(p => !string.IsNullOrWhiteSpace(p)));
        return string.Join(" · ", new[] { place, m.OnlineUrl is null ? null : online ?? m.OnlineUrl }.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
