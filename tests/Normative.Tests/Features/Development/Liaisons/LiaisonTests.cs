using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Committees;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Liaisons;

/// <summary>Committees' liaisons: established by the committee's manager, listed on its members page; their representatives comment and never vote.</summary>
public class LiaisonTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task ManagerEstablishesLiaisonsOnlyWhereTheDirectivesAllowThem()
    {
        var (manager, managerUser) = await factory.ApiClientAsync(Roles.CommitteeManager);
        var (tc, _, _) = await _world.CommitteeAsync(1, 0, managerUser.Id);
        var (other, _, _) = await _world.CommitteeAsync(1);
        var (customer, _) = await factory.ApiClientAsync(Roles.Customer);
        var url = $"/api/v1/committees/{tc.Id}/liaisons";
        Task<int> CountAsync() => factory.WithDbAsync(db => db.CommitteeLiaisons.CountAsync(l => l.CommitteeId == tc.Id));

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsJsonAsync(url, new { category = "A", organization = "World Widget Association" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync(url, new { category = "A", organization = "World Widget Association" })).StatusCode);
        var twice = await ProblemAsync(await manager.PostAsJsonAsync(url, new { category = "B", organization = "world widget association" }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Liaison.Already", twice.GetProperty("code").GetString());
        var cAtTc = await ProblemAsync(await manager.PostAsJsonAsync(url, new { category = "C", organization = "Gadget Forum" }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Liaison.CAtWorkingGroup", cAtTc.GetProperty("code").GetString());
        var noCategory = await ProblemAsync(await manager.PostAsJsonAsync(url, new { category = "Z", organization = "Gadget Forum" }), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Liaison.Category", noCategory.GetProperty("code").GetString());

        // An internal liaison names another committee, which must not be disbanded.
        await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == other.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommitteeRules.Disbanded)));
        var disbanded = await ProblemAsync(await manager.PostAsJsonAsync(url, new { category = "Internal", committee = other.Reference }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Liaison.Disbanded", disbanded.GetProperty("code").GetString());
        Assert.Equal(1, await CountAsync());

        // The public sees the liaison on the members page and in the API, without its representatives.
        var page = await factory.Browser().GetDocumentAsync($"/committees/{tc.Slug}/members?culture=en");
        Assert.Contains("World Widget Association", page.QuerySelector("#liaison-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Category A", page.QuerySelector("#liaison-list")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#establish-liaison"));
    }

    [Fact]
    public async Task ARepresentativeCommentsButTheirVoteIsRefusedAndChangesNothing()
    {
        var (ballot, committee, _, _) = await _world.OpenDisAsync(p: 3, o: 0);
        var (_, managerBrowser, _) = await _world.ManagerAsync(committee.Id);
        var representative = await factory.CreateUserAsync(Roles.Customer);

        var established = await managerBrowser.SubmitFormAsync($"/committees/{committee.Slug}/members?culture=en",
            new() { ["liaison.Category"] = "A", ["liaison.Organization"] = "Consumers International" }, "#establish-liaison");
        Assert.Equal(HttpStatusCode.Redirect, established.StatusCode);
        var added = await managerBrowser.SubmitFormAsync($"/committees/{committee.Slug}/members?culture=en",
            new() { ["representativeEmail"] = representative.Email! }, "form[action*='AddRepresentative']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var managerPage = await managerBrowser.GetDocumentAsync($"/committees/{committee.Slug}/members?culture=en");
        Assert.Contains(representative.Email!, managerPage.QuerySelector("#liaison-list")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(representative.Email!, await factory.Browser().GetStringAsync($"/committees/{committee.Slug}/members?culture=en"), StringComparison.Ordinal);

        var api = await _world.TokenClientAsync(representative);
        var vote = await ProblemAsync(await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "Approve" }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Vote.Liaison", vote.GetProperty("code").GetString());

        var browser = factory.Browser();
        await browser.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = representative.Email!, ["Input.Password"] = NormativeFactory.Password });
        var token = (await browser.GetDocumentAsync($"/development/ballots/{ballot.Id}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var onPage = await browser.PostAsync($"/development/ballots/{ballot.Id}?handler=Vote&culture=en",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["vote.Position"] = "Approve", ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Conflict, onPage.StatusCode);
        Assert.Contains("never vote", (await onPage.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.BallotPositions.CountAsync(x => x.BallotId == ballot.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.BallotVoteEvents.CountAsync(x => x.BallotId == ballot.Id)));

        // The same representative comments for the liaison, and the compiled table says who from.
        var comments = $"/development/ballots/{ballot.Id}/comments?culture=en";
        var form = await browser.GetDocumentAsync(comments);
        Assert.Contains("Consumers International", form.QuerySelector("#add ~ form")!.TextContent, StringComparison.Ordinal);
        var commented = await browser.SubmitFormAsync(comments, new() { ["Input.Clause"] = "4.2", ["Input.Type"] = "te", ["Input.Comment"] = "Consumers need a plain-language summary." },
            "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, commented.StatusCode);
        var table = await managerBrowser.GetDocumentAsync(comments);
        Assert.Contains("Consumers International", table.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
        var comment = await factory.WithDbAsync(db => db.BallotComments.SingleAsync(c => c.BallotId == ballot.Id));
        Assert.Null(comment.MemberBodyId);
        Assert.Equal("Consumers International", comment.Liaison);
    }

    [Fact]
    public async Task ACategoryALiaisonNominatesExpertsToTheCommitteesGroupsAndACategoryBOneDoesNot()
    {
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);
        var (tc, _, _) = await _world.CommitteeAsync(1);
        var wg = await factory.WithDbAsync(async db =>
        {
            var group = new Committee { Reference = tc.Reference + "/WG 2", TitleEn = "Group", ParentId = tc.Id, Status = CommitteeRules.Active };
            db.Committees.Add(group);
            await db.SaveChangesAsync();
            return group;
        });
        var a = (await (await admin.PostAsJsonAsync($"/api/v1/committees/{tc.Id}/liaisons", new { category = "A", organization = "Org A" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var b = (await (await admin.PostAsJsonAsync($"/api/v1/committees/{tc.Id}/liaisons", new { category = "B", organization = "Org B" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var (repA, repAUser) = await factory.ApiClientAsync(Roles.Customer);
        var (repB, repBUser) = await factory.ApiClientAsync(Roles.Customer);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/committees/{tc.Id}/liaisons/{a}/representatives", new { email = repAUser.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync($"/api/v1/committees/{tc.Id}/liaisons/{b}/representatives", new { email = repBUser.Email })).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await repB.PostAsJsonAsync($"/api/v1/committees/{wg.Id}/experts", new { name = "N", email = "n@example.org", liaisonId = a })).StatusCode);
        var byB = await ProblemAsync(await repB.PostAsJsonAsync($"/api/v1/committees/{wg.Id}/experts", new { name = "N", email = "n@example.org", liaisonId = b }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Expert.LiaisonCategory", byB.GetProperty("code").GetString());
        var byA = await repA.PostAsJsonAsync($"/api/v1/committees/{wg.Id}/experts", new { name = "Liaison Expert", email = "liaison.expert@example.org", liaisonId = a });
        Assert.Equal(HttpStatusCode.Created, byA.StatusCode);
        Assert.Equal("Org A", (await byA.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("liaison").GetString());
    }
}
