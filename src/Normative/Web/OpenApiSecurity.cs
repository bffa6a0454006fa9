using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Normative.Web;

/// <summary>
/// The OpenAPI document says how to call the API as someone: the personal API token (a bearer
/// token, made on the account page) is the document's security scheme, and each operation that
/// requires a signed-in caller names it and documents its 401 and 403 answers. Clients and API
/// fuzzers then know which calls need a token and what a refusal looks like.
/// </summary>
public static class OpenApiSecurity
{
    public const string SchemeName = "ApiToken";

    public static OpenApiOptions AddTokenSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal API token, made on the account page (My account → API tokens) and sent as `Authorization: Bearer <token>`. It acts with its account's roles.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (!metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<IAllowAnonymous>().Any())
            {
                return Task.CompletedTask;
            }
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
            operation.Responses ??= [];
            operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No API token, or one that is unknown, revoked or expired." });
            operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's account does not have the role this operation needs." });
            return Task.CompletedTask;
        });
        return options;
    }
}
