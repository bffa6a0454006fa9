using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Experts;

/// <summary>
/// Member bodies nominate experts to the working groups of the committees they are P-members of; the
/// experts are shown to the committee and never to the public.
/// </summary>
public class ExpertTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    /// <summary>A technical committee with one P- and one O-member, and a working group under it.</summary>
    private async Task<(Committee Tc, Committee Wg, MemberBody P, MemberBody O)> WorkingGroupAsync(string? managerId = null)
    {
        var (tc, p, o) = await _world.CommitteeAsync(1, 1, managerId);
        var wg = await factory.WithDbAsync(async db =>
        {
            var group = new Committee { Reference = tc.Reference + "/WG 1", TitleEn = "Test working group", ParentId = tc.Id, Status = CommitteeRules.Active };
            db.Committees.Add(group);
            await db.SaveChangesAsync();
            return group;
        });
        return (tc, wg, p[0], o[0]);
    }

    /// <summary>A MemberBodyAdministrator of <paramref name="body"/>, signed in, with an API client of their own.</summary>
    private async Task<(HttpClient Browser, HttpClient Api, User User)> BodyAdministratorAsync(MemberBody body)
    {
        var (browser, user) = await factory.SignInAsAsync(Roles.MemberBodyAdministrator);
        await factory.WithDbAsync(async db =>
        {
            db.MemberBodyAdministrators.Add(new MemberBodyAdministrator { MemberBodyId = body.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        return (browser, await _world.TokenClientAsync(user), user);
    }

    private Task<int> ExpertsAsync(int committeeId) => factory.WithDbAsync(db => db.CommitteeExperts.CountAsync(e => e.CommitteeId == committeeId));

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task BodyAdministratorNominatesAnExpertWhomTheCommitteeSeesAndThePublicDoesNot()
    {
        var (_, wg, p, _) = await WorkingGroupAsync();
        var (admin, _, _) = await BodyAdministratorAsync(p);
        var email = $"expert-{Guid.NewGuid():N}@example.org";

        var nominated = await admin.SubmitFormAsync($"/members/{p.CountryCode}?culture=en",
            new() { ["newExpert.Committee"] = wg.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["newExpert.Name"] = "Ada Expert", ["newExpert.Email"] = email },
            "#nominate-expert");
        Assert.Equal(HttpStatusCode.Redirect, nominated.StatusCode);
        var expert = await factory.WithDbAsync(db => db.CommitteeExperts.SingleAsync(e => e.CommitteeId == wg.Id));
        Assert.Null(expert.UserId);
        var own = await admin.GetDocumentAsync($"/members/{p.CountryCode}?culture=en");
        Assert.Contains("Ada Expert is nominated as an expert to " + wg.Reference, own.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(email, own.QuerySelector("#expert-list")!.TextContent, StringComparison.Ordinal);

        // Nominated twice to one group: refused, with the reason, and nothing added.
        var twice = await admin.SubmitFormAsync($"/members/{p.CountryCode}?culture=en",
            new() { ["newExpert.Committee"] = wg.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["newExpert.Name"] = "Ada Again", ["newExpert.Email"] = email.ToUpperInvariant() },
            "#nominate-expert");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already an expert of " + wg.Reference, (await twice.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await ExpertsAsync(wg.Id));

        // The public and a signed-in stranger see the group's liaisons but not its experts.
        foreach (var stranger in new[] { factory.Browser(), (await factory.SignInAsAsync(Roles.Customer)).Client })
        {
            var response = await stranger.GetAsync($"/committees/{wg.Slug}/members?culture=en");
            var html = await response.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.DoesNotContain(email, html, StringComparison.Ordinal);
            Assert.DoesNotContain("Ada Expert", html, StringComparison.Ordinal);
            var page = await stranger.GetAsync($"/experts/{expert.Id}");
            Assert.NotEqual(HttpStatusCode.OK, page.StatusCode);
            Assert.DoesNotContain("Ada Expert", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // A delegate of a P-member of the parent committee is the committee: they see the expert and the expert's page.
        var (_, delegateUser) = await _world.DelegateAsync(p);
        var delegateBrowser = factory.Browser();
        await delegateBrowser.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = delegateUser.Email!, ["Input.Password"] = NormativeFactory.Password });
        var members = await delegateBrowser.GetDocumentAsync($"/committees/{wg.Slug}/members?culture=en");
        Assert.Contains(email, members.QuerySelector("#expert-list")!.TextContent, StringComparison.Ordinal);
        var expertPage = await delegateBrowser.GetDocumentAsync($"/experts/{expert.Id}?culture=en");
        Assert.Equal("Ada Expert", expertPage.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(wg.Reference, expertPage.QuerySelector("#committees + .table-scroll")!.TextContent, StringComparison.Ordinal);

        // Withdrawn by the body's administrator.
        var withdrawn = await admin.SubmitFormAsync($"/members/{p.CountryCode}?culture=en", [], "form[action*='WithdrawExpert']");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(0, await ExpertsAsync(wg.Id));
    }

    [Fact]
    public async Task TheExpertsApiIsForTheCommitteeAndItsWritesFollowTheDirectives()
    {
        var (manager, managerUser) = await factory.ApiClientAsync(Roles.CommitteeManager);
        var (tc, wg, p, o) = await WorkingGroupAsync(managerUser.Id);
        var (_, pAdmin, _) = await BodyAdministratorAsync(p);
        var (_, oAdmin, _) = await BodyAdministratorAsync(o);
        var (customer, _) = await factory.ApiClientAsync(Roles.Customer);
        var person = await factory.CreateUserAsync(Roles.Customer);
        var url = $"/api/v1/committees/{wg.Id}/experts";

        // An O-member does not nominate experts; nor does anyone for a body they do not administer.
        var byO = await ProblemAsync(await oAdmin.PostAsJsonAsync(url, new { name = "O Expert", email = "o@example.org", memberBody = o.Acronym }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Expert.NotPMember", byO.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await oAdmin.PostAsJsonAsync(url, new { name = "X", email = "x@example.org", memberBody = p.Acronym })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostAsJsonAsync(url, new { name = "X", email = "x@example.org", memberBody = p.Acronym })).StatusCode);
        var badEmail = await ProblemAsync(await pAdmin.PostAsJsonAsync(url, new { name = "Y", email = "not an address", memberBody = p.Acronym }), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Expert.Email", badEmail.GetProperty("code").GetString());
        Assert.Equal(0, await ExpertsAsync(wg.Id));

        // A P-member's administrator nominates a person who has an account: it is found by the address.
        var created = await pAdmin.PostAsJsonAsync(url, new { name = "Grace Expert", email = person.Email!.ToUpperInvariant(), memberBody = p.CountryCode });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var expert = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(expert.GetProperty("hasAccount").GetBoolean());
        Assert.Equal(p.Acronym, expert.GetProperty("memberBody").GetString());
        var again = await ProblemAsync(await pAdmin.PostAsJsonAsync(url, new { name = "Grace", email = person.Email, memberBody = p.Acronym }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Expert.Already", again.GetProperty("code").GetString());

        // Read: the committee's manager and the expert themself; not the public, not a stranger.
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync(url)).StatusCode);
        var list = await manager.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal(person.Email, list.GetProperty("experts")[0].GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, (await (await _world.TokenClientAsync(person)).GetAsync(url)).StatusCode);

        // The convener: the parent committee's manager appoints one; a stranger may not; a TC has none.
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PutAsJsonAsync($"/api/v1/committees/{wg.Id}/convener", new { email = person.Email })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PutAsJsonAsync($"/api/v1/committees/{wg.Id}/convener", new { email = person.Email })).StatusCode);
        Assert.Equal(person.Id, await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == wg.Id).Select(c => c.ConvenerUserId).SingleAsync()));
        var (admin, _) = await factory.ApiClientAsync(Roles.Administrator);
        var onTc = await ProblemAsync(await admin.PutAsJsonAsync($"/api/v1/committees/{tc.Id}/convener", new { email = person.Email }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Convener.NotWorkingGroup", onTc.GetProperty("code").GetString());

        // Withdrawn: not by a stranger; by the nominating body's administrator.
        var id = expert.GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await pAdmin.DeleteAsync($"{url}/{id}")).StatusCode);
        Assert.Equal(0, await ExpertsAsync(wg.Id));

        // A disbanded group takes no expert.
        await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == wg.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommitteeRules.Disbanded)));
        var disbanded = await ProblemAsync(await pAdmin.PostAsJsonAsync(url, new { name = "Late", email = "late@example.org", memberBody = p.Acronym }), HttpStatusCode.Conflict);
        Assert.Equal("Error.Expert.Disbanded", disbanded.GetProperty("code").GetString());
        Assert.Equal(0, await ExpertsAsync(wg.Id));
    }

    [Fact]
    public async Task AnApprovedNpBringsTheExpertsItsVotesNamedIntoTheCommittee()
    {
        var (committee, p, _) = await _world.CommitteeAsync(5);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var project = await _world.ProjectAsync(committee.Id, $"ISO {30000 + (committee.Id % 9000)}");
        var ballot = await _world.OpenBallotAsync(project.Id, BallotKind.NP);
        var voters = new List<(HttpClient Api, User User)>();
        foreach (var body in p)
        {
            voters.Add(await _world.DelegateAsync(body));
        }
        var votes = $"/api/v1/ballots/{ballot.Id}/votes";

        // An expert without an address, or an address that is none of the body's people without a name: refused, nothing kept.
        var noOne = await ProblemAsync(await voters[0].Api.PostAsJsonAsync(votes, new { position = "approve", nominatesExpert = true }), HttpStatusCode.BadRequest);
        Assert.Equal("Error.Vote.ExpertNeeded", noOne.GetProperty("code").GetString());
        var unknown = await ProblemAsync(await voters[0].Api.PostAsJsonAsync(votes, new { position = "approve", nominatesExpert = true, expertEmail = "nobody@example.org" }),
            HttpStatusCode.BadRequest);
        Assert.Equal("Error.Vote.ExpertName", unknown.GetProperty("code").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.BallotPositions.CountAsync(x => x.BallotId == ballot.Id)));

        // One of the body's people (its delegate) by address alone; new people by name and address, one of them through the ballot page.
        Assert.Equal(HttpStatusCode.OK, (await voters[0].Api.PostAsJsonAsync(votes, new { position = "approve", nominatesExpert = true, expertEmail = voters[0].User.Email })).StatusCode);
        for (var i = 1; i < 3; i++)
        {
            var ok = await voters[i].Api.PostAsJsonAsync(votes, new { position = "approve", nominatesExpert = true, expertName = $"New Expert {i}", expertEmail = $"new{i}.{ballot.Id}@example.org" });
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        var browser = factory.Browser();
        await browser.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = voters[3].User.Email!, ["Input.Password"] = NormativeFactory.Password });
        var form = await browser.GetDocumentAsync($"/development/ballots/{ballot.Id}?culture=en");
        Assert.Contains(voters[3].User.Email!, form.QuerySelector("select[name='vote.ExpertChoice']")!.TextContent, StringComparison.Ordinal);
        var onPage = await browser.SubmitFormAsync($"/development/ballots/{ballot.Id}?culture=en", new()
        {
            ["vote.Position"] = "Approve", ["vote.NominatesExpert"] = "true", ["vote.ExpertChoice"] = "", ["vote.ExpertName"] = "Page Expert", ["vote.ExpertEmail"] = $"page.{ballot.Id}@example.org",
        }, ".vote-form");
        Assert.Equal(HttpStatusCode.Redirect, onPage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await voters[4].Api.PostAsJsonAsync(votes, new { position = "approve" })).StatusCode);
        Assert.Equal(0, await ExpertsAsync(committee.Id));

        var closed = await manager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null);
        Assert.Equal("Approved", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        var experts = await factory.WithDbAsync(db => db.CommitteeExperts.Where(e => e.CommitteeId == committee.Id).OrderBy(e => e.MemberBodyId).ToListAsync());
        Assert.Equal(4, experts.Count);
        Assert.All(experts, e => Assert.Equal(ballot.Id, e.BallotId));
        Assert.Equal(p.Take(4).Select(b => (int?)b.Id), experts.Select(e => e.MemberBodyId));
        Assert.Equal(voters[0].User.Id, experts[0].UserId);
        Assert.Equal("Page Expert", experts[3].Name);
    }

    [Fact]
    public async Task AProjectsWorkingGroupReceivesTheExpertsOfItsApprovedNp()
    {
        var (committee, p, _) = await _world.CommitteeAsync(5);
        var (other, _, _) = await _world.CommitteeAsync(1);
        var (manager, managerBrowser, _) = await _world.ManagerAsync(committee.Id);
        var (wg, strangerWg) = await factory.WithDbAsync(async db =>
        {
            var mine = new Committee { Reference = committee.Reference + "/WG 3", TitleEn = "Terminology", ParentId = committee.Id };
            var theirs = new Committee { Reference = other.Reference + "/WG 4", TitleEn = "Elsewhere", ParentId = other.Id };
            db.Committees.AddRange(mine, theirs);
            await db.SaveChangesAsync();
            return (mine, theirs);
        });
        var reference = $"ISO {40000 + (committee.Id % 9000)}";

        // A working group of another committee is refused, and no project is registered.
        var refused = await ProblemAsync(await manager.PostAsJsonAsync("/api/v1/projects", new { committeeId = committee.Id, reference, title = "Vocabulary", workingGroupId = strangerWg.Id }),
            HttpStatusCode.Conflict);
        Assert.Equal("Error.Project.WorkingGroup", refused.GetProperty("code").GetString());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Projects.CountAsync(x => x.Reference == reference)));

        // The new-project page offers the committee's own group.
        var form = await managerBrowser.GetDocumentAsync($"/development/projects/new?committee={committee.Id}&culture=en");
        Assert.Contains(wg.Reference, form.QuerySelector("#Input_WorkingGroup")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(strangerWg.Reference, form.QuerySelector("#Input_WorkingGroup")!.TextContent, StringComparison.Ordinal);

        var created = await manager.PostAsJsonAsync("/api/v1/projects", new { committeeId = committee.Id, reference, title = "Vocabulary", workingGroupId = wg.Id });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var projectId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var ballot = await _world.OpenBallotAsync(projectId, BallotKind.NP);
        for (var i = 0; i < p.Count; i++)
        {
            var (api, user) = await _world.DelegateAsync(p[i]);
            var vote = i < 4 ? (object)new { position = "approve", nominatesExpert = true, expertEmail = user.Email } : new { position = "approve" };
            Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", vote)).StatusCode);
        }
        var closed = await manager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null);
        Assert.Equal("Approved", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(4, await ExpertsAsync(wg.Id));
        Assert.Equal(0, await ExpertsAsync(committee.Id));
    }

    [Fact]
    public async Task AnExpertNamedBeforeTheySignedUpFindsTheirGroupOnceTheirAccountIsConfirmed()
    {
        var (_, wg, p, _) = await WorkingGroupAsync();
        var (_, api, _) = await BodyAdministratorAsync(p);
        var email = $"later-{Guid.NewGuid():N}@example.org";
        var created = await api.PostAsJsonAsync($"/api/v1/committees/{wg.Id}/experts", new { name = "Later Expert", email, memberBody = p.Acronym });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        // An account with the address that is not confirmed is not the expert.
        var unconfirmed = await factory.CreateUserAsync(Roles.Customer, email.ToUpperInvariant(), confirmed: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _world.TokenClientAsync(unconfirmed)).GetAsync($"/api/v1/committees/{wg.Id}/experts")).StatusCode);
        await factory.WithDbAsync(db => db.Users.Where(u => u.Id == unconfirmed.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.EmailConfirmed, true)));

        var browser = factory.Browser();
        await browser.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = unconfirmed.Email!, ["Input.Password"] = NormativeFactory.Password });
        var dashboard = await browser.GetDocumentAsync("/development/dashboard?culture=en");
        Assert.Contains(wg.Reference, dashboard.QuerySelector("#expertise + ul")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Later Expert", (await browser.GetDocumentAsync($"/experts/{id}?culture=en")).QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Later Expert", (await browser.GetDocumentAsync($"/committees/{wg.Slug}/members?culture=en")).QuerySelector("#expert-list")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheExpertAndLiaisonEndpointsAreInTheOpenApiDocument()
    {
        var paths = (await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/experts").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/experts").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/experts/{expertId}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/convener").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/liaisons").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/liaisons/{liaisonId}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/liaisons/{liaisonId}/representatives").TryGetProperty("post", out _));
    }
}
