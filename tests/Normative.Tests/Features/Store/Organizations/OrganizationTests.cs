using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Store.Organizations;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Organizations;

public class OrganizationTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task ASignedInPersonCreatesAnOrganizationInvitesSomeoneByMailAndTheyAcceptIt()
    {
        var ada = await OrganizationTestData.CreatePersonAsync(factory, "Ada Lovelace");
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var client = await OrganizationTestData.SignInAsync(factory, ada);

        var created = await client.SubmitFormAsync("/account/organizations?culture=en", new()
        {
            ["Input.Name"] = "Analytical Engines Ltd",
            ["Input.Country"] = "CH",
            ["Input.VatNumber"] = "CHE-123.456.789 MWST",
        }, "#create-organization");
        var page = await StoreTestData.NoticeShownOnceAsync(client, created, "Analytical Engines Ltd is created, and you are its administrator.");
        var organizationUrl = created.Headers.Location!.OriginalString;
        Assert.Matches(@"^/account/organizations/\d+$", organizationUrl);
        Assert.Equal("administrator", page.QuerySelector("#my-role")!.TextContent);
        Assert.Contains("CHE123456789MWST", page.QuerySelector("main dl")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Analytical Engines Ltd", (await client.GetDocumentAsync("/account/organizations")).QuerySelector("#my-organizations")!.TextContent, StringComparison.Ordinal);

        var invited = await client.SubmitFormAsync(organizationUrl + "?culture=en", new() { ["Invite.Email"] = grace.Email!.ToUpperInvariant() }, "#invite-form");
        await StoreTestData.NoticeShownOnceAsync(client, invited, $"The invitation is on its way to {grace.Email}.");
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, grace.Email!);
        Assert.Contains("Analytical Engines Ltd", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace invites you to join the organization Analytical Engines Ltd", mail.Text, StringComparison.Ordinal);
        var link = Mailbox.LinkIn(mail, "/account/organizations/join/");

        // Someone signed out is asked to sign in, and comes back to the invitation afterwards.
        var anonymous = await factory.Browser().GetDocumentAsync(link + "?culture=en");
        var signIn = anonymous.QuerySelector("#sign-in-to-accept")!.GetAttribute("href")!;
        Assert.Contains(Uri.EscapeDataString(link), signIn, StringComparison.Ordinal);
        Assert.Null(anonymous.QuerySelector("#accept"));

        var graceClient = await OrganizationTestData.SignInAsync(factory, grace);
        var accepted = await graceClient.SubmitFormAsync(link, []);
        Assert.Equal(organizationUrl, accepted.Headers.Location!.OriginalString);
        var joined = await StoreTestData.NoticeShownOnceAsync(graceClient, accepted, "Welcome: you are now a member of Analytical Engines Ltd.");
        Assert.Equal("member", joined.QuerySelector("#my-role")!.TextContent);
        Assert.Contains($"{grace.Email} joined, invited by {ada.Email}", joined.QuerySelector(".history")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, joined.QuerySelectorAll("#member-list tbody tr").Length);

        // The link works once.
        var again = await graceClient.GetDocumentAsync(link + "?culture=en");
        Assert.Contains("already been accepted", again.QuerySelector("#invitation-problem")!.TextContent, StringComparison.Ordinal);
        var twice = await graceClient.PostAsync(link, new FormUrlEncodedContent([new("__RequestVerificationToken", await StoreTestData.TokenAsync(graceClient))]));
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var organizationId = int.Parse(organizationUrl.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(2, await factory.WithDbAsync(db => db.OrganizationMembers.CountAsync(m => m.OrganizationId == organizationId)));
    }

    [Fact]
    public async Task AnInvitationIsForTheAddressInvitedOnly()
    {
        var ada = await OrganizationTestData.CreatePersonAsync(factory, "Ada Lovelace");
        var mallory = await OrganizationTestData.CreatePersonAsync(factory, "Mallory");
        var organization = await OrganizationTestData.CreateOrganizationAsync(factory, ada, "Difference Engines");
        var client = await OrganizationTestData.SignInAsync(factory, ada);
        var invitee = $"invitee-{Guid.NewGuid():N}@example.org";
        await client.SubmitFormAsync($"/account/organizations/{organization.Id}", new() { ["Invite.Email"] = invitee }, "#invite-form");
        var link = Mailbox.LinkIn(await Mailbox.WaitForMailAsync(factory.MailDirectory, invitee), "/account/organizations/join/");

        var malloryClient = await OrganizationTestData.SignInAsync(factory, mallory);
        var page = await malloryClient.GetDocumentAsync(link + "?culture=en");
        Assert.Contains($"This invitation is for {invitee}, and you are signed in as {mallory.Email}", page.QuerySelector("#invitation-problem")!.TextContent, StringComparison.Ordinal);
        var refused = await malloryClient.PostAsync(link, new FormUrlEncodedContent([new("__RequestVerificationToken", await StoreTestData.TokenAsync(malloryClient))]));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.OrganizationMembers.AnyAsync(m => m.UserId == mallory.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await malloryClient.GetAsync("/account/organizations/join/no-such-token")).StatusCode);
    }

    [Fact]
    public async Task TheLastAdministratorCannotLeaveOrStepDownUntilAnotherMemberIsMadeOne()
    {
        var ada = await OrganizationTestData.CreatePersonAsync(factory, "Ada Lovelace");
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var organization = await OrganizationTestData.CreateOrganizationAsync(factory, ada, "Jacquard Looms", grace);
        var url = $"/account/organizations/{organization.Id}";
        var client = await OrganizationTestData.SignInAsync(factory, ada);

        var stepDown = await client.SubmitFormAsync(url + "?culture=en", new() { ["userId"] = ada.Id, ["role"] = "Member" }, "form[action*='handler=Role']");
        Assert.Equal(HttpStatusCode.Conflict, stepDown.StatusCode);
        Assert.Contains("always keeps at least one administrator", (await stepDown.ReadDocumentAsync()).QuerySelector("#refused")!.TextContent, StringComparison.Ordinal);
        var leave = await client.SubmitFormAsync(url + "?culture=en", new() { ["userId"] = ada.Id }, "form[action*='handler=Remove']");
        Assert.Equal(HttpStatusCode.Conflict, leave.StatusCode);
        Assert.Equal(OrganizationRole.Administrator, await RoleAsync(organization.Id, ada.Id));
        // The page offers neither to the last administrator.
        var page = await client.GetDocumentAsync(url);
        Assert.Null(page.QuerySelector($"tr[data-email='{ada.Email}'] .remove-member"));
        Assert.Null(page.QuerySelector($"tr[data-email='{ada.Email}'] .make-member"));

        // A member cannot name administrators or remove others.
        var graceClient = await OrganizationTestData.SignInAsync(factory, grace);
        var token = (await graceClient.GetDocumentAsync(url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var promote = await graceClient.PostAsync(url + "?handler=Role", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("userId", grace.Id), new("role", "Administrator")]));
        Assert.Equal(HttpStatusCode.Forbidden, promote.StatusCode);
        var remove = await graceClient.PostAsync(url + "?handler=Remove", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("userId", ada.Id)]));
        Assert.Equal(HttpStatusCode.Forbidden, remove.StatusCode);
        var invite = await graceClient.PostAsync(url + "?handler=Invite", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Invite.Email", "x@example.org")]));
        Assert.Equal(HttpStatusCode.Forbidden, invite.StatusCode);

        var made = await client.SubmitFormAsync(url + "?culture=en", new() { ["userId"] = grace.Id, ["role"] = "Administrator" }, $"tr[data-email='{grace.Email}'] form[action*='handler=Role']");
        await StoreTestData.NoticeShownOnceAsync(client, made, "The member is now an administrator.");
        Assert.Equal(OrganizationRole.Administrator, await RoleAsync(organization.Id, grace.Id));

        var left = await client.SubmitFormAsync(url, new() { ["userId"] = ada.Id }, $"tr[data-email='{ada.Email}'] form[action*='handler=Remove']");
        Assert.Equal("/account/organizations", left.Headers.Location!.OriginalString);
        Assert.Null(await RoleAsync(organization.Id, ada.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(url)).StatusCode);
        var history = (await graceClient.GetDocumentAsync(url + "?culture=en")).QuerySelector(".history")!.TextContent;
        Assert.Contains($"{ada.Email} made {grace.Email} an administrator", history, StringComparison.Ordinal);
        Assert.Contains($"{ada.Email} left", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorRemovesAMemberAndTheyLoseTheOrganizationsPage()
    {
        var ada = await OrganizationTestData.CreatePersonAsync(factory, "Ada Lovelace");
        var grace = await OrganizationTestData.CreatePersonAsync(factory, "Grace Hopper");
        var organization = await OrganizationTestData.CreateOrganizationAsync(factory, ada, "Babbage & Co", grace);
        var url = $"/account/organizations/{organization.Id}";
        var graceClient = await OrganizationTestData.SignInAsync(factory, grace);
        Assert.Equal(HttpStatusCode.OK, (await graceClient.GetAsync(url)).StatusCode);

        var client = await OrganizationTestData.SignInAsync(factory, ada);
        var removed = await client.SubmitFormAsync(url + "?culture=en", new() { ["userId"] = grace.Id }, $"tr[data-email='{grace.Email}'] form[action*='handler=Remove']");
        await StoreTestData.NoticeShownOnceAsync(client, removed, "The member is removed.");
        Assert.Null(await RoleAsync(organization.Id, grace.Id));
        Assert.Equal(HttpStatusCode.Forbidden, (await graceClient.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ANonMemberGets403AndAnUnknownOrganization404()
    {
        var ada = await OrganizationTestData.CreatePersonAsync(factory);
        var organization = await OrganizationTestData.CreateOrganizationAsync(factory, ada, "Closed Circle");
        var (stranger, _) = await factory.SignInAsAsync("Customer");
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/account/organizations/{organization.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync("/account/organizations/987654321")).StatusCode);
        var anonymous = await factory.Browser().GetAsync($"/account/organizations/{organization.Id}");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/account/signin", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongVatNumberIsRefusedNextToItsFieldWithWhatWasTypedKept()
    {
        var (client, user) = await factory.SignInAsAsync("Customer");
        var response = await client.SubmitFormAsync("/account/organizations?culture=en", new()
        {
            ["Input.Name"] = "Typo Industries",
            ["Input.Country"] = "DE",
            ["Input.VatNumber"] = "DE 12345",
        }, "#create-organization");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("not a VAT number of the chosen country", page.QuerySelector("#err-VatNumber")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Typo Industries", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("DE 12345", page.QuerySelector("#Input_VatNumber")!.GetAttribute("value"));
        Assert.Equal("DE", page.QuerySelector("#Input_Country option[selected]")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.OrganizationMembers.AnyAsync(m => m.UserId == user.Id)));
    }

    private Task<OrganizationRole?> RoleAsync(int organizationId, string userId) =>
        factory.WithDbAsync(db => OrganizationActions.RoleOfAsync(db, organizationId, userId, CancellationToken.None));
}
