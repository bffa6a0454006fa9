using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Development.Documents;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Documents;

public class DraftStageTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A project of the committee put straight at <paramref name="stage"/> (a WD approved: 20.99).</summary>
    private async Task<Normative.Features.Development.Projects.Project> AtAsync(int committeeId, string reference, int stage)
    {
        var project = await _world.ProjectAsync(committeeId, reference);
        await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stage, stage)));
        return project;
    }

    [Fact]
    public async Task AMoveToTheEnquiryStageNeedsItsDraftAndTakesTheLatest()
    {
        var (committee, _, _) = await _world.CommitteeAsync(3);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var project = await AtAsync(committee.Id, "ISO 31100", 2099);

        var refused = await ProblemAsync(await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "40.00" }), HttpStatusCode.Conflict);
        Assert.Contains("no DIS draft", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(2099, (await factory.WithDbAsync(db => db.Projects.FindAsync(project.Id).AsTask()))!.Stage);

        var first = await _world.DraftAsync(project, DocumentType.EnquiryDraft);
        var second = await _world.DraftAsync(project, DocumentType.EnquiryDraft, supersedes: first.Number);
        (await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "40.00" })).EnsureSuccessStatusCode();
        var entered = await factory.WithDbAsync(db => db.ProjectStageEvents.Where(e => e.ProjectId == project.Id && e.ToStage == 4000).SingleAsync());
        Assert.Equal(second.Id, entered.DocumentId);
    }

    [Fact]
    public async Task ABallotNamesItsDraftWhichCanBeReplacedBeforeButNeverAfter()
    {
        var (committee, _, _) = await _world.CommitteeAsync(3);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var project = await AtAsync(committee.Id, "ISO 31101", 2099);
        var first = await _world.DraftAsync(project, DocumentType.EnquiryDraft);
        (await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "40.00" })).EnsureSuccessStatusCode();
        // Before the ballot the draft may still be replaced by a new document superseding it.
        var replacement = await _world.DraftAsync(project, DocumentType.EnquiryDraft, supersedes: first.Number);

        var wrong = await ProblemAsync(await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId = project.Id, kind = "DIS", draft = 9999 }), HttpStatusCode.Conflict);
        Assert.Contains("N 9999", wrong.GetProperty("title").GetString(), StringComparison.Ordinal);
        var opened = await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId = project.Id, kind = "DIS" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var ballotId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(replacement.Id, (await factory.WithDbAsync(db => db.Ballots.FindAsync(ballotId).AsTask()))!.DocumentId);

        var count = await factory.WithDbAsync(db => db.CommitteeDocuments.CountAsync(d => d.CommitteeId == committee.Id));
        var refused = await factory.WithServicesAsync(async sp =>
        {
            await using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(StsSamples.Numbered()));
            return await CommitteeDocuments.UploadAsync(sp.GetRequiredService<Normative.Data.NormativeDb>(), sp.GetRequiredService<Normative.Storage.IFileStore>(), new DocumentLimits(),
                committee.Id, new CommitteeDocumentDraft("dis-2.xml", "DIS again", DocumentType.EnquiryDraft, DateOnly.FromDateTime(DateTime.UtcNow), DocumentAudience.Public,
                    project.Id, replacement.Number), content, DateTimeOffset.UtcNow);
        });
        Assert.False(refused.Succeeded);
        Assert.Equal((409, "Error.Draft.UnderBallot"), (refused.Error.Status, refused.Error.Key));
        Assert.Equal(count, await factory.WithDbAsync(db => db.CommitteeDocuments.CountAsync(d => d.CommitteeId == committee.Id)));
    }

    [Fact]
    public async Task APublicConsultationNeedsAPublicDraft()
    {
        var (committee, _, _) = await _world.CommitteeAsync(3);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 31102", draft: null);
        await _world.DraftAsync(project, DocumentType.EnquiryDraft, DocumentAudience.MemberBodies);
        var refused = await ProblemAsync(await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId = project.Id, kind = "DIS", publicConsultation = true }), HttpStatusCode.Conflict);
        Assert.Contains("not public", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Ballots.AnyAsync(b => b.ProjectId == project.Id)));
    }

    [Fact]
    public async Task ABallotOnAProjectWithoutADraftItsVotersCanReadIsRefusedAndNothingChanges()
    {
        var (committee, _, _) = await _world.CommitteeAsync(3);
        var (manager, browser, _) = await _world.ManagerAsync(committee.Id);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 31103", draft: null);

        var refused = await ProblemAsync(await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId = project.Id, kind = "DIS" }), HttpStatusCode.Conflict);
        Assert.Contains("no DIS draft in the committee's register that the voters could read", refused.GetProperty("title").GetString(), StringComparison.Ordinal);

        // The page says so before the manager tries, and refuses the form all the same.
        var page = await browser.GetDocumentAsync($"/development/projects/{project.Id}?culture=en");
        Assert.Null(page.QuerySelector("#ballot_Draft"));
        Assert.Contains("needs the project's draft", page.QuerySelector("#ballot-draft-needed")!.TextContent, StringComparison.Ordinal);
        var posted = await browser.SubmitFormAsync($"/development/projects/{project.Id}?culture=en", new() { ["ballot.Kind"] = "DIS" }, "form[action*='handler=OpenBallot']");
        Assert.Equal(HttpStatusCode.Conflict, posted.StatusCode);
        Assert.Contains("that the voters could read", (await posted.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // A draft only the committee may read does not do for a DIS, which goes to every member body.
        await _world.DraftAsync(project, DocumentType.EnquiryDraft, DocumentAudience.Committee);
        await ProblemAsync(await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId = project.Id, kind = "DIS" }), HttpStatusCode.Conflict);
        Assert.False(await factory.WithDbAsync(db => db.Ballots.AnyAsync(b => b.ProjectId == project.Id)));
        Assert.Equal(4000, (await factory.WithDbAsync(db => db.Projects.FindAsync(project.Id).AsTask()))!.Stage);
    }

    [Fact]
    public async Task TheBallotFormOffersTheDraftsTheVotersCanReadWithTheLatestChosen()
    {
        var (committee, _, _) = await _world.CommitteeAsync(3);
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 31104", draft: null);
        var first = await _world.DraftAsync(project, DocumentType.EnquiryDraft, DocumentAudience.MemberBodies);
        var second = await _world.DraftAsync(project, DocumentType.EnquiryDraft, DocumentAudience.MemberBodies, supersedes: first.Number);
        var other = await _world.DraftAsync(project, DocumentType.EnquiryDraft, DocumentAudience.Public);
        var internalOnly = await _world.DraftAsync(project, DocumentType.EnquiryDraft, DocumentAudience.Committee);

        var page = await browser.GetDocumentAsync($"/development/projects/{project.Id}?culture=en");
        var options = page.QuerySelectorAll("#ballot_Draft option").Select(o => (Value: o.GetAttribute("value"), Selected: o.HasAttribute("selected"))).ToList();
        Assert.Equal([(other.Number.ToString(CultureInfo.InvariantCulture), true), (second.Number.ToString(CultureInfo.InvariantCulture), false)], options);
        Assert.DoesNotContain(options, o => o.Value == internalOnly.Number.ToString(CultureInfo.InvariantCulture));

        // The server checks the choice again: a superseded draft is refused, the one chosen is named.
        var stale = await browser.SubmitFormAsync($"/development/projects/{project.Id}?culture=en",
            new() { ["ballot.Kind"] = "DIS", ["ballot.Draft"] = first.Number.ToString(CultureInfo.InvariantCulture) }, "form[action*='handler=OpenBallot']");
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains($"N {first.Number} has been replaced", (await stale.ReadDocumentAsync()).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var posted = await browser.SubmitFormAsync($"/development/projects/{project.Id}?culture=en",
            new() { ["ballot.Kind"] = "DIS", ["ballot.Draft"] = second.Number.ToString(CultureInfo.InvariantCulture) }, "form[action*='handler=OpenBallot']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(second.Id, await factory.WithDbAsync(db => db.Ballots.Where(b => b.ProjectId == project.Id).Select(b => b.DocumentId).SingleAsync()));
    }

    [Fact]
    public async Task TheMoveFormOffersTheStagesDraftsWithTheLatestChosen()
    {
        var (committee, _, _) = await _world.CommitteeAsync(3);
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);
        var project = await AtAsync(committee.Id, "ISO 31105", 3099);
        var first = await _world.DraftAsync(project, DocumentType.EnquiryDraft);
        var second = await _world.DraftAsync(project, DocumentType.EnquiryDraft);

        var page = await browser.GetDocumentAsync($"/development/projects/{project.Id}?culture=en");
        var options = page.QuerySelectorAll("#move_Draft option").Select(o => (Value: o.GetAttribute("value"), Selected: o.HasAttribute("selected"))).ToList();
        Assert.Equal([(second.Number.ToString(CultureInfo.InvariantCulture), true), (first.Number.ToString(CultureInfo.InvariantCulture), false)], options);

        var posted = await browser.SubmitFormAsync($"/development/projects/{project.Id}?culture=en",
            new() { ["move.Stage"] = "40.00", ["move.Draft"] = first.Number.ToString(CultureInfo.InvariantCulture) }, "form[action*='handler=Move']");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var entered = await factory.WithDbAsync(db => db.ProjectStageEvents.Where(e => e.ProjectId == project.Id && e.ToStage == 4000).SingleAsync());
        Assert.Equal(first.Id, entered.DocumentId);
    }
}
