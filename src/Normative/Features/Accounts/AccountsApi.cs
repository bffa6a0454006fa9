using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Normative.Features.Accounts;

/// <summary>/api/v1/account: who the caller is (by cookie or personal API token).</summary>
public static class AccountsApi
{
    public sealed record AccountResponse(string Id, string Email, string? DisplayName, IReadOnlyList<string> Roles);

    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/account").WithTags("Account");
        group.MapGet("/", GetAccountAsync)
            .RequireAuthorization()
            .WithName("GetAccount")
            .WithSummary("The signed-in account and its roles.");
        return app;
    }

    private static async Task<Results<Ok<AccountResponse>, UnauthorizedHttpResult>> GetAccountAsync(HttpContext context, UserManager<User> users)
    {
        var user = await users.GetUserAsync(context.User);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new AccountResponse(user.Id, user.Email!, user.DisplayName, [.. roles]));
    }
}
