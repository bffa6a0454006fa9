using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Membership;

/// <summary>A member body's own administrators register and remove its delegates, and only its.</summary>
public class MemberBodyAdministratorTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private Task<bool> IsDelegateAsync(int bodyId, string userId) => factory.WithDbAsync(db => db.MemberBodyDelegates.AnyAsync(d => d.MemberBodyId == bodyId && d.UserId == userId));

    [Fact]
    public async Task AdministratorNamesABodysAdministratorWhoThenManagesItsDelegatesOnly()
    {
        var own = await _world.BodyAsync();
        var other = await _world.BodyAsync();
        var (customer, _) = await factory.SignInAsAsync(Roles.Customer);
        var (administrator, _) = await factory.SignInAsAsync(Roles.Administrator);
        var (bodyAdmin, bodyAdminUser) = await factory.SignInAsAsync(Roles.Customer);

        var named = await administrator.SubmitFormAsync($"/members/{own.CountryCode}?culture=en", new() { ["newAdministrator.Email"] = bodyAdminUser.Email! }, "#add-administrator");
        Assert.Equal(HttpStatusCode.Redirect, named.StatusCode);
        var roles = await factory.WithServicesAsync(async sp => await sp.GetRequiredService<UserManager<User>>().GetRolesAsync(
            (await sp.GetRequiredService<UserManager<User>>().FindByIdAsync(bodyAdminUser.Id))!));
        Assert.Contains(Roles.MemberBodyAdministrator, roles);

        // Signed in again, so the new role is in the cookie.
        bodyAdmin = factory.Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await bodyAdmin.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = bodyAdminUser.Email!, ["Input.Password"] = NormativeFactory.Password })).StatusCode);
        var person = await factory.CreateUserAsync(Roles.Customer);
        var added = await bodyAdmin.SubmitFormAsync($"/members/{own.CountryCode}?culture=en", new() { ["newDelegate.Email"] = person.Email! }, "form[action*='AddDelegate']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.True(await IsDelegateAsync(own.Id, person.Id));
        var page = await bodyAdmin.GetDocumentAsync($"/members/{own.CountryCode}?culture=en");
        Assert.Contains(person.Email!, page.QuerySelector("#delegates ~ .table-scroll")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#add-administrator"));

        // Another body's page offers no delegate form, and a post made up for it is refused.
        var otherPage = await bodyAdmin.GetDocumentAsync($"/members/{other.CountryCode}?culture=en");
        Assert.Null(otherPage.QuerySelector("#delegates"));
        var twice = await bodyAdmin.SubmitFormAsync($"/members/{own.CountryCode}?culture=en", new() { ["newDelegate.Email"] = person.Email! }, "form[action*='AddDelegate']");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var token = (await bodyAdmin.GetDocumentAsync($"/members/{own.CountryCode}")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cross = await bodyAdmin.PostAsync($"/members/{other.CountryCode}?handler=AddDelegate",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["newDelegate.Email"] = person.Email!, ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Forbidden, cross.StatusCode);
        Assert.False(await IsDelegateAsync(other.Id, person.Id));

        // A customer is not a body's administrator.
        Assert.Null((await customer.GetDocumentAsync($"/members/{own.CountryCode}")).QuerySelector("#delegates"));
    }
}
