using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;

namespace Normative.Data;

/// <summary>
/// Which server answers a request. A replica may lag the primary by a moment, so it only answers
/// what cannot be anyone's own write: an anonymous GET or HEAD of an endpoint marked
/// <see cref="ReplicaRead"/>, carrying no cookie but the language choice and the antiforgery token.
/// A signed-in user, an API token, a cart or a notice after a form (TempData) means the visitor may
/// have just changed something, so the primary answers and they read their own write.
/// </summary>
public static class ReadRouting
{
    private const string AntiforgeryCookiePrefix = ".AspNetCore.Antiforgery.";

    public static bool UsesReplica(HttpContext? context)
    {
        if (context is null)
        {
            return false;
        }
        var request = context.Request;
        return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.GetEndpoint()?.Metadata.GetMetadata<ReplicaRead>() is not null
            && context.User.Identity?.IsAuthenticated != true
            && !request.Headers.ContainsKey(HeaderNames.Authorization)
            && request.Cookies.Keys.All(k => k == CookieRequestCultureProvider.DefaultCookieName || k.StartsWith(AntiforgeryCookiePrefix, StringComparison.Ordinal));
    }

    /// <summary>Marks minimal API endpoints (a group or one endpoint) as answerable from the replica.</summary>
    public static TBuilder ReadFromReplica<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(ReplicaRead.Instance);

    /// <summary>Marks the Razor Pages of a folder (e.g. "/Catalogue") as answerable from the replica.</summary>
    public static IServiceCollection ReadFolderFromReplica(this IServiceCollection services, string folder) =>
        services.Configure<RazorPagesOptions>(o => o.Conventions.AddFolderApplicationModelConvention(folder,
            model => model.EndpointMetadata.Add(ReplicaRead.Instance)));
}
