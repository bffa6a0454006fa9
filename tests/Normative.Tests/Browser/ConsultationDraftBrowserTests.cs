using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;
using Normative.Tests.Features.Development;

namespace Normative.Tests.Browser;

public class ConsultationDraftBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly DevelopmentWorld _world = new(browser.App);

    [Fact]
    public async Task AMemberOfThePublicReadsTheDraftAndCommentsOnAClause()
    {
        var (committee, _, _) = await _world.CommitteeAsync(2, 1);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 31300", draft: null);
        await _world.DraftAsync(project, DocumentType.EnquiryDraft, DocumentAudience.Public);
        var ballot = await _world.OpenBallotAsync(project.Id, BallotKind.DIS, publicConsultation: true);
        var reader = await browser.App.CreateUserAsync(Roles.Customer);

        // From the list of consultations to the draft, read beside the comment form.
        var page = await browser.SignedInAsync(reader.Email!);
        await page.GotoAsync("/development/consultations?culture=en");
        await page.ClickAsync($"a[href='/development/ballots/{ballot.Id}/public-comments']");
        await BrowserFixture.ArriveAsync(page, url => url.Contains("/public-comments", StringComparison.Ordinal));
        Assert.Contains("Top management shall demonstrate leadership & commitment.", await page.Locator(".draft-text #clause-4-2").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator(".draft-text script").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);

        // The comment names a clause chosen from the draft, and the table links back to it.
        await page.SelectOptionAsync("#Input_Clause", "4.2");
        await page.FillAsync("#Input_LineNumber", "8");
        await page.SelectOptionAsync("#Input_Type", "te");
        await page.FillAsync("#Input_Comment", "Say what demonstrating leadership means.");
        await page.ClickAsync("form[action*='handler=Add'] button[type=submit]");
        await page.WaitForSelectorAsync(".comments-table");
        var link = page.Locator(".comments-table tbody tr td:nth-child(3) a");
        Assert.Equal("#clause-4-2", await link.GetAttributeAsync("href"));
        await BrowserFixture.AssertAccessibleAsync(page);
        var saved = await browser.App.WithDbAsync(db => db.BallotComments.SingleAsync(c => c.BallotId == ballot.Id));
        Assert.Equal(("4.2", "8", true), (saved.Clause, saved.LineNumber, saved.IsPublic));

        // Anyone may read the public draft on its own page.
        var anonymous = await browser.NewPageAsync();
        var response = await anonymous.GotoAsync($"/development/ballots/{ballot.Id}/draft?culture=en");
        Assert.True(response!.Ok);
        await BrowserFixture.AssertAccessibleAsync(anonymous);
    }
}
