using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Meetings;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Meetings;

/// <summary>A committee's manager plans, changes and cancels meetings; the delegates of its member bodies hear of it and register.</summary>
public class MeetingTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private static readonly DateTimeOffset Start = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(40).AddHours(9);

    private static object Request(string title = "42nd plenary meeting", DateTimeOffset? end = null, string? host = null) => new
    {
        kind = "Plenary", number = 42, title, startsAt = Start, endsAt = end ?? Start.AddDays(2).AddHours(8), address = "Chemin de Blandonnet 8", city = "Geneva",
        country = "CH", onlineUrl = "https://meet.example.org/secret-room", host, agenda = "1. Opening\n2. <script>alert(1)</script>**Adoption** of the agenda",
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<List<Normative.Mail.OutboxMessage>> MailToAsync(string email) =>
        factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());

    private Task<int> MeetingsOfAsync(int committeeId) => factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.CommitteeId == committeeId));

    [Fact]
    public async Task ManagerPlansAMeetingAndTheCommitteesDelegatesHearOfIt()
    {
        var (committee, p, o) = await _world.CommitteeAsync(2, 1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var (pDelegate, pUser) = await _world.DelegateAsync(p[0]);
        var (_, oUser) = await _world.DelegateAsync(o[0]);
        var (_, outsider) = await _world.DelegateAsync(await _world.BodyAsync());

        var created = await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request(host: p[1].Acronym)), HttpStatusCode.Created);

        Assert.Equal(("Planned", p[1].Acronym, "https://meet.example.org/secret-room"), (created.GetProperty("status").GetString(), created.GetProperty("host").GetString(), created.GetProperty("onlineUrl").GetString()));
        var mail = Assert.Single(await MailToAsync(pUser.Email!));
        Assert.Contains($"{committee.Reference}: meeting planned — 42nd plenary meeting", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Geneva, Switzerland", mail.TextBody, StringComparison.Ordinal);
        Assert.Single(await MailToAsync(oUser.Email!));
        Assert.Empty(await MailToAsync(outsider.Email!));

        // The date and place are public; the online link is for the committee's people.
        var id = created.GetProperty("id").GetInt32();
        var anonymous = await JsonAsync(await factory.CreateClient().GetAsync($"/api/v1/meetings/{id}"), HttpStatusCode.OK);
        Assert.Equal(("Geneva", JsonValueKind.Null), (anonymous.GetProperty("city").GetString(), anonymous.GetProperty("onlineUrl").ValueKind));
        var seen = await JsonAsync(await pDelegate.GetAsync($"/api/v1/committees/{committee.Id}/meetings"), HttpStatusCode.OK);
        Assert.Equal("https://meet.example.org/secret-room", Assert.Single(seen.EnumerateArray()).GetProperty("onlineUrl").GetString());

        // A new date is news; a new agenda is not.
        var moved = await JsonAsync(await manager.PutAsJsonAsync($"/api/v1/meetings/{id}", Request(end: Start.AddDays(3))), HttpStatusCode.OK);
        Assert.Equal(Start.AddDays(3), moved.GetProperty("endsAt").GetDateTimeOffset());
        Assert.Contains("meeting changed", (await MailToAsync(pUser.Email!)).Last().Subject, StringComparison.Ordinal);
        await JsonAsync(await manager.PutAsJsonAsync($"/api/v1/meetings/{id}", Request(end: Start.AddDays(3), title: "42nd plenary meeting (Geneva)")), HttpStatusCode.OK);
        Assert.Equal(2, (await MailToAsync(pUser.Email!)).Count);
    }

    [Fact]
    public async Task BadMeetingsAndRegistrationsAreRefusedAndNothingChanges()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var (delegateApi, delegateUser) = await _world.DelegateAsync(p[0]);
        var (outsiderApi, outsider) = await _world.DelegateAsync(await _world.BodyAsync());

        var backwards = await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request(end: Start.AddHours(-1))), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Meeting.EndBeforeStart", backwards.GetProperty("code").GetString());
        Assert.Equal("The meeting cannot end before it starts.", backwards.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await delegateApi.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request())).StatusCode);
        Assert.Equal(0, await MeetingsOfAsync(committee.Id));

        var id = (await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request()), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var registered = await JsonAsync(await delegateApi.PostAsJsonAsync($"/api/v1/meetings/{id}/registrations", new { }), HttpStatusCode.Created);
        Assert.Equal(p[0].Acronym, registered.GetProperty("memberBody").GetString());
        var twice = await JsonAsync(await delegateApi.PostAsJsonAsync($"/api/v1/meetings/{id}/registrations", new { }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Meeting.AlreadyRegistered", twice.GetProperty("code").GetString());
        var notInCommittee = await JsonAsync(await outsiderApi.PostAsJsonAsync($"/api/v1/meetings/{id}/registrations", new { }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Meeting.NotInCommittee", notInCommittee.GetProperty("code").GetString());
        var byManager = await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/meetings/{id}/registrations", new { email = outsider.Email }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Meeting.NotInCommittee", byManager.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await outsiderApi.PostAsJsonAsync($"/api/v1/meetings/{id}/registrations", new { email = delegateUser.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await delegateApi.GetAsync($"/api/v1/meetings/{id}/registrations")).StatusCode);
        var list = await JsonAsync(await manager.GetAsync($"/api/v1/meetings/{id}/registrations"), HttpStatusCode.OK);
        Assert.Equal(delegateUser.Email, Assert.Single(list.EnumerateArray()).GetProperty("email").GetString());

        await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommitteeRules.Disbanded)));
        var disbanded = await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request()), HttpStatusCode.Conflict);
        Assert.Equal("Error.Meeting.Disbanded", disbanded.GetProperty("code").GetString());
        Assert.Equal(1, await MeetingsOfAsync(committee.Id));
        Assert.Equal(1, await factory.WithDbAsync(db => db.MeetingRegistrations.CountAsync(r => r.MeetingId == id)));
    }

    [Fact]
    public async Task TheCommitteesExpertsRegisterAndSeeTheOnlineLink()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var (expertApi, expert) = await _world.DelegateAsync(await _world.BodyAsync());
        var id = (await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request()), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        Assert.False((await JsonAsync(await expertApi.GetAsync($"/api/v1/meetings/{id}"), HttpStatusCode.OK)).TryGetProperty("onlineUrl", out var hidden) && hidden.ValueKind == JsonValueKind.String);
        Assert.Equal("Error.Meeting.NotInCommittee", (await JsonAsync(await expertApi.PostAsJsonAsync($"/api/v1/meetings/{id}/registrations", new { }), HttpStatusCode.Conflict)).GetProperty("code").GetString());

        // Nominated to the committee under the address of their (confirmed) account, they take part.
        await factory.WithDbAsync(async db =>
        {
            db.CommitteeExperts.Add(new Normative.Features.Development.Experts.CommitteeExpert { CommitteeId = committee.Id, Name = "An Expert", Email = expert.Email!.ToLowerInvariant(), NominatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.Equal("https://meet.example.org/secret-room", (await JsonAsync(await expertApi.GetAsync($"/api/v1/meetings/{id}"), HttpStatusCode.OK)).GetProperty("onlineUrl").GetString());
        await JsonAsync(await expertApi.PostAsJsonAsync($"/api/v1/meetings/{id}/registrations", new { }), HttpStatusCode.Created);
        var list = await JsonAsync(await manager.GetAsync($"/api/v1/meetings/{id}/registrations"), HttpStatusCode.OK);
        Assert.Equal(expert.Email, Assert.Single(list.EnumerateArray()).GetProperty("email").GetString());
    }

    [Fact]
    public async Task ACancelledMeetingStaysOnRecordAndItsRegistrantsAreTold()
    {
        var (committee, p, _) = await _world.CommitteeAsync(2);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var (_, delegateUser) = await _world.DelegateAsync(p[0]);
        var (_, other) = await _world.DelegateAsync(p[1]);
        var id = (await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request()), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/meetings/{id}/registrations", new { email = delegateUser.Email }), HttpStatusCode.Created);

        var cancelled = await JsonAsync(await manager.PostAsync($"/api/v1/meetings/{id}/cancel", null), HttpStatusCode.OK);

        Assert.Equal("Cancelled", cancelled.GetProperty("status").GetString());
        Assert.Contains("meeting cancelled", (await MailToAsync(delegateUser.Email!)).Last().Subject, StringComparison.Ordinal);
        Assert.Contains("meeting cancelled", (await MailToAsync(other.Email!)).Last().Subject, StringComparison.Ordinal);
        Assert.Equal("Error.Meeting.Cancelled", (await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/meetings/{id}/registrations", new { email = other.Email }), HttpStatusCode.Conflict)).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync($"/api/v1/meetings/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PutAsJsonAsync($"/api/v1/meetings/{id}", Request())).StatusCode);

        var page = await factory.Browser().GetDocumentAsync($"/committees/{committee.Slug}/meetings?culture=en");
        Assert.Contains("cancelled", page.QuerySelector("#coming + p + div table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitteeAndPersonalCalendarsListTheMeetings()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var (delegateApi, delegateUser) = await _world.DelegateAsync(p[0]);
        var id = (await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request()), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var other = (await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request("WG 1 meeting")), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        await JsonAsync(await delegateApi.PostAsJsonAsync($"/api/v1/meetings/{id}/registrations", new { }), HttpStatusCode.Created);
        await manager.PostAsync($"/api/v1/meetings/{other}/cancel", null);

        var feed = await factory.CreateClient().GetAsync($"/api/v1/committees/{committee.Id}/meetings.ics");
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var text = (await feed.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains($"SUMMARY:{committee.Reference}: 42nd plenary meeting\r\n", text, StringComparison.Ordinal);
        Assert.Contains(@"LOCATION:Chemin de Blandonnet 8\, Geneva\, Switzerland · online", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART:" + Start.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("STATUS:CANCELLED", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-room", text, StringComparison.Ordinal);

        var key = await factory.WithDbAsync(db => MeetingActions.CalendarKeyAsync(db, delegateUser.Id, false, DateTimeOffset.UtcNow));
        var mine = (await factory.CreateClient().GetStringAsync($"/api/v1/calendars/{key}/meetings.ics")).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("42nd plenary meeting", mine, StringComparison.Ordinal);
        Assert.Contains("https://meet.example.org/secret-room", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("WG 1 meeting", mine, StringComparison.Ordinal);
        var renewed = await factory.WithDbAsync(db => MeetingActions.CalendarKeyAsync(db, delegateUser.Id, true, DateTimeOffset.UtcNow));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/calendars/{key}/meetings.ics")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/api/v1/calendars/{renewed}/meetings.ics")).StatusCode);
    }

    [Fact]
    public async Task ManagerPlansInThePagesAndADelegateRegistersThere()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (_, managerBrowser, _) = await _world.ManagerAsync(committee.Id);
        var form = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Plenary", ["Input.Title"] = "12th plenary meeting", ["Input.StartsAt"] = Start.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.EndsAt"] = Start.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture), ["Input.City"] = "Nairobi", ["Input.Country"] = "KE",
            ["Input.Agenda"] = "1. Opening\n<script>alert(1)</script>",
        };

        var refused = await managerBrowser.SubmitFormAsync($"/committees/{committee.Slug}/meetings/new?culture=en", form, "#meeting-form");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("The meeting cannot end before it starts.", (await refused.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await MeetingsOfAsync(committee.Id));

        form["Input.EndsAt"] = Start.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var created = await managerBrowser.SubmitFormAsync($"/committees/{committee.Slug}/meetings/new?culture=en", form, "#meeting-form");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var meetingUrl = created.Headers.Location!.OriginalString;
        Assert.Matches(@"^/development/meetings/\d+$", meetingUrl);
        var tab = await managerBrowser.GetDocumentAsync($"/committees/{committee.Slug}/meetings?culture=en");
        Assert.Equal("page", tab.QuerySelector($".tabs a[href='/committees/{committee.Slug}/meetings']")!.GetAttribute("aria-current"));
        Assert.Contains("12th plenary meeting", tab.QuerySelector("#coming + p + div")!.TextContent, StringComparison.Ordinal);

        var (delegateBrowser, delegateUser) = await factory.SignInAsAsync(Roles.Delegate);
        await _world.LinkAsync(delegateUser, p[0]);
        var page = await delegateBrowser.GetDocumentAsync(meetingUrl + "?culture=en");
        Assert.Null(page.QuerySelector("#agenda + .article-body script"));
        Assert.Contains("Opening", page.QuerySelector("#agenda + .article-body")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await delegateBrowser.SubmitFormAsync(meetingUrl + "?culture=en", [], "#register-form")).StatusCode);
        Assert.NotNull((await delegateBrowser.GetDocumentAsync(meetingUrl + "?culture=en")).QuerySelector("#registered"));
        var dashboard = await delegateBrowser.GetDocumentAsync("/development/dashboard?culture=en");
        Assert.Contains("12th plenary meeting", dashboard.QuerySelector("#meetings + ul")!.TextContent, StringComparison.Ordinal);

        var managed = await managerBrowser.GetDocumentAsync(meetingUrl + "?culture=en");
        Assert.Contains(delegateUser.Email!, managed.QuerySelector("#registrants-table")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#registrants-table"));

        Assert.Equal(HttpStatusCode.Redirect, (await delegateBrowser.SubmitFormAsync("/development/meetings?culture=en", [], "#calendar-form")).StatusCode);
        var mine = await delegateBrowser.GetDocumentAsync("/development/meetings?culture=en");
        var url = mine.QuerySelector("#calendar-url")!.GetAttribute("value")!;
        Assert.Contains("/api/v1/calendars/", url, StringComparison.Ordinal);
        Assert.Contains("12th plenary meeting", await factory.CreateClient().GetStringAsync(new Uri(url).PathAndQuery), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheCommitteesManagerOrAnAdministratorPlansChangesAndCancels()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (other, _, _) = await _world.CommitteeAsync(1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var (otherManager, otherBrowser, _) = await _world.ManagerAsync(other.Id);
        var (administrator, _) = await factory.ApiClientAsync(Roles.Administrator);
        var (delegateApi, _) = await _world.DelegateAsync(p[0]);

        var id = (await JsonAsync(await administrator.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request()), HttpStatusCode.Created)).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await otherManager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/meetings", Request())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherManager.PutAsJsonAsync($"/api/v1/meetings/{id}", Request("Taken over"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await delegateApi.PutAsJsonAsync($"/api/v1/meetings/{id}", Request("Taken over"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await delegateApi.PostAsync($"/api/v1/meetings/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsync($"/api/v1/meetings/{id}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherBrowser.GetAsync($"/development/meetings/{id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherBrowser.GetAsync($"/committees/{committee.Slug}/meetings/new")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PutAsJsonAsync("/api/v1/meetings/999999", Request())).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await manager.PutAsJsonAsync($"/api/v1/meetings/{id}", new { kind = "Party", title = "x", startsAt = Start, endsAt = Start, city = "Geneva" })).StatusCode);

        var cancelled = await JsonAsync(await manager.PostAsync($"/api/v1/meetings/{id}/cancel", null), HttpStatusCode.OK);
        Assert.Equal(("42nd plenary meeting", "Cancelled"), (cancelled.GetProperty("title").GetString(), cancelled.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task TheMeetingEndpointsAreInTheOpenApiDocument()
    {
        var doc = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/meetings").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/meetings").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/meetings/{id}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/meetings/{id}/cancel").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/meetings/{id}/registrations").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/meetings.ics").TryGetProperty("get", out _));
    }
}
