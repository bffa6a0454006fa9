using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Accounts;

/// <summary>
/// Writes the staff audit log: every request that may change something (any method but GET, HEAD,
/// OPTIONS and TRACE) made by a member of staff, pages and API alike, once it has been answered.
/// One place that every staff form and API call passes, rather than a line in each handler that a
/// new handler could forget. It writes through a context of its own, so it never saves what a
/// handler left unsaved in the request's context.
/// </summary>
public sealed class StaffAudit(RequestDelegate next, IDbContextFactory<NormativeDb> contexts, TimeProvider clock, ILogger<StaffAudit> logger)
{
    /// <summary>The roles whose actions are recorded; an administrator or editor still to set up two-factor sign-in counts too.</summary>
    public static readonly IReadOnlyList<string> Roles = [Accounts.Roles.Administrator, Accounts.Roles.Editor, Accounts.Roles.CommitteeManager];

    public async Task InvokeAsync(HttpContext context)
    {
        var user = context.User;
        var staffRoles = user.Identity?.IsAuthenticated == true && !IsReadOnly(context.Request.Method)
            ? Roles.Where(user.IsInRole).Concat(user.FindAll(StaffTwoFactor.PendingClaim).Select(c => c.Value + " (two-factor pending)")).ToList()
            : [];
        if (staffRoles.Count == 0)
        {
            await next(context);
            return;
        }
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        finally
        {
            await RecordAsync(context, user, staffRoles, status);
        }
    }

    private static bool IsReadOnly(string method) =>
        HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method);

    private async Task RecordAsync(HttpContext context, ClaimsPrincipal user, IReadOnlyList<string> staffRoles, int status)
    {
        var request = context.Request;
        var action = new StaffAction
        {
            At = clock.GetUtcNow(),
            UserId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "",
            UserName = Cut(user.Identity?.Name ?? "", 256),
            Roles = Cut(string.Join(", ", staffRoles), 200),
            Method = Cut(request.Method, 10),
            Path = Cut(request.PathBase + request.Path + request.QueryString, 2000),
            Endpoint = context.GetEndpoint() is { } endpoint ? Cut(EndpointName(endpoint), 300) : null,
            Status = status,
            Address = context.Connection.RemoteIpAddress?.ToString(),
            Via = user.Identity?.AuthenticationType == IdentityConstants.ApplicationScheme ? "cookie" : "token",
        };
        try
        {
            // Not the request's token: a client that hangs up does not take the record with it.
            await using var db = await contexts.CreateDbContextAsync(CancellationToken.None);
            db.StaffActions.Add(action);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            logger.LogError(e, "The staff audit log could not record {Method} {Path} by {User} ({Status})", action.Method, action.Path, action.UserName, action.Status);
        }
    }

    /// <summary>A page's path ("/Catalogue/StandardEdit"), an API operation's name, or the route.</summary>
    private static string EndpointName(Endpoint endpoint) =>
        endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()?.ViewEnginePath
        ?? endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
        ?? endpoint.DisplayName
        ?? "";

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
