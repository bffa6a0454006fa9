using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Membership;

public class MembershipTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    [Fact]
    public async Task ManagerAddsChangesAndRemovesMembersAndTheHistoryKeepsEveryStep()
    {
        var (committee, _, _) = await _world.CommitteeAsync(0);
        var body = await _world.BodyAsync();
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/members", new { memberBody = body.Acronym, status = "O" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/members", new { memberBody = body.CountryCode, status = "P", note = "Asked to participate." })).StatusCode);
        var same = await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/members", new { memberBody = body.Acronym, status = "P" });
        Assert.Equal(HttpStatusCode.Conflict, same.StatusCode);

        var members = await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/committees/{committee.Id}/members");
        Assert.Equal(1, members.GetProperty("pMembers").GetInt32());
        Assert.Equal("P", members.GetProperty("members")[0].GetProperty("status").GetString());
        // The committee's open-data lists follow.
        Assert.Equal([body.Acronym], (await factory.WithDbAsync(db => db.Committees.SingleAsync(c => c.Id == committee.Id))).PMembers);

        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/members", new { memberBody = body.Acronym, status = (string?)null })).StatusCode);
        var history = (await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/v1/committees/{committee.Id}/members")).GetProperty("history").EnumerateArray()
            .Select(h => $"{h.GetProperty("kind").GetString()}:{h.GetProperty("from").GetString()}>{h.GetProperty("to").GetString()}").Reverse().ToList();
        Assert.Equal(["Joined:>O", "Changed:O>P", "Left:P>"], history);

        var page = await factory.Browser().GetDocumentAsync($"/committees/{committee.Slug}/members?culture=en");
        Assert.Equal(3, page.QuerySelectorAll("#history ~ .table-scroll tbody tr").Length);
        Assert.Contains("Changed from O-member (observing) to P-member (participating)", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CorrespondentMemberCannotBeAPMember()
    {
        var (committee, _, _) = await _world.CommitteeAsync(0);
        var correspondent = await _world.BodyAsync(MemberCategory.CorrespondentMember);
        var (manager, browser, _) = await _world.ManagerAsync(committee.Id);

        var api = await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/members", new { memberBody = correspondent.Acronym, status = "P" });
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal("Error.Membership.OnlyMemberBodies", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        var page = await browser.SubmitFormAsync($"/committees/{committee.Slug}/members?culture=en", new() { ["Input.MemberBody"] = correspondent.Acronym, ["Input.Status"] = "P" }, "form[action*='handler=Set']");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("only member bodies may be P-members", (await page.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CommitteeMemberships.CountAsync(m => m.CommitteeId == committee.Id)));
        // As an observer it is welcome.
        Assert.Equal(HttpStatusCode.OK, (await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/members", new { memberBody = correspondent.Acronym, status = "O" })).StatusCode);
    }

    [Fact]
    public async Task OnlyTheCommitteesManagerChangesItsMembership()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (otherManager, _) = await factory.ApiClientAsync(Roles.CommitteeManager);
        var (delegateApi, _) = await _world.DelegateAsync(p[0]);
        foreach (var client in new[] { otherManager, delegateApi })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/members", new { memberBody = p[0].Acronym, status = "O" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().PostAsJsonAsync($"/api/v1/committees/{committee.Id}/members", new { memberBody = p[0].Acronym, status = "O" })).StatusCode);
        var page = await factory.Browser().GetDocumentAsync($"/committees/{committee.Slug}/members");
        Assert.Null(page.QuerySelector("form[action*='handler=Set']"));
    }

    [Fact]
    public async Task PMemberThatMissedADisIsFlaggedAndTheManagerConfirmsTheChangeToObserver()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 3, o: 0);
        for (var i = 0; i < 2; i++)
        {
            var (api, _) = await _world.DelegateAsync(p[i]);
            await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "approve" });
        }
        var (managerApi, manager, _) = await _world.ManagerAsync(committee.Id);
        await managerApi.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null);

        var dashboard = await manager.GetDocumentAsync("/development/dashboard?culture=en");
        var flagged = dashboard.QuerySelectorAll($"#committee-{committee.Id} ~ ul li").Where(li => li.TextContent.Contains("missed", StringComparison.Ordinal)).ToList();
        var entry = Assert.Single(flagged);
        Assert.Contains(p[2].Acronym, entry.TextContent, StringComparison.Ordinal);

        var token = entry.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = entry.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value")!)).ToList();
        var confirmed = await manager.PostAsync(entry.QuerySelector("form")!.GetAttribute("action"), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.False(string.IsNullOrEmpty(token));

        var (membership, change) = await factory.WithDbAsync(async db => (
            await db.CommitteeMemberships.SingleAsync(m => m.CommitteeId == committee.Id && m.MemberBodyId == p[2].Id),
            await db.MembershipEvents.Where(e => e.CommitteeId == committee.Id && e.MemberBodyId == p[2].Id).OrderBy(e => e.Id).LastAsync()));
        Assert.Equal(MembershipStatus.O, membership.Status);
        Assert.Equal((MembershipEventKind.Changed, MembershipStatus.P, MembershipStatus.O), (change.Kind, change.FromStatus!.Value, change.ToStatus!.Value));
        Assert.Contains("1 of 1", change.Note, StringComparison.Ordinal);
        var after = await manager.GetDocumentAsync("/development/dashboard?culture=en");
        Assert.DoesNotContain(after.QuerySelectorAll("li"), li => li.TextContent.Contains(p[2].Acronym + " — missed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CommitteeFromOpenDataTakesItsMembersFromItsLists()
    {
        var member = await _world.BodyAsync();
        var correspondent = await _world.BodyAsync(MemberCategory.CorrespondentMember);
        var (committee, _, _) = await _world.CommitteeAsync(0);
        await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.PMembers, new List<string> { member.Acronym, correspondent.CountryCode, "NOBODY" })
            .SetProperty(c => c.OMembers, new List<string>())));

        var added = await factory.WithDbAsync(async db =>
            await Memberships.AdoptOpenDataListsAsync(db, await db.Committees.SingleAsync(c => c.Id == committee.Id), DateTimeOffset.UtcNow));

        Assert.Equal(2, added);
        var rows = await factory.WithDbAsync(db => db.CommitteeMemberships.Where(m => m.CommitteeId == committee.Id).ToDictionaryAsync(m => m.MemberBodyId, m => m.Status));
        Assert.Equal(MembershipStatus.P, rows[member.Id]);
        Assert.Equal(MembershipStatus.O, rows[correspondent.Id]);
        Assert.Equal(0, await factory.WithDbAsync(async db => await Memberships.AdoptOpenDataListsAsync(db, await db.Committees.SingleAsync(c => c.Id == committee.Id), DateTimeOffset.UtcNow)));
    }
}
