using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development;

/// <summary>
/// Every kind of form of standards development: a successful POST redirects, the page it leads to
/// shows the notice once, and reloading that page neither repeats the change nor the notice.
/// </summary>
public class PostRedirectGetTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    /// <summary>Follows the redirect of a successful POST and reloads; the notice the first view showed (the second shows none).</summary>
    private static async Task<string> FollowAsync(HttpClient browser, HttpResponseMessage posted)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var target = posted.Headers.Location!.OriginalString;
        var first = await browser.GetDocumentAsync(target);
        var notice = first.QuerySelector("main .notice[role=status]");
        Assert.NotNull(notice);
        var again = await browser.GetDocumentAsync(target);
        Assert.Null(again.QuerySelector("main .notice[role=status]"));
        return notice.TextContent.Trim();
    }

    private async Task<HttpClient> DelegateBrowserAsync(MemberBody body)
    {
        var (browser, user) = await factory.SignInAsAsync(Roles.Delegate);
        await _world.LinkAsync(user, body);
        return browser;
    }

    [Fact]
    public async Task AVoteIsRecordedOnce()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync(p: 2, o: 0);
        var browser = await DelegateBrowserAsync(p[0]);

        var posted = await browser.SubmitFormAsync($"/development/ballots/{ballot.Id}", new() { ["vote.Position"] = "Approve" }, "form[action*='handler=Vote']");

        Assert.Contains($"The vote of {p[0].Acronym} is recorded: Approve.", await FollowAsync(browser, posted), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.BallotVoteEvents.CountAsync(e => e.BallotId == ballot.Id)));
    }

    [Fact]
    public async Task ClosingABallotLeadsToItsResult()
    {
        var (ballot, committee, _, _) = await _world.OpenDisAsync(p: 2, o: 0);
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);

        var posted = await browser.SubmitFormAsync($"/development/ballots/{ballot.Id}", new(), "form[action*='handler=Close']");

        Assert.EndsWith($"/development/ballots/{ballot.Id}/result", posted.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("The ballot is closed", await FollowAsync(browser, posted), StringComparison.Ordinal);
        Assert.Equal(BallotStatus.Closed, (await factory.WithDbAsync(db => db.Ballots.SingleAsync(b => b.Id == ballot.Id))).Status);
    }

    [Fact]
    public async Task TheManagersDecisionOnATieIsRecordedOnce()
    {
        var (committee, _, _) = await _world.CommitteeAsync(2);
        var project = await _world.ProjectAsync(committee.Id, "ISO 28101");
        var ballotId = await factory.WithDbAsync(async db =>
        {
            // A systematic review that ended in a tie: the project waits at 90.60 for the manager.
            await db.Projects.Where(x => x.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stage, 9060));
            var tie = new Ballot
            {
                ProjectId = project.Id, CommitteeId = committee.Id, Kind = BallotKind.SR, Status = BallotStatus.Closed, PMembers = 2,
                OpenedAt = DateTimeOffset.UtcNow.AddDays(-90), ClosesAt = DateTimeOffset.UtcNow.AddDays(-1), ClosedAt = DateTimeOffset.UtcNow.AddDays(-1),
                Outcome = BallotOutcome.ManagerDecides,
            };
            db.Ballots.Add(tie);
            await db.SaveChangesAsync();
            return tie.Id;
        });
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);

        var posted = await browser.SubmitFormAsync($"/development/ballots/{ballotId}", new()
        {
            ["decision.Decision"] = "Confirm", ["decision.Note"] = "Confirmed: the revision proposals wait for an amendment.",
        }, "form[action*='handler=Decide']");

        Assert.Contains("The decision is recorded: Confirm", await FollowAsync(browser, posted), StringComparison.Ordinal);
        var (stage, events) = await factory.WithDbAsync(async db => (
            (await db.Projects.SingleAsync(x => x.Id == project.Id)).Stage,
            await db.ProjectStageEvents.CountAsync(e => e.ProjectId == project.Id && e.BallotId == ballotId)));
        Assert.Equal((9093, 1), (stage, events));
    }

    [Fact]
    public async Task ACommentIsSavedOnce()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync(p: 1, o: 0);
        var browser = await DelegateBrowserAsync(p[0]);

        var posted = await browser.SubmitFormAsync($"/development/ballots/{ballot.Id}/comments", new()
        {
            ["Input.Clause"] = "6.1", ["Input.Type"] = "te", ["Input.Comment"] = "The risk register needs an owner.",
        }, "form[action*='handler=Add']");

        Assert.Contains("The comment on 6.1 was saved.", await FollowAsync(browser, posted), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.BallotComments.CountAsync(c => c.BallotId == ballot.Id)));
    }

    [Fact]
    public async Task AnUploadedFileIsSavedOnce()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync(p: 1, o: 0);
        var browser = await DelegateBrowserAsync(p[0]);
        var page = await browser.GetDocumentAsync($"/development/ballots/{ballot.Id}/comments");
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.Action.Contains("handler=Upload", StringComparison.Ordinal));
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("Clause,Type of comment,Comments\n4.1,ed,Typo\n5.2,te,Unclear\n")), form.QuerySelector("input[type=file]")!.GetAttribute("name")!, "mine.csv" },
        };

        var posted = await browser.PostAsync(form.GetAttribute("action"), multipart);

        Assert.Contains("2 comments were saved from mine.csv", await FollowAsync(browser, posted), StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.BallotComments.CountAsync(c => c.BallotId == ballot.Id)));
    }

    [Fact]
    public async Task AnObservationIsSavedWithItsNotice()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 1, o: 0);
        await (await DelegateBrowserAsync(p[0])).SubmitFormAsync($"/development/ballots/{ballot.Id}/comments",
            new() { ["Input.Clause"] = "2", ["Input.Type"] = "ed", ["Input.Comment"] = "Undated reference" }, "form[action*='handler=Add']");
        var (_, manager, _) = await _world.ManagerAsync(committee.Id);

        var posted = await manager.SubmitFormAsync($"/development/ballots/{ballot.Id}/comments", new() { ["observation.Observations"] = "Accepted." }, "form.observe-form");

        Assert.Contains("The observation was saved.", await FollowAsync(manager, posted), StringComparison.Ordinal);
        Assert.Equal("Accepted.", (await factory.WithDbAsync(db => db.BallotComments.SingleAsync(c => c.BallotId == ballot.Id))).Observations);
    }

    [Fact]
    public async Task AMembershipChangeIsRecordedOnce()
    {
        var (committee, _, _) = await _world.CommitteeAsync(0);
        var body = await _world.BodyAsync();
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);

        var posted = await browser.SubmitFormAsync($"/committees/{committee.Slug}/members", new()
        {
            ["Input.MemberBody"] = body.Acronym, ["Input.Status"] = "O", ["Input.Note"] = "Asked to observe.",
        }, "form.form-row[action*='handler=Set']");

        Assert.Contains($"The membership of {body.Acronym} was recorded.", await FollowAsync(browser, posted), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.MembershipEvents.CountAsync(e => e.CommitteeId == committee.Id)));
    }

    [Fact]
    public async Task CommitteeSettingsAreSavedWithTheirNotice()
    {
        var (committee, _, _) = await _world.CommitteeAsync(0);
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);

        var posted = await admin.SubmitFormAsync($"/committees/{committee.Slug}/settings?culture=en", new() { ["appoint.Role"] = "Chair", ["appoint.Name"] = "Ms Chair" }, "#appoint-form");

        Assert.Contains("The appointment is recorded.", await FollowAsync(admin, posted), StringComparison.Ordinal);
        Assert.Equal("Ms Chair", (await factory.WithDbAsync(db => db.Committees.SingleAsync(c => c.Id == committee.Id))).Chair);
    }

    [Fact]
    public async Task AStageChangeIsRecordedOnce()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var project = await _world.ProjectAsync(committee.Id, "ISO 28102");
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);

        var posted = await browser.SubmitFormAsync($"/development/projects/{project.Id}", new() { ["move.Stage"] = "10.98", ["move.Note"] = "Withdrawn by the proposer." }, "form[action*='handler=Move']");

        Assert.Contains("The project is now at 10.98", await FollowAsync(browser, posted), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ProjectStageEvents.CountAsync(e => e.ProjectId == project.Id && e.ToStage == 1098)));
    }

    [Fact]
    public async Task ABallotIsOpenedOnce()
    {
        var (committee, _, _) = await _world.CommitteeAsync(2);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 28103");
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);

        var posted = await browser.SubmitFormAsync($"/development/projects/{project.Id}", new() { ["ballot.Kind"] = "DIS" }, "form[action*='handler=OpenBallot']");

        Assert.Contains("The ballot is open until", await FollowAsync(browser, posted), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Ballots.CountAsync(b => b.ProjectId == project.Id)));
    }

    [Fact]
    public async Task AProjectIsRegisteredOnce()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);

        var posted = await browser.SubmitFormAsync($"/development/projects/new?committee={committee.Id}", new()
        {
            ["Input.Reference"] = "ISO 28104", ["Input.TitleEn"] = "Widgets", ["Input.TrackMonths"] = "36", ["Input.StartStage"] = "1000",
        });

        Assert.Contains("ISO/NP 28104 is registered in the work programme.", await FollowAsync(browser, posted), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Projects.CountAsync(x => x.CommitteeId == committee.Id)));
    }

    [Fact]
    public async Task AReviewIsStartedOnce()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        await factory.WithDbAsync(async db =>
        {
            db.Deliverables.Add(new Deliverable { Id = 4344, DeliverableType = "IS", Reference = "ISO 24001:2019", TitleEn = "Gadgets", CurrentStage = 6060, PublicationDate = new DateOnly(2019, 3, 1), OwnerCommittee = committee.Reference });
            return await db.SaveChangesAsync();
        });
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);

        var posted = await browser.SubmitFormAsync($"/committees/{committee.Slug}/work-programme", new(), "form[action*='handler=Review']");

        Assert.Contains("The systematic review of ISO 24001:2019", await FollowAsync(browser, posted), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Projects.CountAsync(x => x.DeliverableId == 4344)));
    }

    [Fact]
    public async Task ADelegateIsRegisteredAndRemovedOnce()
    {
        var body = await _world.BodyAsync();
        var person = await factory.CreateUserAsync(Roles.Customer);
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);

        var added = await admin.SubmitFormAsync($"/members/{body.CountryCode}", new() { ["newDelegate.Email"] = person.Email! }, "form[action*='handler=AddDelegate']");

        Assert.Contains($"{person.Email} is now a delegate of {body.Acronym}.", await FollowAsync(admin, added), StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.MemberBodyDelegates.CountAsync(d => d.MemberBodyId == body.Id)));

        var removed = await admin.SubmitFormAsync($"/members/{body.CountryCode}", new(), "form[action*='handler=RemoveDelegate']");

        Assert.Contains("The delegate was removed.", await FollowAsync(admin, removed), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.MemberBodyDelegates.CountAsync(d => d.MemberBodyId == body.Id)));
    }
}
