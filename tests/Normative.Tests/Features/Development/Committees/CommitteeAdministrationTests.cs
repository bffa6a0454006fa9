using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Committees;

/// <summary>Administrators create committees in the Directives' structure and disband them; a disbanded committee takes no new work.</summary>
public class CommitteeAdministrationTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private static int _number = 7100;

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static object Committee(string kind, int? parentId, int number, string? jointWith = null) =>
        new { kind, parentId, number, titleEn = $"Test {kind} {number}", scope = "Standardization of tests.", jointWith };

    [Fact]
    public async Task AdministratorBuildsACommitteeTreeAndTheDirectivesStructureIsKept()
    {
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);
        var n = Interlocked.Increment(ref _number);

        var tc = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/committees", Committee("TC", null, n)), HttpStatusCode.Created);
        Assert.Equal($"ISO/TC {n}", tc.GetProperty("reference").GetString());
        var sc = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/committees", Committee("SC", tc.GetProperty("id").GetInt32(), 2)), HttpStatusCode.Created);
        Assert.Equal($"ISO/TC {n}/SC 2", sc.GetProperty("reference").GetString());
        var wg = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/committees", Committee("WG", sc.GetProperty("id").GetInt32(), 1)), HttpStatusCode.Created);
        Assert.Equal("WG", wg.GetProperty("kind").GetString());
        var jwg = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/committees", Committee("JWG", tc.GetProperty("id").GetInt32(), 3, jointWith: "IEC/TC 1")), HttpStatusCode.Created);
        Assert.Contains("IEC/TC 1", jwg.GetProperty("scope").GetString(), StringComparison.Ordinal);

        var underWg = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/committees", Committee("SC", wg.GetProperty("id").GetInt32(), 9)), HttpStatusCode.Conflict);
        Assert.Equal("Error.Committee.ScUnderTc", underWg.GetProperty("code").GetString());
        var twice = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/committees", Committee("SC", tc.GetProperty("id").GetInt32(), 2)), HttpStatusCode.Conflict);
        Assert.Equal("Error.Committee.ReferenceTaken", twice.GetProperty("code").GetString());
        var jointless = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/committees", Committee("JWG", tc.GetProperty("id").GetInt32(), 4)), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Committee.JointWith", jointless.GetProperty("code").GetString());

        Assert.Equal(4, await factory.WithDbAsync(db => db.Committees.CountAsync(c => c.Reference.StartsWith($"ISO/TC {n}"))));
    }

    [Fact]
    public async Task DisbandedCommitteeKeepsItsRecordsButTakesNoNewProject()
    {
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);
        var world = new DevelopmentWorld(factory);
        var (committee, _, _) = await world.CommitteeAsync(1);
        var project = await world.ProjectAsync(committee.Id, "ISO 24401");
        var (manager, _, _) = await world.ManagerAsync(committee.Id);

        var disbanded = await JsonAsync(await admin.PostAsync($"/api/v1/committees/{committee.Id}/disband", null), HttpStatusCode.OK);
        Assert.Equal("Disbanded", disbanded.GetProperty("status").GetString());

        var refused = await JsonAsync(await manager.PostAsJsonAsync("/api/v1/projects", new { committeeId = committee.Id, reference = "ISO 24402", titleEn = "Late" }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Committee.Disbanded", refused.GetProperty("code").GetString());
        var group = await JsonAsync(await admin.PostAsJsonAsync("/api/v1/committees", Committee("WG", committee.Id, 1)), HttpStatusCode.Conflict);
        Assert.Equal("Error.Committee.Disbanded", group.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await admin.PostAsync($"/api/v1/committees/{committee.Id}/disband", null)).StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.Projects.AnyAsync(p => p.Id == project.Id)));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Projects.CountAsync(p => p.CommitteeId == committee.Id)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.CommitteeManager)]
    [InlineData(Roles.MemberBodyAdministrator)]
    [InlineData(Roles.Editor)]
    public async Task OnlyAnAdministratorCreatesOrDisbandsCommittees(string? role)
    {
        var client = role is null ? factory.CreateClient() : (await factory.ApiClientAsync(role)).Client;
        var expected = role is null ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
        var (committee, _, _) = await new DevelopmentWorld(factory).CommitteeAsync(0);
        var n = Interlocked.Increment(ref _number);

        Assert.Equal(expected, (await client.PostAsJsonAsync("/api/v1/committees", Committee("TC", null, n))).StatusCode);
        Assert.Equal(expected, (await client.PostAsync($"/api/v1/committees/{committee.Id}/disband", null)).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Committees.AnyAsync(c => c.Reference == $"ISO/TC {n}")));
        Assert.Equal("Active", await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task AdministratorCreatesACommitteeInThePagesAndSeesWhyASubcommitteeOfAWorkingGroupIsRefused()
    {
        var (browser, _) = await factory.SignInAsAsync(Roles.Administrator);
        var n = Interlocked.Increment(ref _number);

        var created = await browser.SubmitFormAsync("/development/committees/new?culture=en", new()
        {
            ["Input.Kind"] = "TC", ["Input.Number"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Input.TitleEn"] = "Page-made committee",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var tc = await factory.WithDbAsync(db => db.Committees.SingleAsync(c => c.Reference == $"ISO/TC {n}"));
        Assert.EndsWith($"/committees/{tc.Slug}/settings", created.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var wg = await JsonAsync(await (await factory.ApiClientAsync(Roles.Administrator)).Client.PostAsJsonAsync("/api/v1/committees", Committee("WG", tc.Id, 1)), HttpStatusCode.Created);

        var refused = await browser.SubmitFormAsync("/development/committees/new?culture=en", new()
        {
            ["Input.Kind"] = "SC", ["Input.ParentId"] = wg.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Number"] = "1", ["Input.TitleEn"] = "Misplaced",
        });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("A subcommittee belongs to a technical committee", (await refused.ReadDocumentAsync()).QuerySelector("#parent-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Committees.AnyAsync(c => c.Reference.EndsWith("/SC 1") && c.ParentId == wg.GetProperty("id").GetInt32())));
    }
}
