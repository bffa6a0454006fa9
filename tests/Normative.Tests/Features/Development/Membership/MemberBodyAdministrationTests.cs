using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Ballots;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Membership;

/// <summary>Administrators create, edit, suspend and reinstate member bodies, through the API and the pages; one per country.</summary>
public class MemberBodyAdministrationTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    // Countries no other test in this class uses, one per test.
    private static object Body(string code, string acronym, string category = "MemberBody") => new
    {
        code, acronym, name = "Standards Institute of " + code, category, region = "Africa", webSite = "https://" + acronym.ToLowerInvariant() + ".example.org",
        address = "1 Standards Street\nCapital", contactEmail = "info@" + acronym.ToLowerInvariant() + ".example.org", contactPhone = "+1 555 0100",
    };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<int> CountAsync(string code) => factory.WithDbAsync(db => db.MemberBodies.CountAsync(m => m.CountryCode == code));

    [Fact]
    public async Task AdministratorCreatesEditsSuspendsAndReinstatesAMemberBodyThroughTheApi()
    {
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);

        var created = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/members", Body("KE", "KEBS")), HttpStatusCode.Created);
        Assert.Equal("KEN", created.GetProperty("code3").GetString());
        Assert.Equal("Kenya", created.GetProperty("country").GetString());
        Assert.Equal("1 Standards Street\nCapital", created.GetProperty("address").GetString());
        var names = await factory.WithDbAsync(db => db.MemberBodies.Where(m => m.CountryCode == "KE").Select(m => new { m.CountryFr, m.CountryRu }).SingleAsync());
        Assert.Equal(("Kenya", "Кения"), (names.CountryFr, names.CountryRu));

        var changed = await JsonAsync(await admin.PutAsJsonAsync("/api/v1/members/KE",
            new { code = "KE", acronym = "KEBS", name = "Kenya Bureau of Standards", category = "CorrespondentMember", region = "Africa", note = "Dues unpaid for two years." }),
            HttpStatusCode.OK);
        Assert.Equal("CorrespondentMember", changed.GetProperty("category").GetString());
        await JsonAsync(await admin.PostAsJsonAsync("/api/v1/members/KE/suspend", new { note = "Statutes not met." }), HttpStatusCode.OK);
        var again = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/members/KE/suspend", new { note = "Twice." }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Member.AlreadySuspended", again.GetProperty("code").GetString());
        var reinstated = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/members/KEBS/reinstate", new { note = "Statutes met again." }), HttpStatusCode.OK);
        Assert.False(reinstated.GetProperty("suspended").GetBoolean());

        var history = await JsonAsync(await factory.CreateClient().GetAsync("/api/v1/members/KE/history"), HttpStatusCode.OK);
        Assert.Equal(["Created", "CategoryChanged", "Suspended", "Reinstated"], history.EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        var change = history[1];
        Assert.Equal(("MemberBody", "CorrespondentMember", "Dues unpaid for two years."),
            (change.GetProperty("fromCategory").GetString(), change.GetProperty("toCategory").GetString(), change.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task SecondMemberBodyForACountryOrAnAcronymIsAConflictAndNothingChanges()
    {
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);
        await JsonAsync(await admin.PostAsJsonAsync("/api/v1/members", Body("UG", "UNBS")), HttpStatusCode.Created);

        var country = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/members", Body("UG", "UGX")), HttpStatusCode.Conflict);
        Assert.Equal("Error.Member.CountryTaken", country.GetProperty("code").GetString());
        Assert.Contains("UNBS", country.GetProperty("title").GetString(), StringComparison.Ordinal);
        var acronym = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/members", Body("TZ", "unbs")), HttpStatusCode.Conflict);
        Assert.Equal("Error.Member.AcronymTaken", acronym.GetProperty("code").GetString());
        var moved = await JsonAsync(await admin.PutAsJsonAsync("/api/v1/members/UG", Body("TZ", "UNBS")), HttpStatusCode.Conflict);
        Assert.Equal("Error.Member.CountryFixed", moved.GetProperty("code").GetString());
        var bad = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/members", Body("XX", "XXS")), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Member.Country", bad.GetProperty("code").GetString());
        var category = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/members", Body("TZ", "TBS", category: "Partner")), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Member.CategoryValue", category.GetProperty("code").GetString());

        Assert.Equal(1, await CountAsync("UG"));
        Assert.Equal(0, await CountAsync("TZ"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.MemberBodyEvents.CountAsync(e => db.MemberBodies.Any(m => m.Id == e.MemberBodyId && m.CountryCode == "UG"))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.Delegate)]
    [InlineData(Roles.CommitteeManager)]
    [InlineData(Roles.Editor)]
    public async Task OnlyAnAdministratorWritesMemberBodies(string? role)
    {
        var body = await _world.BodyAsync();
        var client = role is null ? factory.CreateClient() : (await factory.ApiClientAsync(role)).Client;
        var expected = role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;

        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/v1/members", Body("RW", "RSB"))).StatusCode);
        Assert.Equal(expected, (await client.PutAsJsonAsync($"/api/v1/members/{body.CountryCode}", Body(body.CountryCode, "CHANGED"))).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/v1/members/{body.CountryCode}/suspend", new { note = "x" })).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/v1/members/{body.CountryCode}/reinstate", new { note = "x" })).StatusCode);

        var after = await factory.WithDbAsync(db => db.MemberBodies.SingleAsync(m => m.Id == body.Id));
        Assert.Equal((body.Acronym, false), (after.Acronym, after.Suspended));
        Assert.Equal(0, await CountAsync("RW"));
    }

    [Fact]
    public async Task TheWriteEndpointsAreInTheOpenApiDocument()
    {
        var doc = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/members").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/members/{code}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/members/{code}/suspend").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/members/{code}/reinstate").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/members/{code}/history").TryGetProperty("get", out _));
    }

    [Fact]
    public async Task AdministratorCreatesAndEditsAMemberBodyInThePages()
    {
        var (browser, _) = await factory.SignInAsAsync(Roles.Administrator);

        var created = await browser.SubmitFormAsync("/members/new?culture=en", new()
        {
            ["Input.CountryCode"] = "ZM", ["Input.Acronym"] = "ZABS", ["Input.Name"] = "Zambia Bureau of Standards", ["Input.Category"] = "MemberBody",
            ["Input.Region"] = "Africa", ["Input.WebSite"] = "https://zabs.example.org", ["Input.ContactEmail"] = "info@zabs.example.org",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/members/ZM", created.Headers.Location!.OriginalString);
        var page = await browser.GetDocumentAsync("/members/ZM?culture=en");
        Assert.Contains("Member body ZABS created.", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("info@zabs.example.org", page.QuerySelector("dl.facts")!.TextContent, StringComparison.Ordinal);

        var twice = await browser.SubmitFormAsync("/members/new?culture=en", new()
        {
            ["Input.CountryCode"] = "ZM", ["Input.Acronym"] = "ZM2", ["Input.Name"] = "Another", ["Input.Category"] = "MemberBody", ["Input.Region"] = "Africa",
        });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already has a member body (ZABS)", (await twice.ReadDocumentAsync()).QuerySelector("#country-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync("ZM"));

        var edited = await browser.SubmitFormAsync("/members/ZM/edit?culture=en", new()
        {
            ["Input.Acronym"] = "ZABS", ["Input.Name"] = "Zambia Bureau of Standards", ["Input.Category"] = "SubscriberMember", ["Input.Region"] = "Africa",
            ["Input.Note"] = "Asked to become a subscriber member.",
        }, "main form.form:not(.card)");
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var suspended = await browser.SubmitFormAsync("/members/ZM/edit?culture=en", new() { ["reason.Note"] = "Statutes not met." }, "main form.card");
        Assert.Equal(HttpStatusCode.Redirect, suspended.StatusCode);

        var edit = await browser.GetDocumentAsync("/members/ZM/edit?culture=en");
        var history = edit.QuerySelectorAll("#history ~ .table-scroll tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(history, r => r.Contains("Category changed", StringComparison.Ordinal) && r.Contains("Subscriber member", StringComparison.Ordinal)
            && r.Contains("Asked to become a subscriber member.", StringComparison.Ordinal));
        Assert.Contains(history, r => r.Contains("Suspended", StringComparison.Ordinal) && r.Contains("Statutes not met.", StringComparison.Ordinal));
        Assert.NotNull(edit.QuerySelector("form.card button"));
    }

    [Fact]
    public async Task OthersCannotOpenTheAdministrationPages()
    {
        var (browser, _) = await factory.SignInAsAsync(Roles.CommitteeManager);
        var body = await _world.BodyAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync("/members/new")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await browser.GetAsync($"/members/{body.CountryCode}/edit")).StatusCode);
    }

    [Fact]
    public async Task SuspendedMemberBodyIsOnNoNewBallotAndCastsNoVote()
    {
        var suspended = await _world.BodyAsync();
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 3, o: 0);
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);
        await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/members/{p[0].CountryCode}/suspend", new { note = "Statutes not met." }), HttpStatusCode.OK);
        await JsonAsync(await admin.PostAsJsonAsync($"/api/v1/members/{suspended.CountryCode}/suspend", new { note = "Statutes not met." }), HttpStatusCode.OK);

        var (api, _) = await _world.DelegateAsync(p[0]);
        var refused = await JsonAsync(await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "approve" }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Vote.Suspended", refused.GetProperty("code").GetString());

        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 24301");
        var next = await _world.OpenBallotAsync(project.Id, BallotKind.DIS);
        var on = await factory.WithDbAsync(db => db.BallotMembers.Where(m => m.BallotId == next.Id).Select(m => m.MemberBodyId).ToListAsync());
        Assert.DoesNotContain(suspended.Id, on);
        Assert.DoesNotContain(p[0].Id, on);
        Assert.Contains(p[1].Id, on);
        Assert.Equal(2, next.PMembers);
    }
}
