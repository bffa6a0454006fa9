using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Committees;

/// <summary>A member body's administrator applies for P- or O-membership; the committee manager accepts or declines.</summary>
public class MembershipApplicationTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>A person who administers <paramref name="body"/>, with an API client.</summary>
    private async Task<(HttpClient Api, User User)> BodyAdministratorAsync(MemberBody body)
    {
        var user = await factory.CreateUserAsync(Roles.MemberBodyAdministrator);
        await factory.WithDbAsync(async db =>
        {
            db.MemberBodyAdministrators.Add(new MemberBodyAdministrator { MemberBodyId = body.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return (await _world.TokenClientAsync(user), user);
    }

    [Fact]
    public async Task BodyAppliesForPMembershipAndTheManagerAcceptsItIntoTheRecord()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var body = await _world.BodyAsync();
        var (api, _) = await BodyAdministratorAsync(body);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);

        var applied = await JsonAsync(await api.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/applications", new { memberBody = body.Acronym, status = "P", note = "Our mirror committee is ready." }), HttpStatusCode.Created);
        Assert.Equal("Pending", applied.GetProperty("state").GetString());
        var twice = await JsonAsync(await api.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/applications", new { memberBody = body.Acronym, status = "O" }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Application.Pending", twice.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsync($"/api/v1/committees/{committee.Id}/applications/{applied.GetProperty("id").GetInt32()}/accept", null)).StatusCode);

        var accepted = await JsonAsync(await manager.PostAsync($"/api/v1/committees/{committee.Id}/applications/{applied.GetProperty("id").GetInt32()}/accept", null), HttpStatusCode.OK);

        Assert.Equal("Accepted", accepted.GetProperty("state").GetString());
        var membership = await factory.WithDbAsync(db => db.CommitteeMemberships.SingleAsync(m => m.CommitteeId == committee.Id && m.MemberBodyId == body.Id));
        Assert.Equal(MembershipStatus.P, membership.Status);
        var joined = await factory.WithDbAsync(db => db.MembershipEvents.SingleAsync(e => e.CommitteeId == committee.Id && e.MemberBodyId == body.Id));
        Assert.Equal((MembershipEventKind.Joined, "Our mirror committee is ready."), (joined.Kind, joined.Note));
        Assert.Equal(HttpStatusCode.Conflict, (await manager.PostAsync($"/api/v1/committees/{committee.Id}/applications/{applied.GetProperty("id").GetInt32()}/decline", null)).StatusCode);
    }

    [Fact]
    public async Task SubscriberMemberCannotApplyForPMembershipAndOnlyItsAdministratorsApply()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var subscriber = await _world.BodyAsync(MemberCategory.SubscriberMember);
        var other = await _world.BodyAsync();
        var (api, _) = await BodyAdministratorAsync(subscriber);

        var refused = await JsonAsync(await api.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/applications", new { memberBody = subscriber.Acronym, status = "P" }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Membership.OnlyMemberBodies", refused.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await api.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/applications", new { memberBody = other.Acronym, status = "O" })).StatusCode);
        var (delegateApi, _) = await _world.DelegateAsync(other);
        Assert.Equal(HttpStatusCode.Forbidden, (await delegateApi.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/applications", new { memberBody = other.Acronym, status = "O" })).StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.MembershipApplications.CountAsync(a => a.CommitteeId == committee.Id)));
    }

    [Fact]
    public async Task BodyAdministratorAppliesInThePageAndTheManagerDeclinesThere()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var body = await _world.BodyAsync();
        var (_, user) = await BodyAdministratorAsync(body);
        var browser = factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = NormativeFactory.Password })).StatusCode);

        var applied = await browser.SubmitFormAsync($"/committees/{committee.Slug}/members?culture=en", new() { ["application.MemberBody"] = body.CountryCode, ["application.Status"] = "O" }, "#apply-form");
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);

        var (_, managerBrowser, _) = await _world.ManagerAsync(committee.Id);
        var page = await managerBrowser.GetDocumentAsync($"/committees/{committee.Slug}/members?culture=en");
        Assert.Contains($"{body.Acronym} applies for O-membership", page.QuerySelector("#applications + ul")!.TextContent, StringComparison.Ordinal);
        var declined = await managerBrowser.SubmitFormAsync($"/committees/{committee.Slug}/members?culture=en", [], "form[action*='Decline']");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        Assert.Equal(MembershipApplicationState.Declined, await factory.WithDbAsync(db => db.MembershipApplications.Where(a => a.CommitteeId == committee.Id).Select(a => a.State).SingleAsync()));
        Assert.False(await factory.WithDbAsync(db => db.CommitteeMemberships.AnyAsync(m => m.CommitteeId == committee.Id && m.MemberBodyId == body.Id)));
    }
}
