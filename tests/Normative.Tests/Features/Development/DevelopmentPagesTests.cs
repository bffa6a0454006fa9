using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development;

/// <summary>The public face of development: directory, member pages, committee pages, calendar, API document, dashboards.</summary>
public class DevelopmentPagesTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    [Fact]
    public async Task MembersDirectoryListsBodiesAndFiltersByCategory()
    {
        var body = await _world.BodyAsync();
        var subscriber = await _world.BodyAsync(MemberCategory.SubscriberMember);

        var all = await factory.Browser().GetDocumentAsync("/members?culture=en");
        var acronyms = all.QuerySelectorAll("main table tbody tr td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains(body.Acronym, acronyms);
        Assert.Contains(subscriber.Acronym, acronyms);

        var subscribers = await factory.Browser().GetDocumentAsync("/members?category=SubscriberMember&culture=en");
        var rows = subscribers.QuerySelectorAll("main table tbody tr").ToList();
        Assert.All(rows, r => Assert.Contains("Subscriber member", r.TextContent, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.TextContent.Contains(subscriber.Acronym, StringComparison.Ordinal));

        var search = await factory.Browser().GetDocumentAsync($"/members?q={body.Acronym}&culture=fr");
        Assert.Equal("Organisme membre", search.QuerySelector("main table tbody tr td:nth-child(4)")!.TextContent.Trim());
        Assert.Equal($"Pays {body.CountryCode}", search.QuerySelector("main table tbody tr td:nth-child(1)")!.TextContent.Trim());
    }

    [Fact]
    public async Task MemberPageShowsCommitteesAndSecretariats()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.SecretariatMemberBodyId, p[0].Id)));

        var page = await factory.Browser().GetDocumentAsync($"/members/{p[0].CountryCode}?culture=en");
        Assert.Contains(p[0].Name, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"#committees ~ .table-scroll a[href='/committees/{committee.Slug}/members']"));
        Assert.NotNull(page.QuerySelector($"#secretariats ~ ul a[href='/committees/{committee.Slug}/work-programme']"));
        Assert.Null(page.QuerySelector("#delegates"));

        var redirect = await factory.Browser().GetAsync($"/members/{p[0].Acronym.ToLowerInvariant()}");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        Assert.Equal($"/members/{p[0].CountryCode}", redirect.Headers.Location!.OriginalString);
        // Not "QQQ": the test world's bodies take "Q" + an unassigned pair as their alpha-3 code, and QQ is unassigned.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync("/members/ZZZ")).StatusCode);
    }

    [Fact]
    public async Task AdministratorRegistersADelegateOfAMemberBody()
    {
        var body = await _world.BodyAsync();
        var person = await factory.CreateUserAsync(Roles.Customer);
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);

        var added = await admin.SubmitFormAsync($"/members/{body.CountryCode}?culture=en", new() { ["newDelegate.Email"] = person.Email! }, "form[action*='handler=AddDelegate']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var roles = await factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == person.Id select r.Name).ToListAsync());
        Assert.Contains(Roles.Delegate, roles);
        Assert.True(await factory.WithDbAsync(db => db.MemberBodyDelegates.AnyAsync(d => d.MemberBodyId == body.Id && d.UserId == person.Id)));

        var unknown = await admin.SubmitFormAsync($"/members/{body.CountryCode}?culture=en", new() { ["newDelegate.Email"] = "nobody@example.org" }, "form[action*='handler=AddDelegate']");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);

        // Someone else gets no form, and a forged post is refused.
        var (customer, _) = await factory.SignInAsAsync(Roles.Customer);
        var page = await customer.GetDocumentAsync($"/members/{body.CountryCode}");
        Assert.Null(page.QuerySelector("form[action*='handler=AddDelegate']"));
        var forged = await customer.PostAsync($"/members/{body.CountryCode}?handler=AddDelegate", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", (await customer.GetDocumentAsync("/account")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
             new("newDelegate.Email", person.Email!)]));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task MembersApiListsAndDescribesMemberBodies()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var list = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/members?category=memberbody");
        Assert.Contains(list.EnumerateArray(), m => m.GetProperty("acronym").GetString() == p[0].Acronym && m.GetProperty("category").GetString() == "MemberBody");
        var one = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/members/{p[0].CountryCode3}");
        Assert.Equal(p[0].CountryCode, one.GetProperty("member").GetProperty("code").GetString());
        Assert.Equal(committee.Reference, one.GetProperty("committees")[0].GetProperty("committee").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/v1/members/nope")).StatusCode);
    }

    [Fact]
    public async Task CommitteeCalendarIsAnICalendarFeedOfBallotClosingDates()
    {
        var (ballot, committee, _, _) = await _world.OpenDisAsync(p: 1, o: 0);
        var response = await factory.CreateClient().GetAsync($"/api/v1/committees/{committee.Id}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = (await response.Content.ReadAsStringAsync()).Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", text, StringComparison.Ordinal);
        Assert.Contains($"UID:ballot-{ballot.Id}@", text, StringComparison.Ordinal);
        Assert.Contains("DTSTART:" + ballot.ClosesAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:DIS ballot closes: ISO/DIS", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/api/v1/committees/987654/calendar.ics")).StatusCode);
    }

    [Fact]
    public async Task WorkProgrammeShowsProjectsStagesTargetsAndOverdueFlags()
    {
        var (committee, p, o) = await _world.CommitteeAsync(2, 1);
        var onTime = await _world.ProjectAsync(committee.Id, "ISO 26001");
        var late = await _world.ProjectAsync(committee.Id, "ISO 26002");
        await factory.WithDbAsync(db => db.Projects.Where(x => x.Id == late.Id).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Stage, 2020).SetProperty(x => x.RegisteredOn, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2))));

        var page = await factory.Browser().GetDocumentAsync($"/committees/{committee.Slug}/work-programme?culture=en");
        var rows = page.QuerySelectorAll("#projects ~ .table-scroll tbody tr").ToList();
        Assert.Equal(2, rows.Count);
        var lateRow = rows.Single(r => r.TextContent.Contains("ISO/WD 26002", StringComparison.Ordinal));
        Assert.Contains("Overdue", lateRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("20.20", lateRow.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue", rows.Single(r => r.TextContent.Contains("ISO/NP 26001", StringComparison.Ordinal)).TextContent, StringComparison.Ordinal);
        Assert.Contains("2 P-members and 1 O-members", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal([.. p.Select(b => b.Acronym).Order(), o[0].Acronym], page.QuerySelectorAll("#members ~ dl a").Select(a => a.TextContent));

        var overdue = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/projects?committee={committee.Id}&overdue=true");
        Assert.Equal([late.Id], overdue.EnumerateArray().Select(x => x.GetProperty("id").GetInt32()));
        Assert.Equal(onTime.Id, (await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/projects?committee={committee.Id}&stage=10.00"))[0].GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task DelegateDashboardListsTheBallotsWaitingForTheBody()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync(p: 2, o: 0);
        var (browser, user) = await factory.SignInAsAsync(Roles.Delegate);
        await _world.LinkAsync(user, p[0]);

        var page = await browser.GetDocumentAsync("/development/dashboard?culture=en");
        Assert.NotNull(page.QuerySelector($".waiting-list a[href='/development/ballots/{ballot.Id}#vote']"));

        await browser.SubmitFormAsync($"/development/ballots/{ballot.Id}", new() { ["vote.Position"] = "Approve" }, "form[action*='handler=Vote']");
        page = await browser.GetDocumentAsync("/development/dashboard?culture=en");
        Assert.Null(page.QuerySelector($".waiting-list a[href='/development/ballots/{ballot.Id}#vote']"));
        Assert.Contains("voted: Approve", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagerDashboardShowsParticipationSoFar()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 4, o: 0);
        var (api, _) = await _world.DelegateAsync(p[0]);
        await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "approve" });
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);

        var page = await browser.GetDocumentAsync("/development/dashboard?culture=en");
        var meter = page.QuerySelector($"#committee-{committee.Id} ~ .table-scroll meter")!;
        Assert.Equal(("1", "4"), (meter.GetAttribute("value"), meter.GetAttribute("max")));
        Assert.Contains("1 of 4 P-members have voted", meter.ParentElement!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardNeedsASignedInPersonAndSaysWhenThereIsNothing()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().GetAsync("/development/dashboard")).StatusCode);
        var (customer, _) = await factory.SignInAsAsync(Roles.Customer);
        var page = await customer.GetDocumentAsync("/development/dashboard?culture=en");
        Assert.Contains("committee managers and member body delegates", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommitteeSettingsAreForItsManagersAndOfficersAreForAdministrators()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var settings = $"/committees/{committee.Slug}/settings";
        var managerUser = await factory.CreateUserAsync(Roles.Customer);
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(settings, new() { ["secretariat.MemberBody"] = p[0].Acronym }, "#secretariat-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(settings, new() { ["appoint.Role"] = "Chair", ["appoint.Name"] = "Dr Chair" }, "#appoint-form")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect,
            (await admin.SubmitFormAsync(settings, new() { ["appoint.Role"] = "CommitteeManager", ["appoint.Email"] = managerUser.Email! }, "#appoint-form")).StatusCode);
        var c = await factory.WithDbAsync(db => db.Committees.SingleAsync(x => x.Id == committee.Id));
        Assert.Equal((p[0].Id, "Dr Chair", managerUser.Id), (c.SecretariatMemberBodyId!.Value, c.Chair, c.ManagerUserId));

        // The new manager (given the role) sees the settings and edits the scope, but appoints no one.
        var manager = factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = managerUser.Email!, ["Input.Password"] = NormativeFactory.Password })).StatusCode);
        var page = await manager.GetDocumentAsync(settings + "?culture=en");
        Assert.NotNull(page.QuerySelector("#record-form"));
        Assert.Null(page.QuerySelector("#appoint-form"));
        var token = page.QuerySelector("#record-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var coup = await manager.PostAsync(settings + "?handler=Appoint", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["appoint.Role"] = "Chair", ["appoint.Name"] = "Mr Coup",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, coup.StatusCode);
        var edited = await manager.SubmitFormAsync(settings, new() { ["Record.TitleEn"] = "Renamed by its manager", ["Record.Scope"] = "A scope" }, "#record-form");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal("Dr Chair", (await factory.WithDbAsync(db => db.Committees.SingleAsync(x => x.Id == committee.Id))).Chair);
        var (other, _) = await factory.SignInAsAsync(Roles.CommitteeManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync(settings)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().GetAsync(settings)).StatusCode);
    }

    [Fact]
    public async Task TakingPartReplacesTheComingSoonPage()
    {
        var page = await factory.Browser().GetDocumentAsync("/taking-part?culture=en");
        Assert.Equal("Taking part", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("not open yet", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        foreach (var href in new[] { "/members", "/development/consultations", "/development" })
        {
            Assert.NotNull(page.QuerySelector($"main a[href='{href}']"));
        }
        foreach (var culture in new[] { "fr", "es", "ru" })
        {
            var translated = await factory.Browser().GetDocumentAsync($"/taking-part?culture={culture}");
            Assert.NotEqual(page.QuerySelector(".lead")!.TextContent, translated.QuerySelector(".lead")!.TextContent);
        }
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheDevelopmentApi()
    {
        var doc = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var path in new[]
        {
            "/api/v1/members", "/api/v1/members/{code}", "/api/v1/committees/{id}/members", "/api/v1/committees/{id}/calendar.ics", "/api/v1/projects",
            "/api/v1/projects/{id}/stages", "/api/v1/ballots", "/api/v1/ballots/{id}/votes", "/api/v1/ballots/{id}/result", "/api/v1/ballots/{id}/comments.csv",
        })
        {
            Assert.Contains(path, paths);
        }
    }
}
