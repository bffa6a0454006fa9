using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;

namespace Normative.Tests.Features.Development.Ballots;

public class ConcurrentVotingTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    [Fact]
    public async Task FiftyDelegatesOfTwentyFiveBodiesVotingAtOnceLeaveOnePositionPerBodyAndACorrectTally()
    {
        var (ballot, committee, bodies, _) = await _world.OpenDisAsync(p: 25, o: 0);
        var voters = new List<(MemberBody Body, HttpClient Api, object Vote)>();
        for (var i = 0; i < bodies.Count; i++)
        {
            // Bodies 0–19: both delegates approve. Bodies 20–24: one approves, the other disapproves; either may be last.
            voters.Add((bodies[i], (await _world.DelegateAsync(bodies[i])).Api, new { position = "approve" }));
            voters.Add((bodies[i], (await _world.DelegateAsync(bodies[i])).Api,
                i < 20 ? new { position = "approve" } : new { position = "disapprove", technicalReasons = "Conflicts with clause 4." }));
        }

        var start = new TaskCompletionSource();
        var calls = voters.Select(async v =>
        {
            await start.Task;
            return await v.Api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", v.Vote);
        }).ToList();
        start.SetResult();
        var responses = await Task.WhenAll(calls);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var (positions, events) = await factory.WithDbAsync(async db => (
            await db.BallotPositions.Where(p => p.BallotId == ballot.Id).ToListAsync(),
            await db.BallotVoteEvents.Where(e => e.BallotId == ballot.Id).OrderBy(e => e.Id).ToListAsync()));
        Assert.Equal(25, positions.Count);
        Assert.Equal(25, positions.Select(p => p.MemberBodyId).Distinct().Count());
        Assert.Equal(50, events.Count);
        foreach (var position in positions)
        {
            var own = events.Where(e => e.MemberBodyId == position.MemberBodyId).ToList();
            Assert.Equal(2, own.Count);
            // The current position is the last event, and exactly one of the two replaced the other.
            Assert.Equal(own[^1].Position, position.Position);
            Assert.Equal([false, true], own.Select(e => e.Replaced));
            Assert.Equal(1, position.Changes);
        }
        Assert.All(positions.Where(p => bodies.Take(20).Any(b => b.Id == p.MemberBodyId)), p => Assert.Equal(VotePosition.Approve, p.Position));

        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var result = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/ballots/{ballot.Id}/result");
        var approve = positions.Count(p => p.Position == VotePosition.Approve);
        var disapprove = positions.Count(p => p.Position == VotePosition.Disapprove);
        Assert.Equal(25, approve + disapprove);
        Assert.Equal(approve, result.GetProperty("approve").GetInt32());
        Assert.Equal(disapprove, result.GetProperty("disapprove").GetInt32());
        Assert.Equal(25, result.GetProperty("responded").GetInt32());
        Assert.Equal(0, result.GetProperty("notVoted").GetInt32());
        Assert.Equal(BallotRules.Tally(BallotKind.DIS, [.. positions.Select(p => new Vote(p.Position, true, p.TechnicalReasons is not null))], 25).Outcome.ToString(),
            result.GetProperty("outcome").GetString());
    }
}
