using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Committees;

/// <summary>
/// A committee's record: title and scope edited with their history, the secretariat transferred,
/// chair and committee manager appointed for terms — each change recorded, a bad one refused with
/// nothing changed.
/// </summary>
public class CommitteeRecordTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<int> EventsAsync(int committeeId) => factory.WithDbAsync(db => db.CommitteeEvents.CountAsync(e => e.CommitteeId == committeeId));

    [Fact]
    public async Task TheManagerEditsTitleAndScopeAndEachChangeIsRecordedWithWhoWhenAndOldToNew()
    {
        var (committee, _, _) = await _world.CommitteeAsync(0);
        var (manager, _, managerUser) = await _world.ManagerAsync(committee.Id);

        var edited = await JsonAsync(await manager.PutAsJsonAsync($"/api/v1/committees/{committee.Id}",
            new { titleEn = "Quality of tests", scope = "Standardization of testing.", note = "Resolution 12/2026" }), HttpStatusCode.OK);
        Assert.Equal("Quality of tests", edited.GetProperty("titleEn").GetString());
        Assert.Equal($"/committees/{committee.Slug}", edited.GetProperty("page").GetString());

        var record = await JsonAsync(await factory.CreateClient().GetAsync($"/api/v1/committees/{committee.Id}/record"), HttpStatusCode.OK);
        var history = record.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["ScopeChanged", "TitleChanged"], history.Select(h => h.GetProperty("kind").GetString()));
        var title = history[1];
        Assert.Equal((committee.TitleEn, "Quality of tests", "Resolution 12/2026"), (title.GetProperty("from").GetString(), title.GetProperty("to").GetString(), title.GetProperty("note").GetString()));
        Assert.Equal(managerUser.DisplayName ?? managerUser.Email, title.GetProperty("by").GetString());

        // The overview shows the history to everyone.
        var overview = await factory.Browser().GetDocumentAsync($"/committees/{committee.Slug}?culture=en");
        var rows = overview.QuerySelectorAll("#record-history ~ .table-scroll tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Title changed", StringComparison.Ordinal) && r.Contains(committee.TitleEn, StringComparison.Ordinal) && r.Contains("Quality of tests", StringComparison.Ordinal));

        // Nothing new, an empty title, or a disbanded committee: refused, nothing changed.
        var same = await JsonAsync(await manager.PutAsJsonAsync($"/api/v1/committees/{committee.Id}", new { titleEn = "Quality of tests", scope = "Standardization of testing." }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Committee.Unchanged", same.GetProperty("code").GetString());
        var empty = await JsonAsync(await manager.PutAsJsonAsync($"/api/v1/committees/{committee.Id}", new { titleEn = " ", scope = "Other" }), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Committee.Title", empty.GetProperty("code").GetString());
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);
        await JsonAsync(await admin.PostAsync($"/api/v1/committees/{committee.Id}/disband", null), HttpStatusCode.OK);
        var disbanded = await JsonAsync(await manager.PutAsJsonAsync($"/api/v1/committees/{committee.Id}", new { titleEn = "Too late" }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Committee.DisbandedRecord", disbanded.GetProperty("code").GetString());
        var stored = await factory.WithDbAsync(db => db.Committees.SingleAsync(c => c.Id == committee.Id));
        Assert.Equal(("Quality of tests", "Standardization of testing."), (stored.TitleEn, stored.Scope));
        Assert.Equal(3, await EventsAsync(committee.Id));
    }

    [Fact]
    public async Task TheSecretariatIsTransferredOnlyToAMemberBodyAndTheTransferIsRecorded()
    {
        var (committee, p, _) = await _world.CommitteeAsync(2);
        var correspondent = await _world.BodyAsync(MemberCategory.CorrespondentMember);
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);

        await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/secretariat", new { memberBody = p[0].Acronym }), HttpStatusCode.OK);
        await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/secretariat", new { memberBody = p[1].CountryCode, note = "Offered at the plenary" }),
            HttpStatusCode.OK);
        Assert.Equal(p[1].Acronym, await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).Select(c => c.Secretariat).SingleAsync()));

        var refused = await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/secretariat", new { memberBody = correspondent.Acronym }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Committee.Secretariat", refused.GetProperty("code").GetString());
        var again = await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/secretariat", new { memberBody = p[1].Acronym }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Committee.SecretariatUnchanged", again.GetProperty("code").GetString());
        var unknown = await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/secretariat", new { memberBody = "NOPE" }), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Member.Unknown", unknown.GetProperty("code").GetString());

        Assert.Equal(p[1].Id, await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).Select(c => c.SecretariatMemberBodyId).SingleAsync()));
        var transfers = await factory.WithDbAsync(db => db.CommitteeEvents.Where(e => e.CommitteeId == committee.Id).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([(null, p[0].Acronym), (p[0].Acronym, p[1].Acronym)], transfers.Select(e => (e.FromValue, e.ToValue)));
        Assert.Equal("Offered at the plenary", transfers[1].Note);
    }

    [Fact]
    public async Task ChairsAndManagersServeTermsAndTheOverviewShowsTheCurrentOnesAndThePast()
    {
        var (committee, _, _) = await _world.CommitteeAsync(0);
        var managerUser = await factory.CreateUserAsync(Roles.Customer);
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var url = $"/api/v1/committees/{committee.Id}/officers";

        var first = await JsonAsync(await admin.PostAsJsonAsync(url, new { role = "Chair", name = "Dr First", startsOn = today.AddYears(-3), endsOn = today.AddYears(3) }), HttpStatusCode.Created);
        await JsonAsync(await admin.PostAsJsonAsync(url, new { role = "chair", name = "Dr Second", startsOn = today.AddDays(-10) }), HttpStatusCode.Created);
        await JsonAsync(await admin.PostAsJsonAsync(url, new { role = "CommitteeManager", email = managerUser.Email, startsOn = today }), HttpStatusCode.Created);

        var stored = await factory.WithDbAsync(db => db.Committees.SingleAsync(c => c.Id == committee.Id));
        Assert.Equal(("Dr Second", managerUser.Id), (stored.Chair, stored.ManagerUserId));
        var firstTerm = await factory.WithDbAsync(db => db.CommitteeOfficers.SingleAsync(o => o.Id == first.GetProperty("id").GetInt32()));
        Assert.Equal(today.AddDays(-11), firstTerm.EndsOn);
        // The new manager runs the committee at once.
        Assert.True(await factory.WithServicesAsync(async sp =>
        {
            var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<User>>(sp);
            return await users.IsInRoleAsync((await users.FindByIdAsync(managerUser.Id))!, Roles.CommitteeManager);
        }));

        var overview = await factory.Browser().GetDocumentAsync($"/committees/{committee.Slug}?culture=en");
        var officers = overview.QuerySelector(".officers")!.TextContent;
        Assert.Contains("Dr Second", officers, StringComparison.Ordinal);
        Assert.DoesNotContain("Dr First", officers, StringComparison.Ordinal);
        Assert.Contains("Dr First", overview.QuerySelector(".past-officers")!.TextContent, StringComparison.Ordinal);

        // A term that starts later than today, ends before it starts, or a manager without an account: refused, nothing changed.
        var before = await EventsAsync(committee.Id);
        var future = await JsonAsync(await admin.PostAsJsonAsync(url, new { role = "Chair", name = "Dr Future", startsOn = today.AddDays(1) }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Officer.FutureStart", future.GetProperty("code").GetString());
        var backwards = await JsonAsync(await admin.PostAsJsonAsync(url, new { role = "Chair", name = "Dr Back", startsOn = today, endsOn = today.AddDays(-1) }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Officer.EndBeforeStart", backwards.GetProperty("code").GetString());
        var nobody = await JsonAsync(await admin.PostAsJsonAsync(url, new { role = "CommitteeManager", name = "No Account" }), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Officer.ManagerAccount", nobody.GetProperty("code").GetString());
        Assert.Equal(before, await EventsAsync(committee.Id));
        Assert.Equal("Dr Second", await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).Select(c => c.Chair).SingleAsync()));

        // Ending the manager's term: the committee has no manager until the next appointment.
        var record = await JsonAsync(await factory.CreateClient().GetAsync($"/api/v1/committees/{committee.Id}/record"), HttpStatusCode.OK);
        var managerTerm = record.GetProperty("officers").EnumerateArray().Single(o => o.GetProperty("role").GetString() == "CommitteeManager");
        await JsonAsync(await admin.PostAsJsonAsync($"{url}/{managerTerm.GetProperty("id").GetInt32()}/end", new { note = "Stepped down" }), HttpStatusCode.OK);
        Assert.Null(await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).Select(c => c.ManagerUserId).SingleAsync()));
        var ended = await JsonAsync(await admin.PostAsJsonAsync($"{url}/{first.GetProperty("id").GetInt32()}/end", new { }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Officer.NotServing", ended.GetProperty("code").GetString());
        var kinds = await factory.WithDbAsync(db => db.CommitteeEvents.Where(e => e.CommitteeId == committee.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([CommitteeEventKind.OfficerAppointed, CommitteeEventKind.OfficerAppointed, CommitteeEventKind.OfficerAppointed, CommitteeEventKind.OfficerTermEnded], kinds);

        // A past term is recorded for the history and replaces no one.
        await JsonAsync(await admin.PostAsJsonAsync(url, new { role = "Chair", name = "Dr Founder", startsOn = today.AddYears(-9), endsOn = today.AddYears(-6) }), HttpStatusCode.Created);
        Assert.Equal("Dr Second", await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).Select(c => c.Chair).SingleAsync()));
        Assert.Null(await factory.WithDbAsync(db => db.CommitteeOfficers.Where(o => o.Name == "Dr Second" && o.CommitteeId == committee.Id).Select(o => o.EndsOn).SingleAsync()));
        var later = await factory.Browser().GetDocumentAsync($"/committees/{committee.Slug}?culture=en&after=end");
        Assert.Contains("Dr Founder", later.QuerySelector(".past-officers")!.TextContent, StringComparison.Ordinal);

    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.Editor)]
    [InlineData(Roles.CommitteeManager)]
    [InlineData(Roles.MemberBodyAdministrator)]
    public async Task OnlyItsManagersEditTheRecordAndOnlyAdministratorsTransferOrAppoint(string? role)
    {
        var client = role is null ? factory.CreateClient() : (await factory.ApiClientAsync(role)).Client;
        var expected = role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);
        var chair = await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/officers", new { role = "Chair", name = "Dr Chair" }), HttpStatusCode.Created);
        var before = await EventsAsync(committee.Id);

        Assert.Equal(expected, (await client.PutAsJsonAsync($"/api/v1/committees/{committee.Id}", new { titleEn = "Taken over" })).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/secretariat", new { memberBody = p[0].Acronym })).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/officers", new { role = "Chair", name = "Mr Coup" })).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/officers/{chair.GetProperty("id").GetInt32()}/end", new { })).StatusCode);

        var stored = await factory.WithDbAsync(db => db.Committees.SingleAsync(c => c.Id == committee.Id));
        Assert.Equal((committee.TitleEn, "Dr Chair", (int?)null), (stored.TitleEn, stored.Chair, stored.SecretariatMemberBodyId));
        Assert.Equal(before, await EventsAsync(committee.Id));
    }

    [Fact]
    public async Task ItsOwnManagerEditsTheRecordButAppointsNoOne()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);

        await JsonAsync(await manager.PutAsJsonAsync($"/api/v1/committees/{committee.Id}", new { titleEn = "Renamed" }), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/secretariat", new { memberBody = p[0].Acronym })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/officers", new { role = "Chair", name = "Me" })).StatusCode);
    }

    [Fact]
    public async Task TheSettingsPageSaysWhyAChangeIsRefusedAndChangesNothing()
    {
        var (committee, _, _) = await _world.CommitteeAsync(0);
        var correspondent = await _world.BodyAsync(MemberCategory.CorrespondentMember);
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var settings = $"/committees/{committee.Slug}/settings?culture=en";
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var future = await admin.SubmitFormAsync(settings, new() { ["appoint.Role"] = "Chair", ["appoint.Name"] = "Dr Soon", ["appoint.StartsOn"] = tomorrow }, "#appoint-form");
        Assert.Equal(HttpStatusCode.Conflict, future.StatusCode);
        Assert.Contains($"{tomorrow} is still to come", (await future.ReadDocumentAsync()).QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        var secretariat = await admin.SubmitFormAsync(settings, new() { ["secretariat.MemberBody"] = correspondent.Acronym }, "#secretariat-form");
        Assert.Equal(HttpStatusCode.Conflict, secretariat.StatusCode);
        var page = await secretariat.ReadDocumentAsync();
        Assert.Contains("only member bodies can", page.QuerySelector("main [role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(committee.TitleEn, page.QuerySelector("#Record_TitleEn")!.GetAttribute("value"));
        var empty = await admin.SubmitFormAsync(settings, new() { ["Record.TitleEn"] = "" }, "#record-form");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);

        var stored = await factory.WithDbAsync(db => db.Committees.SingleAsync(c => c.Id == committee.Id));
        Assert.Equal((committee.TitleEn, (string?)null, (int?)null), (stored.TitleEn, stored.Chair, stored.SecretariatMemberBodyId));
        Assert.Equal(0, await EventsAsync(committee.Id));
    }

    [Fact]
    public async Task TheWriteEndpointsAreInTheOpenApiDocument()
    {
        using var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Where(o => o.Value.ValueKind == JsonValueKind.Object && o.Value.TryGetProperty("operationId", out _))
                .Select(o => (Path: path.Name, Method: o.Name, Id: o.Value.GetProperty("operationId").GetString())))
            .ToList();
        Assert.Contains(("/api/v1/committees/{id}", "put", "EditCommittee"), operations);
        Assert.Contains(("/api/v1/committees/{id}/secretariat", "post", "TransferSecretariat"), operations);
        Assert.Contains(("/api/v1/committees/{id}/officers", "post", "AppointOfficer"), operations);
        Assert.Contains(("/api/v1/committees/{id}/officers/{officerId}/end", "post", "EndOfficerTerm"), operations);
        Assert.Contains(("/api/v1/committees/{id}/record", "get", "GetCommitteeRecord"), operations);
    }
}
