using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Normative.Features.Accounts;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;

namespace Normative.Tests.Browser;

/// <summary>
/// A new deployment, with no demo data, set up through the pages alone: the administrator creates
/// member bodies and a committee, a member body's administrator registers its delegates and applies
/// for P-membership, the committee manager accepts, registers a project and opens the NP ballot.
/// The people have accounts of their own (signed up); every role comes from a page.
/// </summary>
public class SetUpBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static async Task SubmitAsync(IPage page, string button, Func<string, bool> arrived)
    {
        await page.ClickAsync(button);
        await BrowserFixture.ArriveAsync(page, arrived);
    }

    private static async Task<string> NoticeAsync(IPage page)
    {
        await page.WaitForSelectorAsync("[role=status]");
        return (await page.TextContentAsync("[role=status]"))!;
    }

    private static async Task CreateMemberBodyAsync(IPage page, string code, string acronym, string name, string region)
    {
        await page.GotoAsync("/members/new?culture=en");
        await page.SelectOptionAsync("#Input_CountryCode", code);
        await page.FillAsync("#Input_Acronym", acronym);
        await page.FillAsync("#Input_Name", name);
        await page.SelectOptionAsync("#Input_Category", "MemberBody");
        await page.SelectOptionAsync("#Input_Region", region);
        await SubmitAsync(page, "main form button[type=submit]", url => url.EndsWith("/members/" + code, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANewDeploymentIsSetUpThroughThePagesAlone()
    {
        Assert.False(await browser.App.WithDbAsync(db => db.MemberBodies.AnyAsync()));
        Assert.False(await browser.App.WithDbAsync(db => db.Committees.AnyAsync()));
        var administrator = await browser.App.CreateUserAsync(Roles.Administrator);
        var bodyAdministrator = await browser.App.CreateUserAsync(Roles.Customer);
        var delegateUser = await browser.App.CreateUserAsync(Roles.Customer);
        var manager = await browser.App.CreateUserAsync(Roles.Customer);

        // The administrator creates the member bodies, gives one its administrator, creates a committee and appoints its manager.
        var admin = await browser.SignedInAsync(administrator.Email!);
        await CreateMemberBodyAsync(admin, "KE", "KEBS", "Kenya Bureau of Standards", "Africa");
        await CreateMemberBodyAsync(admin, "NO", "SN", "Standards Norway", "Europe");
        await admin.GotoAsync("/members/KE?culture=en");
        await admin.FillAsync("#newAdministrator_Email", bodyAdministrator.Email!);
        await SubmitAsync(admin, "#add-administrator button[type=submit]", url => url.Contains("/members/KE", StringComparison.Ordinal));
        Assert.Contains(bodyAdministrator.Email!, await admin.TextContentAsync("main"), StringComparison.Ordinal);

        await admin.GotoAsync("/development/committees/new?culture=en");
        await admin.SelectOptionAsync("#Input_Kind", "TC");
        await admin.FillAsync("#Input_Number", "999");
        await admin.FillAsync("#Input_TitleEn", "Set-up of a standards body");
        await SubmitAsync(admin, "main form button[type=submit]", url => url.Contains("/settings", StringComparison.Ordinal));
        var slug = new Uri(admin.Url).AbsolutePath.Split('/')[^2];
        Assert.Equal("iso-tc-999", slug);
        var committeeId = await browser.App.WithDbAsync(db => db.Committees.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());
        await admin.SelectOptionAsync("#secretariat_MemberBody", "KEBS");
        await SubmitAsync(admin, "#secretariat-form button[type=submit]", url => url.Contains("/settings", StringComparison.Ordinal));
        await NoticeAsync(admin);
        await admin.SelectOptionAsync("#appoint_Role", "CommitteeManager");
        await admin.FillAsync("#appoint_Email", manager.Email!);
        await SubmitAsync(admin, "#appoint-form button[type=submit]", url => url.Contains("/settings", StringComparison.Ordinal));
        await NoticeAsync(admin);
        Assert.Contains("ISO/TC 999", await admin.TextContentAsync("h1"), StringComparison.Ordinal);

        // The member body's administrator registers a delegate and applies for P-membership.
        var body = await browser.SignedInAsync(bodyAdministrator.Email!);
        await body.GotoAsync("/members/KE?culture=en");
        await body.FillAsync("#newDelegate_Email", delegateUser.Email!);
        await SubmitAsync(body, "form[action*='AddDelegate'] button[type=submit]", url => url.Contains("/members/KE", StringComparison.Ordinal));
        Assert.Contains(delegateUser.Email!, await body.TextContentAsync("main"), StringComparison.Ordinal);
        await body.GotoAsync($"/committees/{slug}/members?culture=en");
        await body.SelectOptionAsync("#application_MemberBody", "KE");
        await body.CheckAsync("#application-P");
        await SubmitAsync(body, "#apply-form button[type=submit]", url => url.Contains("/members", StringComparison.Ordinal));
        Assert.Contains("KEBS", await NoticeAsync(body), StringComparison.Ordinal);

        // The committee manager accepts, registers a project and opens its NP ballot.
        var committee = await browser.SignedInAsync(manager.Email!);
        await committee.GotoAsync($"/committees/{slug}/members?culture=en");
        Assert.Contains("KEBS applies for P-membership", await committee.TextContentAsync("#applications + ul"), StringComparison.Ordinal);
        await SubmitAsync(committee, "form[action*='Accept'] button[type=submit]", url => url.Contains("/members", StringComparison.Ordinal));
        await NoticeAsync(committee);

        // As a P-member now, the member body's administrator nominates an expert to the committee.
        await body.GotoAsync("/members/KE?culture=en");
        await body.SelectOptionAsync("#newExpert_Committee", committeeId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await body.FillAsync("#newExpert_Name", "Wanjiru Kamau");
        await body.FillAsync("#newExpert_Email", "wanjiru.kamau@example.org");
        await SubmitAsync(body, "#nominate-expert button[type=submit]", url => url.Contains("/members/KE", StringComparison.Ordinal));
        Assert.Contains("Wanjiru Kamau", await body.TextContentAsync("main"), StringComparison.Ordinal);
        await committee.GotoAsync($"/committees/{slug}/members?culture=en");
        Assert.Contains("Wanjiru Kamau", await committee.TextContentAsync("#expert-list"), StringComparison.Ordinal);

        await committee.GotoAsync($"/development/projects/new?committee={committeeId}&culture=en");
        await committee.FillAsync("#Input_Reference", "ISO 99901");
        await committee.FillAsync("#Input_TitleEn", "Standards bodies — Setting up");
        await SubmitAsync(committee, "main form button[type=submit]", url => url.Contains("/development/projects/", StringComparison.Ordinal) && !url.Contains("/new", StringComparison.Ordinal));
        await committee.SelectOptionAsync("#ballot_Kind", "NP");
        await SubmitAsync(committee, "form[action*='OpenBallot'] button[type=submit]", url => url.Contains("/development/ballots/", StringComparison.Ordinal));

        var ballot = await browser.App.WithDbAsync(db => db.Ballots.SingleAsync(b => b.CommitteeId == committeeId));
        Assert.Equal((BallotKind.NP, BallotStatus.Open, 1), (ballot.Kind, ballot.Status, ballot.PMembers));
        Assert.Equal(MembershipStatus.P, await browser.App.WithDbAsync(db => db.CommitteeMemberships.Where(m => m.CommitteeId == committeeId).Select(m => m.Status).SingleAsync()));

        // The delegate finds the ballot waiting for the member body.
        var delegatePage = await browser.SignedInAsync(delegateUser.Email!);
        await delegatePage.GotoAsync("/development/dashboard?culture=en");
        Assert.Equal(1, await delegatePage.Locator($".waiting-list a[href='/development/ballots/{ballot.Id}#vote']").CountAsync());
    }
}
