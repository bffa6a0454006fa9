using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Tests.Features.Development;

namespace Normative.Tests.Browser;

public class MeetingsBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private readonly DevelopmentWorld _world = new(browser.App);

    [Fact]
    public async Task ManagerPlansAMeetingADelegateRegistersAndSubscribesToTheirCalendar()
    {
        var (committee, p, _) = await _world.CommitteeAsync(2);
        var managerUser = await browser.App.CreateUserAsync(Roles.CommitteeManager);
        await browser.App.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ManagerUserId, managerUser.Id)));
        var delegateUser = await browser.App.CreateUserAsync(Roles.Delegate);
        await _world.LinkAsync(delegateUser, p[0]);
        var start = DateTime.UtcNow.Date.AddDays(30).AddHours(9);

        var manager = await browser.SignedInAsync(managerUser.Email!);
        await manager.GotoAsync($"/committees/{committee.Slug}/meetings?culture=en");
        await BrowserFixture.AssertAccessibleAsync(manager);
        await manager.ClickAsync("#new-meeting");
        await BrowserFixture.ArriveAsync(manager, url => url.Contains("/meetings/new", StringComparison.Ordinal));
        await BrowserFixture.AssertAccessibleAsync(manager);
        await manager.FillAsync("#Input_Title", "7th plenary meeting");
        await manager.FillAsync("#Input_StartsAt", start.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await manager.FillAsync("#Input_EndsAt", start.AddDays(2).AddHours(8).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await manager.FillAsync("#Input_City", "Nairobi");
        await manager.SelectOptionAsync("#Input_Country", "KE");
        await manager.FillAsync("#Input_OnlineUrl", "https://meet.example.org/plenary-7");
        await manager.FillAsync("#Input_Agenda", "1. Opening\n2. **Adoption** of the agenda");
        await manager.ClickAsync("#meeting-form button[type=submit]");
        await BrowserFixture.ArriveAsync(manager, url => System.Text.RegularExpressions.Regex.IsMatch(url, @"/development/meetings/\d+$"));
        Assert.Contains("7th plenary meeting", await manager.TextContentAsync("[role=status]"), StringComparison.Ordinal);
        Assert.Equal("Adoption", await manager.TextContentAsync("#agenda + .article-body strong"));
        await BrowserFixture.AssertAccessibleAsync(manager);
        var meetingPath = new Uri(manager.Url).AbsolutePath;

        var delegatePage = await browser.SignedInAsync(delegateUser.Email!);
        await delegatePage.GotoAsync(meetingPath + "?culture=en");
        Assert.Equal("https://meet.example.org/plenary-7", await delegatePage.GetAttributeAsync("#where a", "href"));
        await delegatePage.ClickAsync("#register-form button[type=submit]");
        await delegatePage.WaitForSelectorAsync("#registered");
        await BrowserFixture.AssertAccessibleAsync(delegatePage);
        await delegatePage.GotoAsync("/development/meetings?culture=en");
        await delegatePage.ClickAsync("#calendar-form button[type=submit]");
        await delegatePage.WaitForSelectorAsync("#calendar-url");
        Assert.Contains("/api/v1/calendars/", await delegatePage.InputValueAsync("#calendar-url"), StringComparison.Ordinal);
        Assert.Contains("7th plenary meeting", await delegatePage.TextContentAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.AssertAccessibleAsync(delegatePage);

        await manager.GotoAsync(meetingPath + "?culture=en");
        Assert.Contains(delegateUser.Email!, await manager.TextContentAsync("#registrants-table"), StringComparison.Ordinal);
        await manager.ClickAsync("#edit-meeting");
        await BrowserFixture.ArriveAsync(manager, url => url.EndsWith("/edit", StringComparison.Ordinal) || url.Contains("/edit?", StringComparison.Ordinal));
        await BrowserFixture.AssertAccessibleAsync(manager);
        await manager.ClickAsync("#cancel-form button[type=submit]");
        await manager.WaitForSelectorAsync("#cancelled");
        Assert.Equal(0, await manager.Locator("#register-person-form").CountAsync());
    }
}
