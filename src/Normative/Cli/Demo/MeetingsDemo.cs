using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Meetings;
using Normative.Features.Development.Membership;

namespace Normative.Cli.Demo;

/// <summary>
/// A few meetings around today, once: a past plenary with its resolutions, a coming plenary with
/// delegates registered (the demo delegate among them), an online working group meeting and a cancelled one. Written straight to
/// the tables (the demo's delegates need no mail about them).
/// </summary>
internal static class MeetingsDemo
{
    public static async Task LoadAsync(NormativeDb db, Dictionary<string, Committee> committees, Dictionary<string, (MemberBody Body, string UserId)> delegates,
        DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Meetings.AnyAsync(ct) || !committees.TryGetValue("ISO/TC 176/SC 2", out var sc2) || !committees.TryGetValue("ISO/IEC JTC 1/SC 27", out var sc27))
        {
            return;
        }
        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var sc2Bodies = await db.CommitteeMemberships.Where(m => m.CommitteeId == sc2.Id).Select(m => m.MemberBodyId).ToListAsync(ct);
        int? Host(string acronym) => delegates.TryGetValue(acronym, out var d) ? d.Body.Id : null;
        var past = new Meeting
        {
            CommitteeId = sc2.Id, Kind = MeetingKind.Plenary, Number = 38, Title = "38th plenary meeting", StartsAt = day.AddDays(-200).AddHours(8), EndsAt = day.AddDays(-197).AddHours(16),
            Address = "Chiswick High Road 389", City = "London", CountryCode = "GB", HostMemberBodyId = Host("BSI"), Status = MeetingStatus.Planned,
            Agenda = "1. Opening of the meeting\n2. Adoption of the agenda\n3. Report of the secretariat\n4. Work programme\n5. Resolutions",
            Resolutions = "**Resolution 1/38** — ISO/TC 176/SC 2 approves the registration of a new work item on the revision of ISO 9001.\n\n**Resolution 2/38** — ISO/TC 176/SC 2 thanks BSI for hosting the meeting.",
            CreatedAt = day.AddDays(-320), UpdatedAt = day.AddDays(-190),
        };
        var coming = new Meeting
        {
            CommitteeId = sc2.Id, Kind = MeetingKind.Plenary, Number = 39, Title = "39th plenary meeting", StartsAt = day.AddDays(45).AddHours(8), EndsAt = day.AddDays(48).AddHours(16),
            Address = "Chemin de Blandonnet 8", City = "Vernier, Geneva", CountryCode = "CH", OnlineUrl = "https://meet.demo.normative.test/tc176-sc2-39",
            HostMemberBodyId = Host("SNV"), Status = MeetingStatus.Planned,
            Agenda = "1. Opening of the meeting\n2. Adoption of the agenda\n3. Progress of ISO 9001 revision\n4. Liaison reports\n5. Next meetings",
            CreatedAt = day.AddDays(-60), UpdatedAt = day.AddDays(-60),
        };
        var online = new Meeting
        {
            CommitteeId = sc27.Id, Kind = MeetingKind.WorkingGroup, Title = "WG 1 virtual meeting", StartsAt = day.AddDays(12).AddHours(13), EndsAt = day.AddDays(12).AddHours(16),
            OnlineUrl = "https://meet.demo.normative.test/jtc1-sc27-wg1", Status = MeetingStatus.Planned, Agenda = "Comment resolution on the committee draft.",
            CreatedAt = day.AddDays(-20), UpdatedAt = day.AddDays(-20),
        };
        var cancelled = new Meeting
        {
            CommitteeId = sc27.Id, Kind = MeetingKind.Plenary, Number = 68, Title = "68th plenary meeting", StartsAt = day.AddDays(90).AddHours(8), EndsAt = day.AddDays(94).AddHours(16),
            City = "Berlin", CountryCode = "DE", HostMemberBodyId = Host("DIN"), Status = MeetingStatus.Cancelled, CreatedAt = day.AddDays(-100), UpdatedAt = day.AddDays(-5),
        };
        db.Meetings.AddRange(past, coming, online, cancelled);
        await db.SaveChangesAsync(ct);
        foreach (var (acronym, (body, userId)) in delegates.Where(d => sc2Bodies.Contains(d.Value.Body.Id)).OrderBy(d => d.Key == "UNE" ? 0 : 1).ThenBy(d => d.Key, StringComparer.Ordinal).Take(4))
        {
            db.MeetingRegistrations.Add(new MeetingRegistration { MeetingId = coming.Id, UserId = userId, MemberBodyId = body.Id, RegisteredAt = day.AddDays(-30), RegisteredByUserId = userId });
            db.MeetingRegistrations.Add(new MeetingRegistration { MeetingId = past.Id, UserId = userId, MemberBodyId = body.Id, RegisteredAt = day.AddDays(-230), RegisteredByUserId = userId });
        }
        await db.SaveChangesAsync(ct);
    }
}
