using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Accounts;
using Normative.Features.Store.Organizations;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Organizations;

/// <summary>What organisation tests need: people with names, an organisation with its members, and signing a given person in.</summary>
public static class OrganizationTestData
{
    /// <summary>A confirmed Customer account with a display name (the name a seat's copies are stamped with).</summary>
    public static async Task<User> CreatePersonAsync(NormativeFactory factory, string? displayName = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var email = $"person-{Guid.NewGuid():N}@example.org";
        var user = new User { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var result = await users.CreateAsync(user, NormativeFactory.Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, "Customer")).Succeeded);
        return user;
    }

    public static async Task<HttpClient> SignInAsync(NormativeFactory factory, User user)
    {
        var client = factory.Browser();
        var response = await client.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = NormativeFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>An organisation with <paramref name="administrator"/> as its administrator and <paramref name="members"/> as plain members.</summary>
    public static Task<Organization> CreateOrganizationAsync(NormativeFactory factory, User administrator, string name, params User[] members) =>
        factory.WithDbAsync(async db =>
        {
            var organization = await OrganizationActions.CreateAsync(db, new OrganizationRules.Details(name, "CH", null), administrator, DateTimeOffset.UtcNow, CancellationToken.None);
            foreach (var member in members)
            {
                db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = member.Id, Role = OrganizationRole.Member, JoinedAt = DateTimeOffset.UtcNow });
            }
            await db.SaveChangesAsync();
            return organization;
        });
}
