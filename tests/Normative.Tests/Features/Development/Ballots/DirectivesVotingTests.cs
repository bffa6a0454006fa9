using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Ballots;

/// <summary>
/// The Directives' electorate: enquiry and final drafts go to every member body of the "member body"
/// category; the committee's P-members decide the two-thirds criterion and every counted vote the one-quarter
/// criterion; correspondent and subscriber members never vote.
/// </summary>
public class DirectivesVotingTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private static object Approve => new { position = "approve" };

    private static object Against(string? reasons = "Clause 4 cannot be tested.") => new { position = "disapprove", technicalReasons = reasons };

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task VoteAsync(int ballotId, MemberBody body, object vote)
    {
        var (api, _) = await _world.DelegateAsync(body);
        await JsonAsync(await api.PostAsJsonAsync($"/api/v1/ballots/{ballotId}/votes", vote), HttpStatusCode.OK);
    }

    [Fact]
    public async Task DisGoesToEveryMemberBodyAndLeavesOutCorrespondentsOutsideTheCommittee()
    {
        var outside = await _world.BodyAsync();
        var correspondentOutside = await _world.BodyAsync(MemberCategory.CorrespondentMember);
        var (committee, p, o) = await _world.CommitteeAsync(3, 1);
        var correspondentObserver = await _world.BodyAsync(MemberCategory.CorrespondentMember);
        await factory.WithDbAsync(async db =>
        {
            db.CommitteeMemberships.Add(new CommitteeMembership { CommitteeId = committee.Id, MemberBodyId = correspondentObserver.Id, Status = MembershipStatus.O, Since = new DateOnly(2020, 1, 1) });
            return await db.SaveChangesAsync();
        });
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 24101");
        var ballot = await _world.OpenBallotAsync(project.Id, BallotKind.DIS);

        var members = await factory.WithDbAsync(db => db.BallotMembers.Where(m => m.BallotId == ballot.Id).ToDictionaryAsync(m => m.MemberBodyId));
        Assert.Equal((MembershipStatus?)MembershipStatus.P, members[p[0].Id].Status);
        Assert.True(members[p[0].Id].Votes);
        Assert.True(members[o[0].Id].Votes);
        Assert.Null(members[outside.Id].Status);
        Assert.True(members[outside.Id].Votes);
        // A correspondent O-member is on the ballot to comment; one outside the committee is not on it.
        Assert.False(members[correspondentObserver.Id].Votes);
        Assert.False(members.ContainsKey(correspondentOutside.Id));
        Assert.Equal(3, ballot.PMembers);
    }

    [Fact]
    public async Task ObserversAndMemberBodiesOutsideTheCommitteeVoteOnADisAndCountForTheQuarterOnly()
    {
        var outside = await _world.BodyAsync();
        var (ballot, committee, p, o) = await _world.OpenDisAsync(p: 3, o: 1);
        await VoteAsync(ballot.Id, p[0], Approve);
        await VoteAsync(ballot.Id, o[0], Against());
        await VoteAsync(ballot.Id, outside, Approve);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);

        var votes = await JsonAsync(await manager.GetAsync($"/api/v1/ballots/{ballot.Id}/votes"), HttpStatusCode.OK);
        var byBody = votes.EnumerateArray().ToDictionary(v => v.GetProperty("memberBody").GetString()!);
        Assert.True(byBody[p[0].Acronym].GetProperty("inPMembersCount").GetBoolean());
        Assert.Equal("O", byBody[o[0].Acronym].GetProperty("membership").GetString());
        Assert.False(byBody[o[0].Acronym].GetProperty("inPMembersCount").GetBoolean());
        Assert.True(byBody[o[0].Acronym].GetProperty("inAllVotesCount").GetBoolean());
        Assert.Equal(JsonValueKind.Null, byBody[outside.Acronym].GetProperty("membership").ValueKind);
        Assert.True(byBody[outside.Acronym].GetProperty("inAllVotesCount").GetBoolean());

        var result = await JsonAsync(await manager.GetAsync($"/api/v1/ballots/{ballot.Id}/result"), HttpStatusCode.OK);
        var criteria = result.GetProperty("criteria").EnumerateArray().ToList();
        Assert.Equal((1, 1), (criteria[0].GetProperty("count").GetInt32(), criteria[0].GetProperty("of").GetInt32()));
        Assert.Equal((1, 3), (criteria[1].GetProperty("count").GetInt32(), criteria[1].GetProperty("of").GetInt32()));
    }

    [Fact]
    public async Task DisWithExactlyTwoThirdsOfPMembersIsDisapprovedWhenNonMemberNegativesPassAQuarter()
    {
        var others = new List<MemberBody>();
        for (var i = 0; i < 6; i++)
        {
            others.Add(await _world.BodyAsync());
        }
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 4, o: 0);
        // P-members: 2 approve, 1 against with reasons (exactly two thirds), 1 abstains.
        await VoteAsync(ballot.Id, p[0], Approve);
        await VoteAsync(ballot.Id, p[1], Approve);
        await VoteAsync(ballot.Id, p[2], Against());
        await VoteAsync(ballot.Id, p[3], new { position = "abstain" });
        // Outside the committee: 3 approve, 1 against with reasons, 1 against without, 1 abstains.
        // Counted negatives: 2 of 7 votes, more than a quarter.
        await VoteAsync(ballot.Id, others[0], Approve);
        await VoteAsync(ballot.Id, others[1], Approve);
        await VoteAsync(ballot.Id, others[2], Approve);
        await VoteAsync(ballot.Id, others[3], Against());
        await VoteAsync(ballot.Id, others[4], Against(reasons: null));
        await VoteAsync(ballot.Id, others[5], new { position = "abstain" });
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);

        var closed = await JsonAsync(await manager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null), HttpStatusCode.OK);

        Assert.Equal("NotApproved", closed.GetProperty("outcome").GetString());
        var result = await JsonAsync(await factory.CreateClient().GetAsync($"/api/v1/ballots/{ballot.Id}/result"), HttpStatusCode.OK);
        var criteria = result.GetProperty("criteria").EnumerateArray()
            .Select(c => (c.GetProperty("count").GetInt32(), c.GetProperty("of").GetInt32(), c.GetProperty("met").GetBoolean())).ToList();
        Assert.Equal([(2, 3, true), (2, 7, false)], criteria);

        var page = await factory.Browser().GetDocumentAsync($"/development/ballots/{ballot.Id}/result?culture=en");
        Assert.Equal("Not approved", page.QuerySelector(".outcome strong")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#counted ~ .table-scroll tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList());
        Assert.Equal(["P", "Approve", "yes", "yes", "A P-member: counted in both criteria"], rows[p[0].Acronym]);
        Assert.Equal(["P", "Abstain", "no", "no", "An abstention is not counted"], rows[p[3].Acronym]);
        Assert.Equal(["—", "Disapprove", "no", "yes", "Not a P-member of the committee: counted among all votes cast only"], rows[others[3].Acronym]);
        Assert.Equal(["—", "Disapprove", "no", "no", "A negative vote without technical reasons is not counted"], rows[others[4].Acronym]);
        Assert.Equal(["—", "Abstain", "no", "no", "An abstention is not counted"], rows[others[5].Acronym]);
    }

    [Fact]
    public async Task VoteByACorrespondentOrSubscriberMemberIsRefusedAndNothingIsRecorded()
    {
        var correspondent = await _world.BodyAsync(MemberCategory.CorrespondentMember);
        var subscriber = await _world.BodyAsync(MemberCategory.SubscriberMember);
        var (ballot, committee, _, _) = await _world.OpenDisAsync(p: 3, o: 0);
        await factory.WithDbAsync(async db =>
        {
            db.CommitteeMemberships.Add(new CommitteeMembership { CommitteeId = committee.Id, MemberBodyId = subscriber.Id, Status = MembershipStatus.O, Since = new DateOnly(2020, 1, 1) });
            return await db.SaveChangesAsync();
        });

        foreach (var body in new[] { correspondent, subscriber })
        {
            var (api, _) = await _world.DelegateAsync(body);
            var response = await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", Approve);
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await JsonAsync(response, HttpStatusCode.Conflict);
            Assert.Equal("Error.Vote.NoVotingRights", problem.GetProperty("code").GetString());
            Assert.Contains(body.Acronym, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await factory.WithDbAsync(db => db.BallotPositions.CountAsync(x => x.BallotId == ballot.Id)));
        Assert.Equal(0, await factory.WithDbAsync(db => db.BallotVoteEvents.CountAsync(x => x.BallotId == ballot.Id)));
    }

    [Fact]
    public async Task CorrespondentMemberSeesWhyItMayNotVoteOnTheBallotPage()
    {
        var (committee, _, _) = await _world.CommitteeAsync(2);
        var correspondent = await _world.BodyAsync(MemberCategory.CorrespondentMember);
        await factory.WithDbAsync(async db =>
        {
            db.CommitteeMemberships.Add(new CommitteeMembership { CommitteeId = committee.Id, MemberBodyId = correspondent.Id, Status = MembershipStatus.O, Since = new DateOnly(2020, 1, 1) });
            return await db.SaveChangesAsync();
        });
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 24102");
        var ballot = await _world.OpenBallotAsync(project.Id, BallotKind.DIS);
        var (browser, user) = await factory.SignInAsAsync(Roles.Delegate);
        await _world.LinkAsync(user, correspondent);

        var page = await browser.GetDocumentAsync($"/development/ballots/{ballot.Id}?culture=en");

        var card = page.QuerySelector(".vote-card")!;
        Assert.Contains("correspondent or subscriber member", card.TextContent, StringComparison.Ordinal);
        Assert.Null(card.QuerySelector("form"));
    }

    [Fact]
    public async Task CommitteeInternalBallotIsDecidedByAMajorityOfPMembersAndLeavesTheStage()
    {
        var (committee, p, o) = await _world.CommitteeAsync(3, 1);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 24103");
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);

        var opened = await JsonAsync(await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId = project.Id, kind = "CIB" }), HttpStatusCode.Created);
        var id = opened.GetProperty("id").GetInt32();
        Assert.InRange(opened.GetProperty("closesAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddDays(55), DateTimeOffset.UtcNow.AddDays(57));
        await VoteAsync(id, p[0], Approve);
        await VoteAsync(id, p[1], Against(reasons: null));
        await VoteAsync(id, p[2], Approve);
        var (observer, _) = await _world.DelegateAsync(o[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await observer.PostAsJsonAsync($"/api/v1/ballots/{id}/votes", Approve)).StatusCode);

        var closed = await JsonAsync(await manager.PostAsync($"/api/v1/ballots/{id}/close", null), HttpStatusCode.OK);

        Assert.Equal("Approved", closed.GetProperty("outcome").GetString());
        Assert.Equal(4000, await factory.WithDbAsync(db => db.Projects.Where(x => x.Id == project.Id).Select(x => x.Stage).SingleAsync()));
    }

    [Fact]
    public async Task FinalDraftIsSkippedOnlyByTheManagersRecordedDecisionAfterAnEnquiryWithNoNegativeVote()
    {
        var (clean, cleanCommittee, cleanP, _) = await _world.OpenDisAsync(p: 2, o: 0);
        foreach (var body in cleanP)
        {
            await VoteAsync(clean.Id, body, Approve);
        }
        var (manager, _, _) = await _world.ManagerAsync(cleanCommittee.Id);
        await JsonAsync(await manager.PostAsync($"/api/v1/ballots/{clean.Id}/close", null), HttpStatusCode.OK);

        var noNote = await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/projects/{clean.ProjectId}/stages", new { stage = "60.00" }), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Stage.NoteNeeded", noNote.GetProperty("code").GetString());
        await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/projects/{clean.ProjectId}/stages", new { stage = "60.00", note = "No negative vote at enquiry: no FDIS." }), HttpStatusCode.OK);
        var skip = await factory.WithDbAsync(db => db.ProjectStageEvents.Where(e => e.ProjectId == clean.ProjectId && e.ToStage == 6000).SingleAsync());
        Assert.Equal((4099, "No negative vote at enquiry: no FDIS."), (skip.FromStage, skip.Note));

        // Approved, but with one negative vote (from outside the committee): the final draft is needed.
        var outside = new List<MemberBody>();
        for (var i = 0; i < 4; i++)
        {
            outside.Add(await _world.BodyAsync());
        }
        var (contested, contestedCommittee, contestedP, _) = await _world.OpenDisAsync(p: 2, o: 0);
        foreach (var body in contestedP.Concat(outside.Take(3)))
        {
            await VoteAsync(contested.Id, body, Approve);
        }
        await VoteAsync(contested.Id, outside[3], Against());
        var (contestedManager, _, _) = await _world.ManagerAsync(contestedCommittee.Id);
        Assert.Equal("Approved", (await JsonAsync(await contestedManager.PostAsync($"/api/v1/ballots/{contested.Id}/close", null), HttpStatusCode.OK)).GetProperty("outcome").GetString());
        var refused = await JsonAsync(await contestedManager.PostAsJsonAsync($"/api/v1/projects/{contested.ProjectId}/stages", new { stage = "60.00", note = "Skip." }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Stage.FdisNeeded", refused.GetProperty("code").GetString());
        Assert.Equal(4099, await factory.WithDbAsync(db => db.Projects.Where(x => x.Id == contested.ProjectId).Select(x => x.Stage).SingleAsync()));
    }
}
