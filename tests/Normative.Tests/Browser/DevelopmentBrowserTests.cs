using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Committees;
using Normative.Tests.Features.Development;

namespace Normative.Tests.Browser;

public class DevelopmentBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly DevelopmentWorld _world = new(browser.App);

    [Fact]
    public async Task DelegateVotesAndTheCommitteeManagerClosesTheBallot()
    {
        var (committee, p, _) = await _world.CommitteeAsync(3, 1);
        var delegateUser = await browser.App.CreateUserAsync(Roles.Delegate);
        await _world.LinkAsync(delegateUser, p[0]);
        var managerUser = await browser.App.CreateUserAsync(Roles.CommitteeManager);
        await browser.App.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ManagerUserId, managerUser.Id)));
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 27999");
        var ballot = await _world.OpenBallotAsync(project.Id, BallotKind.DIS);

        // The delegate finds the ballot waiting on the dashboard and votes for the member body.
        var delegatePage = await browser.SignedInAsync(delegateUser.Email!);
        await delegatePage.GotoAsync("/development/dashboard");
        await delegatePage.ClickAsync($".waiting-list a[href='/development/ballots/{ballot.Id}#vote']");
        await BrowserFixture.AssertAccessibleAsync(delegatePage);
        await delegatePage.CheckAsync($"#position-{p[0].CountryCode}-Approve");
        await delegatePage.ClickAsync(".vote-form button[type=submit]");
        await delegatePage.WaitForSelectorAsync("[role=status]");
        Assert.Contains($"The vote of {p[0].Acronym} is recorded: Approve.", await delegatePage.TextContentAsync("[role=status]"), StringComparison.Ordinal);
        Assert.True(await delegatePage.IsCheckedAsync($"#position-{p[0].CountryCode}-Approve"));

        // The committee manager sees the participation, closes the ballot and reads the result.
        var managerPage = await browser.SignedInAsync(managerUser.Email!);
        await managerPage.GotoAsync($"/development/ballots/{ballot.Id}");
        Assert.Contains("1 of 3 P-members have voted", await managerPage.TextContentAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(managerPage);
        await managerPage.ClickAsync("form[action*='handler=Close'] button[type=submit]");
        await BrowserFixture.ArriveAsync(managerPage, url => url.EndsWith($"/development/ballots/{ballot.Id}/result", StringComparison.Ordinal));
        Assert.Equal("Approved", (await managerPage.TextContentAsync(".outcome strong"))!.Trim());
        Assert.True(await managerPage.IsVisibleAsync("svg.result-chart"));
        await BrowserFixture.AssertAccessibleAsync(managerPage);

        var stage = await browser.App.WithDbAsync(db => db.Projects.Where(x => x.Id == project.Id).Select(x => x.Stage).SingleAsync());
        Assert.Equal(4099, stage);

        // The vote is locked now.
        await delegatePage.GotoAsync($"/development/ballots/{ballot.Id}");
        Assert.Equal(0, await delegatePage.Locator(".vote-form").CountAsync());
    }

    [Fact]
    public async Task DevelopmentPagesHaveNoSeriousAccessibilityViolations()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 2, o: 1, publicConsultation: true);
        var paths = new[]
        {
            "/taking-part", "/members", $"/members/{p[0].CountryCode}", "/development", "/development/stages", "/development/consultations",
            $"/committees/{committee.Slug}/work-programme", $"/committees/{committee.Slug}/members", $"/development/projects/{ballot.ProjectId}",
            $"/development/ballots/{ballot.Id}", $"/development/ballots/{ballot.Id}/public-comments", "/taking-part?culture=ru", "/members?culture=fr",
        };
        var page = await browser.NewPageAsync();
        foreach (var path in paths)
        {
            var response = await page.GotoAsync(path);
            Assert.True(response!.Ok, path);
            await BrowserFixture.AssertAccessibleAsync(page);
        }
    }

    [Fact]
    public async Task TheCommitteesHomeItsHistoryAndItsSettingsAreAccessible()
    {
        var (ballot, committee, _, _) = await _world.OpenDisAsync(p: 2, o: 0);
        var admin = await browser.App.CreateUserAsync(Roles.Administrator);
        await browser.App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            await CommitteeRecords.EditAsync(db, committee.Id, committee.TitleEn, null, "Standardization of accessible tests.", "Plenary resolution", admin.Id, now);
            await CommitteeRecords.AppointAsync(db, committee.Id, OfficerRole.Chair, "Dr Accessible", null, DateOnly.FromDateTime(now.UtcDateTime), null, null, admin.Id, now);
            return 0;
        });
        var page = await browser.SignedInAsync(admin.Email!);
        foreach (var path in new[] { "", "/standards", "/ballots", "/settings" })
        {
            var response = await page.GotoAsync($"/committees/{committee.Slug}{path}?culture=en");
            Assert.True(response!.Ok, path);
            await BrowserFixture.AssertAccessibleAsync(page);
            if (path.Length == 0)
            {
                Assert.Contains("Dr Accessible", await page.Locator("main .officers").InnerTextAsync(), StringComparison.Ordinal);
                Assert.Equal(2, await page.Locator("#record-history ~ .table-scroll tbody tr").CountAsync());
            }
        }
        Assert.Equal(1, await page.Locator("#appoint-form").CountAsync());
        await page.GotoAsync($"/committees/{committee.Slug}/ballots?culture=en");
        Assert.Equal(1, await page.Locator($"main a[href='/development/ballots/{ballot.Id}']").CountAsync());
    }

    [Fact]
    public async Task DelegateUsesTheCommentFormsAccessibly()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync(p: 2, o: 0);
        var delegateUser = await browser.App.CreateUserAsync(Roles.Delegate);
        await _world.LinkAsync(delegateUser, p[0]);
        var page = await browser.SignedInAsync(delegateUser.Email!);
        await page.GotoAsync($"/development/ballots/{ballot.Id}/comments");
        await page.FillAsync("#Input_Clause", "5.2");
        await page.SelectOptionAsync("#Input_Type", "te");
        await page.FillAsync("#Input_Comment", "The requirement cannot be verified.");
        await page.ClickAsync("form[action*='handler=Add'] button[type=submit]");
        await page.WaitForSelectorAsync(".comments-table");
        Assert.Equal("5.2", (await page.TextContentAsync(".comments-table tbody tr td:nth-child(3)"))!.Trim());
        await BrowserFixture.AssertAccessibleAsync(page);
    }
}
