using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Normative.Features.Accounts;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;
using Normative.Tests.Features.Development;
using Normative.Tests.Features.Development.Documents;

namespace Normative.Tests.Browser;

public class DocumentsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly DevelopmentWorld _world = new(browser.App);

    private static async Task AssertFitsAsync(IPage page, int width)
    {
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth} px wide on a {width} px screen.");
    }

    [Fact]
    public async Task ADelegateFiltersTheRegisterOpensADocumentAndReadsTheBallotsDraftOnANarrowScreen()
    {
        const int width = 320;
        var (committee, p, _) = await _world.CommitteeAsync(2, 1);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 31400", draft: null);
        // A file name as long as the demo's, which the download button must wrap on a narrow screen.
        await _world.DraftAsync(project, DocumentType.EnquiryDraft, DocumentAudience.MemberBodies, fileName: "iso-iec-jtc-1-sc-27-n31400-enquiry-draft.xml");
        await _world.DraftAsync(project, DocumentType.Agenda, DocumentAudience.Committee, System.Text.Encoding.ASCII.GetString(DocumentSamples.Pdf("agenda")), "agenda.pdf");
        var ballot = await _world.OpenBallotAsync(project.Id, BallotKind.DIS);
        var draft = await browser.App.WithDbAsync(db => db.CommitteeDocuments.SingleAsync(d => d.Id == ballot.DocumentId));
        var delegateUser = await browser.App.CreateUserAsync(Roles.Delegate);
        await _world.LinkAsync(delegateUser, p[0]);
        var page = await browser.SignedInAsync(delegateUser.Email!);
        await page.SetViewportSizeAsync(width, 800);

        // The register with both documents; filtered to enquiry drafts, only the DIS is left.
        await page.GotoAsync($"/committees/{committee.Slug}/documents?culture=en");
        Assert.Equal(2, await page.Locator("main table tbody tr").CountAsync());
        await BrowserFixture.AssertAccessibleAsync(page);
        await AssertFitsAsync(page, width);
        await page.SelectOptionAsync("#filter-type", nameof(DocumentType.EnquiryDraft));
        await page.SelectOptionAsync("#filter-project", project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.ClickAsync("form.filters button[type=submit]");
        await BrowserFixture.ArriveAsync(page, url => url.Contains("type=EnquiryDraft", StringComparison.Ordinal));
        var rows = page.Locator("main table tbody tr");
        Assert.Equal(1, await rows.CountAsync());
        Assert.Contains($"{committee.Reference} N {draft.Number}", await rows.InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await AssertFitsAsync(page, width);

        // The document's page, with its file and checksum.
        await page.ClickAsync($"main table tbody a[href='/committees/{committee.Slug}/documents/{draft.Number}']");
        await BrowserFixture.ArriveAsync(page, url => url.Contains($"/documents/{draft.Number}", StringComparison.Ordinal));
        var stored = await browser.App.WithDbAsync(db => db.StoredFiles.SingleAsync(f => f.Id == draft.FileId));
        Assert.Contains(stored.Sha256, await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await AssertFitsAsync(page, width);

        // The ballot page names its draft, and the draft is read beside it.
        await page.GotoAsync($"/development/ballots/{ballot.Id}?culture=en");
        Assert.Contains($"{committee.Reference} N {draft.Number}", await page.Locator(".ballot-documents").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await AssertFitsAsync(page, width);
        await page.ClickAsync($".ballot-documents a[href='/development/ballots/{ballot.Id}/draft']");
        await BrowserFixture.ArriveAsync(page, url => url.Contains("/draft", StringComparison.Ordinal));
        Assert.Contains("Top management shall demonstrate leadership & commitment.", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(page);
        await AssertFitsAsync(page, width);
    }
}
