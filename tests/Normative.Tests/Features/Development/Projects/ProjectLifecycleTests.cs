using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Projects;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Projects;

public class ProjectLifecycleTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private static int _number = 23600;
    private readonly DevelopmentWorld _world = new(factory);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static async Task MoveAsync(HttpClient manager, int projectId, params string[] stages)
    {
        foreach (var stage in stages)
        {
            await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/projects/{projectId}/stages", new { stage, note = "to " + stage }), HttpStatusCode.OK);
        }
    }

    private async Task<int> BallotAsync(HttpClient manager, int projectId, string kind, List<HttpClient> voters, Func<int, object> vote)
    {
        var ballot = await JsonAsync(await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId, kind }), HttpStatusCode.Created);
        var id = ballot.GetProperty("id").GetInt32();
        for (var i = 0; i < voters.Count; i++)
        {
            await JsonAsync(await voters[i].PostAsJsonAsync($"/api/v1/ballots/{id}/votes", vote(i)), HttpStatusCode.OK);
        }
        await JsonAsync(await manager.PostAsync($"/api/v1/ballots/{id}/close", null), HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task ProjectGoesFromProposalToPublicationAndItsHistoryShowsEveryStep()
    {
        var (committee, p, _) = await _world.CommitteeAsync(6);
        var (manager, browser, _) = await _world.ManagerAsync(committee.Id);
        var voters = new List<HttpClient>();
        foreach (var body in p)
        {
            voters.Add((await _world.DelegateAsync(body)).Api);
        }
        await factory.WithDbAsync(async db =>
        {
            db.Deliverables.Add(new Deliverable { Id = 4242, DeliverableType = "IS", Reference = "ISO 23456:2019", TitleEn = "Widgets — Vocabulary", Edition = 2, CurrentStage = 6060, IcsCodes = ["01.040.01"] });
            return await db.SaveChangesAsync();
        });

        var created = await JsonAsync(await manager.PostAsJsonAsync("/api/v1/projects", new
        {
            committeeId = committee.Id, reference = "ISO/NP 23456", title = "Widgets — Vocabulary", titleFr = "Widgets — Vocabulaire", trackMonths = 24, leader = "A. Leader", replaces = "ISO 23456:2019",
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal("ISO 23456", created.GetProperty("reference").GetString());
        Assert.Equal("10.00", created.GetProperty("stage").GetString());

        // NP: five of six approve, four nominate experts (a committee of 6 P-members needs 4).
        var np = await BallotAsync(manager, id, "NP", voters, i => i < 5 ? new { position = "approve", nominatesExpert = i < 4, expertName = $"Expert {i}", expertEmail = $"expert{i}.{committee.Id}@example.org" }
            : new { position = "disapprove", nominatesExpert = false, expertName = "", expertEmail = "" });
        Assert.Equal("10.99", (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("stage").GetString());
        var filed = await factory.WithDbAsync(db => db.Projects.FindAsync(id).AsTask());
        await MoveAsync(manager, id, "20.00", "20.20", "20.60", "20.99");
        await _world.DraftAsync(filed!, DocumentType.CommitteeDraft);
        await MoveAsync(manager, id, "30.00");
        var cd = await BallotAsync(manager, id, "CD", [], _ => new { });
        await MoveAsync(manager, id, "30.99");
        await _world.DraftAsync(filed!, DocumentType.EnquiryDraft);
        await MoveAsync(manager, id, "40.00");
        var dis = await BallotAsync(manager, id, "DIS", voters, i => new { position = i < 5 ? "approve" : "abstain" });
        Assert.Equal("40.99", (await manager.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}")).GetProperty("stage").GetString());
        await _world.DraftAsync(filed!, DocumentType.ApprovalDraft);
        await MoveAsync(manager, id, "50.00");
        var fdis = await BallotAsync(manager, id, "FDIS", voters, _ => new { position = "approve" });
        await MoveAsync(manager, id, "60.00", "60.60");

        var stages = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{id}/stages");
        var steps = stages.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("to").GetString()).ToList();
        Assert.Equal(
        [
            "10.00", "10.20", "10.60", "10.99", "20.00", "20.20", "20.60", "20.99", "30.00", "30.20", "30.60", "30.99",
            "40.00", "40.20", "40.60", "40.99", "50.00", "50.20", "50.60", "50.99", "60.00", "60.60",
        ], steps);
        var events = stages.GetProperty("events").EnumerateArray().ToList();
        Assert.All(events.Skip(1), e => Assert.NotNull(e.GetProperty("from").GetString()));
        Assert.Equal(np, events.Single(e => e.GetProperty("to").GetString() == "10.20").GetProperty("ballotId").GetInt32());
        Assert.Equal(cd, events.Single(e => e.GetProperty("to").GetString() == "30.60").GetProperty("ballotId").GetInt32());
        Assert.Equal(dis, events.Single(e => e.GetProperty("to").GetString() == "40.99").GetProperty("ballotId").GetInt32());
        Assert.Equal(fdis, events.Single(e => e.GetProperty("to").GetString() == "50.60").GetProperty("ballotId").GetInt32());
        Assert.Equal("to 20.20", events.Single(e => e.GetProperty("to").GetString() == "20.20").GetProperty("note").GetString());

        // Publication made the catalogue deliverable and withdrew the edition it replaces.
        var year = DateTime.UtcNow.Year;
        var (published, replaced, project) = await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(x => x.Id == id);
            return (await db.Deliverables.SingleAsync(d => d.Id == project.DeliverableId), await db.Deliverables.SingleAsync(d => d.Id == 4242), project);
        });
        Assert.Equal($"ISO 23456:{year}", published.Reference);
        Assert.Equal(6060, published.CurrentStage);
        Assert.Equal(3, published.Edition);
        Assert.Equal([4242], published.Replaces);
        Assert.Equal(committee.Reference, published.OwnerCommittee);
        Assert.Equal(["01.040.01"], published.IcsCodes);
        Assert.Equal("Widgets — Vocabulaire", published.TitleFr);
        Assert.Equal(9599, replaced.CurrentStage);
        Assert.Equal([published.Id], replaced.ReplacedBy);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5), project.ReviewDue);

        // The project page shows the whole history too.
        var page = await browser.GetDocumentAsync($"/development/projects/{id}?culture=en");
        Assert.Equal($"ISO 23456:{year}", page.QuerySelector("h1")!.FirstChild!.TextContent.Trim());
        Assert.Equal(22, page.QuerySelectorAll("#history ~ .table-scroll tbody tr").Length);
    }

    [Fact]
    public async Task EnquiryDraftGoesToFdisOnlyAfterAnApprovedBallot()
    {
        var (committee, p, _) = await _world.CommitteeAsync(3);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 23500");
        var ballot = await _world.OpenBallotAsync(project.Id, BallotKind.DIS);
        var (voter, _) = await _world.DelegateAsync(p[0]);
        await voter.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "disapprove", technicalReasons = "Not ready." });
        var (manager, browser, _) = await _world.ManagerAsync(committee.Id);
        await manager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null);

        var refused = await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "40.99" });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("Error.Stage.NeedsApproval", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var (stage, events) = await factory.WithDbAsync(async db => ((await db.Projects.SingleAsync(x => x.Id == project.Id)).Stage, await db.ProjectStageEvents.CountAsync(e => e.ProjectId == project.Id)));
        Assert.Equal(4060, stage);

        // The page says why, with the 409 status, and records nothing either.
        var response = await browser.SubmitFormAsync($"/development/projects/{project.Id}?culture=en", new() { ["move.Stage"] = "40.99" }, "form[action*='handler=Move']");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("approved ballot", (await response.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(events, await factory.WithDbAsync(db => db.ProjectStageEvents.CountAsync(e => e.ProjectId == project.Id)));

        // A failed enquiry leads back or to a new DIS ballot, by the manager's decision.
        var next = await manager.GetFromJsonAsync<JsonElement>($"/api/v1/projects/{project.Id}/stages");
        Assert.Equal(["40.92", "40.93", "40.98"], next.GetProperty("next").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "40.93", note = "Comments resolved; second enquiry." })).StatusCode);
    }

    [Theory]
    [InlineData("40.20", "Error.Stage.NeedsBallotOpen")]
    [InlineData("60.60", "Error.Stage.NotAllowed")]
    [InlineData("12.34", "Error.Stage.Unknown")]
    public async Task IllegalStageTransitionIsAConflictAndNothingIsRecorded(string stage, string code)
    {
        var (committee, _, _) = await _world.CommitteeAsync(2);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, $"ISO {Interlocked.Increment(ref _number)}");
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var before = await factory.WithDbAsync(db => db.ProjectStageEvents.CountAsync(e => e.ProjectId == project.Id));

        var response = await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(4000, (await factory.WithDbAsync(db => db.Projects.SingleAsync(x => x.Id == project.Id))).Stage);
        Assert.Equal(before, await factory.WithDbAsync(db => db.ProjectStageEvents.CountAsync(e => e.ProjectId == project.Id)));
    }

    [Fact]
    public async Task OnlyTheCommitteesManagerRegistersAndMovesItsProjects()
    {
        var (committee, p, _) = await _world.CommitteeAsync(2);
        var project = await _world.ProjectAsync(committee.Id, "ISO 23700");
        var (otherManager, _) = await factory.ApiClientAsync(Roles.CommitteeManager);
        var (delegateApi, _) = await _world.DelegateAsync(p[0]);
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);

        Assert.Equal(HttpStatusCode.Forbidden, (await otherManager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "10.98" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await delegateApi.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "10.98" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "10.98" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherManager.PostAsJsonAsync("/api/v1/projects", new { committeeId = committee.Id, reference = "ISO 23701", title = "T" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherManager.PostAsJsonAsync("/api/v1/ballots", new { projectId = project.Id, kind = "NP" })).StatusCode);
        var (otherBrowser, _) = await factory.SignInAsAsync(Roles.CommitteeManager);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherBrowser.GetAsync($"/development/projects/new?committee={committee.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().GetAsync($"/development/projects/new?committee={committee.Id}")).StatusCode);

        // Administrators may act for any committee.
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "10.98", note = "Withdrawn by the proposer." })).StatusCode);
    }

    [Theory]
    [InlineData("not a reference", "Error.Project.Reference")]
    [InlineData("ISO/IEC Guide 99", "Error.Project.Type")]
    [InlineData("ISO 1:2099/Amd 1", "Error.Project.BaseMissing")]
    public async Task UnusableReferenceIsRefusedWithTheReason(string reference, string code)
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var response = await manager.PostAsJsonAsync("/api/v1/projects", new { committeeId = committee.Id, reference, title = "Something" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Projects.CountAsync(x => x.CommitteeId == committee.Id)));
    }

    [Fact]
    public async Task ManagerRegistersAProjectThroughThePage()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);
        var bad = await browser.SubmitFormAsync($"/development/projects/new?committee={committee.Id}&culture=en", new() { ["Input.Reference"] = "ISO nonsense", ["Input.TitleEn"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotEmpty((await bad.ReadDocumentAsync()).QuerySelectorAll(".error-summary li"));

        var ok = await browser.SubmitFormAsync($"/development/projects/new?committee={committee.Id}", new()
        {
            ["Input.Reference"] = "ISO/TS 23800-2", ["Input.TitleEn"] = "Gadgets — Part 2: Tests", ["Input.TrackMonths"] = "18", ["Input.StartStage"] = "1000",
        });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await browser.GetDocumentAsync(ok.Headers.Location!.OriginalString + "?culture=en");
        Assert.Equal("ISO/NP TS 23800-2", page.QuerySelector("h1")!.FirstChild!.TextContent.Trim());
        Assert.Contains("Technical Specification", page.QuerySelector(".facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SystematicReviewTieIsDecidedByTheManagerWithANote()
    {
        var (committee, p, _) = await _world.CommitteeAsync(4);
        await factory.WithDbAsync(async db =>
        {
            db.Deliverables.Add(new Deliverable { Id = 4343, DeliverableType = "IS", Reference = "ISO 24000:2020", TitleEn = "Gizmos", CurrentStage = 6060, PublicationDate = new DateOnly(2020, 5, 1), OwnerCommittee = committee.Reference });
            return await db.SaveChangesAsync();
        });
        var (manager, browser, _) = await _world.ManagerAsync(committee.Id);
        // The manager starts the review from the work programme's published standards.
        var started = await browser.SubmitFormAsync($"/committees/{committee.Slug}/work-programme", new() { ["Review.DeliverableId"] = "4343" }, "form[action*='handler=Review']");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var projectId = await factory.WithDbAsync(db => db.Projects.Where(x => x.DeliverableId == 4343).Select(x => x.Id).SingleAsync());
        var ballot = await JsonAsync(await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId, kind = "SR" }), HttpStatusCode.Created);
        var id = ballot.GetProperty("id").GetInt32();
        Assert.Equal("ISO 24000:2020", ballot.GetProperty("reference").GetString());
        // The ballot is about the published standard: its page links to the catalogue's record.
        var ballotPage = await factory.Browser().GetDocumentAsync($"/development/ballots/{ballot.GetProperty("id").GetInt32()}?culture=en");
        Assert.Equal("ISO 24000:2020", ballotPage.QuerySelector(".ballot-documents a[href='/standard/4343']")?.TextContent.Trim());
        var positions = new[] { "confirm", "confirm", "revise", "revise" };
        for (var i = 0; i < 4; i++)
        {
            var (voter, _) = await _world.DelegateAsync(p[i]);
            await JsonAsync(await voter.PostAsJsonAsync($"/api/v1/ballots/{id}/votes", new { position = positions[i], nominatesExpert = true }), HttpStatusCode.OK);
        }
        var closed = await JsonAsync(await manager.PostAsync($"/api/v1/ballots/{id}/close", null), HttpStatusCode.OK);
        Assert.Equal("ManagerDecides", closed.GetProperty("outcome").GetString());
        Assert.Equal(9060, (await factory.WithDbAsync(db => db.Projects.SingleAsync(x => x.Id == projectId))).Stage);

        var noNote = await manager.PostAsJsonAsync($"/api/v1/ballots/{id}/decision", new { decision = "confirm", note = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noNote.StatusCode);
        var decided = await JsonAsync(await manager.PostAsJsonAsync($"/api/v1/ballots/{id}/decision", new { decision = "confirm", note = "Confirmed: the revision proposals concern a future amendment." }), HttpStatusCode.OK);
        Assert.Equal("Confirm", decided.GetProperty("decision").GetString());
        var (project, deliverable) = await factory.WithDbAsync(async db => (await db.Projects.SingleAsync(x => x.Id == projectId), await db.Deliverables.SingleAsync(d => d.Id == 4343)));
        Assert.Equal(9093, project.Stage);
        Assert.Equal(9093, deliverable.CurrentStage);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5), project.ReviewDue);
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsJsonAsync($"/api/v1/ballots/{id}/decision", new { decision = "withdraw", note = "Again." })).StatusCode);

        var result = await factory.Browser().GetDocumentAsync($"/development/ballots/{id}/result?culture=en");
        Assert.Contains("Confirmed: the revision proposals", result.QuerySelector(".outcome")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsRefuseAFilterValueTheyDoNotKnowAndNameTheStageLikeTheCatalogue()
    {
        var client = factory.CreateClient();

        var stage = await client.GetAsync("/api/v1/projects?stage=banana");
        Assert.Equal(HttpStatusCode.BadRequest, stage.StatusCode);
        Assert.Equal("Error.Stage.Filter", (await stage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var status = await client.GetAsync("/api/v1/ballots?status=pending");
        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Equal("Error.Ballot.StatusFilter", (await status.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects?stage=40.20")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/ballots?status=open")).StatusCode);

        // One table of stage names for the whole site: 90.00 (periodical review) was missing from the development copy.
        Assert.True(StageCodes.IsKnown(9000));
        var page = await client.GetDocumentAsync("/development/stages?culture=en");
        Assert.Contains("International Standard under periodical review", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }
}
