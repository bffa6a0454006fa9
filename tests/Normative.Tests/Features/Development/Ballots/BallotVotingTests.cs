using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Ballots;

public class BallotVotingTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private static object Approve => new { position = "approve" };

    private Task<int> PositionsAsync(int ballotId) => factory.WithDbAsync(db => db.BallotPositions.CountAsync(p => p.BallotId == ballotId));

    private Task<int> EventsAsync(int ballotId) => factory.WithDbAsync(db => db.BallotVoteEvents.CountAsync(e => e.BallotId == ballotId));

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, doc.RootElement.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(doc.RootElement.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task DelegateCastsTheMemberBodysVoteWithAPersonalToken()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync();
        var (api, _) = await _world.DelegateAsync(p[0]);

        var response = await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "Disapprove", technicalReasons = "Clause 5 contradicts clause 7." });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(p[0].Acronym, doc.RootElement.GetProperty("memberBody").GetString());
        Assert.Equal("Disapprove", doc.RootElement.GetProperty("position").GetString());
        Assert.True(doc.RootElement.GetProperty("counted").GetBoolean());
        Assert.False(doc.RootElement.GetProperty("replaced").GetBoolean());
        Assert.Equal(1, await PositionsAsync(ballot.Id));
    }

    [Fact]
    public async Task VoteAfterTheCloseIsRefusedAndNothingIsRecorded()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync();
        var (api, _) = await _world.DelegateAsync(p[0]);
        await factory.WithDbAsync(db => db.Ballots.Where(b => b.Id == ballot.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClosesAt, DateTimeOffset.UtcNow.AddMinutes(-1))));

        await AssertProblemAsync(await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", Approve), HttpStatusCode.Conflict, "Error.Vote.Closed");
        Assert.Equal(0, await PositionsAsync(ballot.Id));
        Assert.Equal(0, await EventsAsync(ballot.Id));
    }

    [Fact]
    public async Task ClosedBallotLocksTheVotesItHolds()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync();
        var (api, _) = await _world.DelegateAsync(p[0]);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", Approve)).StatusCode);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null)).StatusCode);

        await AssertProblemAsync(await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "disapprove" }), HttpStatusCode.Conflict, "Error.Vote.Closed");
        var position = await factory.WithDbAsync(db => db.BallotPositions.SingleAsync(x => x.BallotId == ballot.Id));
        Assert.Equal(VotePosition.Approve, position.Position);
        await AssertProblemAsync(await manager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null), HttpStatusCode.Conflict, "Error.Ballot.AlreadyClosed");
    }

    [Fact]
    public async Task SecondDelegateReplacesTheBodysPositionAndBothAreEvents()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync();
        var (first, _) = await _world.DelegateAsync(p[0]);
        var (second, _) = await _world.DelegateAsync(p[0]);

        Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", Approve)).StatusCode);
        var replaced = await second.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "abstain" });

        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        using var doc = JsonDocument.Parse(await replaced.Content.ReadAsStringAsync());
        Assert.True(doc.RootElement.GetProperty("replaced").GetBoolean());
        var (positions, events) = await factory.WithDbAsync(async db => (
            await db.BallotPositions.Where(x => x.BallotId == ballot.Id).ToListAsync(),
            await db.BallotVoteEvents.Where(x => x.BallotId == ballot.Id).OrderBy(e => e.Id).ToListAsync()));
        var current = Assert.Single(positions);
        Assert.Equal(VotePosition.Abstain, current.Position);
        Assert.Equal(1, current.Changes);
        Assert.Equal([VotePosition.Approve, VotePosition.Abstain], events.Select(e => e.Position));
        Assert.Equal([false, true], events.Select(e => e.Replaced));
    }

    [Fact]
    public async Task ObservingMemberCannotVoteOnANewWorkItemProposal()
    {
        var (committee, _, o) = await _world.CommitteeAsync(3, 1);
        var project = await _world.ProjectAsync(committee.Id, "ISO 31112");
        await factory.WithDbAsync(db => db.Projects.Where(x => x.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stage, 1000)));
        var np = await _world.OpenBallotAsync(project.Id, BallotKind.NP);
        var (api, _) = await _world.DelegateAsync(o[0]);

        await AssertProblemAsync(await api.PostAsJsonAsync($"/api/v1/ballots/{np.Id}/votes", Approve), HttpStatusCode.Forbidden, "Error.Vote.NotPMember");
        Assert.Equal(0, await PositionsAsync(np.Id));
    }

    [Fact]
    public async Task OnlyADelegateOfTheBodyMayVoteForIt()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync();
        var (otherDelegate, _) = await _world.DelegateAsync(p[1]);
        var (customer, _) = await factory.ApiClientAsync(Roles.Customer);

        await AssertProblemAsync(await otherDelegate.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "approve", memberBody = p[0].Acronym }),
            HttpStatusCode.Forbidden, "Error.Vote.NotDelegateOf");
        await AssertProblemAsync(await customer.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", Approve), HttpStatusCode.Forbidden, "Error.Vote.NotDelegate");
        // A person linked to a body but without the Delegate role is not a delegate either.
        var roleless = await factory.CreateUserAsync(Roles.Customer);
        await _world.LinkAsync(roleless, p[2]);
        var rolelessApi = await _world.TokenClientAsync(roleless);
        await AssertProblemAsync(await rolelessApi.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", Approve), HttpStatusCode.Forbidden, "Error.Vote.NotDelegate");
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", Approve)).StatusCode);
        Assert.Equal(0, await PositionsAsync(ballot.Id));
    }

    [Fact]
    public async Task BodyThatJoinedAfterTheBallotOpenedCannotVoteOnIt()
    {
        var (ballot, committee, _, _) = await _world.OpenDisAsync();
        var late = await _world.BodyAsync();
        await factory.WithDbAsync(async db =>
        {
            db.CommitteeMemberships.Add(new CommitteeMembership { CommitteeId = committee.Id, MemberBodyId = late.Id, Status = MembershipStatus.P, Since = DateOnly.FromDateTime(DateTime.UtcNow) });
            return await db.SaveChangesAsync();
        });
        var (api, _) = await _world.DelegateAsync(late);
        await AssertProblemAsync(await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", Approve), HttpStatusCode.Forbidden, "Error.Vote.NotMember");
    }

    [Fact]
    public async Task CommitteeDraftConsultationTakesNoVotes()
    {
        var (committee, p, _) = await _world.CommitteeAsync(3);
        var project = await _world.ProjectAsync(committee.Id, "ISO 31111");
        await factory.WithDbAsync(db => db.Projects.Where(x => x.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stage, 3000)));
        var cd = await _world.OpenBallotAsync(project.Id, BallotKind.CD);
        var (api, _) = await _world.DelegateAsync(p[0]);
        await AssertProblemAsync(await api.PostAsJsonAsync($"/api/v1/ballots/{cd.Id}/votes", Approve), HttpStatusCode.Conflict, "Error.Vote.CommentsOnly");
    }

    [Fact]
    public async Task PositionThatDoesNotBelongToTheBallotIsRefused()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync();
        var (api, _) = await _world.DelegateAsync(p[0]);
        await AssertProblemAsync(await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "confirm" }), HttpStatusCode.BadRequest, "Error.Vote.Position");
        await AssertProblemAsync(await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "maybe" }), HttpStatusCode.BadRequest, "Error.Vote.Position");
        Assert.Equal(0, await PositionsAsync(ballot.Id));
    }

    [Fact]
    public async Task VotesAreSeenByTheManagerWhileOpenAndByEveryoneAfterTheClose()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync();
        var (delegateApi, _) = await _world.DelegateAsync(p[0]);
        await delegateApi.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", Approve);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);

        Assert.Equal(HttpStatusCode.Forbidden, (await delegateApi.GetAsync($"/api/v1/ballots/{ballot.Id}/votes")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateClient().GetAsync($"/api/v1/ballots/{ballot.Id}/votes")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await factory.CreateClient().GetAsync($"/api/v1/ballots/{ballot.Id}/result")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/ballots/{ballot.Id}/votes")).StatusCode);
        var provisional = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot.Id}/result");
        Assert.False(provisional.GetProperty("final").GetBoolean());

        await manager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null);
        var votes = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot.Id}/votes");
        Assert.Equal(p[0].Acronym, votes[0].GetProperty("memberBody").GetString());
        var result = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot.Id}/result");
        Assert.True(result.GetProperty("final").GetBoolean());
        Assert.Equal("Approved", result.GetProperty("outcome").GetString());
        Assert.Equal(1, result.GetProperty("approve").GetInt32());
        Assert.Equal(4, result.GetProperty("notVoted").GetInt32());
    }

    [Fact]
    public async Task OnlyTheCommitteesManagerClosesItsBallots()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync();
        var (delegateApi, _) = await _world.DelegateAsync(p[0]);
        var (otherManager, _) = await factory.ApiClientAsync(Roles.CommitteeManager);

        Assert.Equal(HttpStatusCode.Forbidden, (await delegateApi.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherManager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null)).StatusCode);
        Assert.Equal(BallotStatus.Open, (await factory.WithDbAsync(db => db.Ballots.SingleAsync(b => b.Id == ballot.Id))).Status);
    }

    [Fact]
    public async Task ResultPageShowsTheCountsTheRuleTheOutcomeAndAChart()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 4);
        for (var i = 0; i < 3; i++)
        {
            var (api, _) = await _world.DelegateAsync(p[i]);
            await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", i < 2 ? Approve : new { position = "disapprove", technicalReasons = "Too vague." });
        }
        var page = await factory.Browser().GetDocumentAsync($"/development/ballots/{ballot.Id}/result?culture=en");
        Assert.Contains("published when the ballot closes", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("svg.result-chart"));

        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        await manager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null);
        page = await factory.Browser().GetDocumentAsync($"/development/ballots/{ballot.Id}/result?culture=en");

        Assert.Equal("Not approved", page.QuerySelector(".outcome strong")!.TextContent.Trim());
        Assert.Contains("two thirds", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var svg = page.QuerySelector("svg.result-chart")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Contains("ISO", svg.QuerySelector("title")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Approve: 2", svg.QuerySelector("desc")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, svg.QuerySelectorAll("g rect").Count(r => r.ClassName!.StartsWith("bar-", StringComparison.Ordinal)));
        var rows = page.QuerySelectorAll("table tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("2 of 3", StringComparison.Ordinal) && r.Contains("66.7", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("1 of 3", StringComparison.Ordinal) && r.Contains("no", StringComparison.Ordinal));
    }
}
