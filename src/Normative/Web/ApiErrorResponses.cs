using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Normative.Web;

/// <summary>
/// The answers every API operation can give besides its own, written into the OpenAPI document from
/// what the endpoint declares, so that a client (or a fuzzer) generated from the document knows
/// them all: 400 for input that does not convert or carries a character the site refuses, 404 for
/// an address naming nothing, 415 and 413 for a body of the wrong type or size, 429 where a rate
/// limit applies (the token's scheme and 401/403 are <see cref="OpenApiSecurity"/>'s). An endpoint
/// that documents one of these itself keeps its own description.
/// </summary>
public static class ApiErrorResponses
{
    /// <summary>Whether a handler's return type (Task&lt;Results&lt;…&gt;&gt; and the like) can be a <typeparamref name="T"/>.</summary>
    private static bool Answers<T>(Type type) =>
        type == typeof(T) || (type.IsGenericType && type.GetGenericArguments().Any(Answers<T>));

    public static void Describe(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer(async (operation, context, ct) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var problem = await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, ct);
            operation.Responses ??= [];
            void Add(int status, string description)
            {
                var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (!operation.Responses.ContainsKey(key))
                {
                    operation.Responses[key] = new OpenApiResponse
                    {
                        Description = description,
                        Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } },
                    };
                }
            }

            Add(StatusCodes.Status400BadRequest, "The request cannot be read: a parameter or body that does not convert to its type, or a character the site refuses (such as NUL).");
            if (context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
            {
                Add(StatusCodes.Status404NotFound, "Nothing has this address, or nothing the caller may see.");
            }
            if (context.Description.ParameterDescriptions.Any(p => p.Source.Id is "Body" or "Form" or "FormFile") || context.Description.SupportedRequestFormats.Count > 0)
            {
                Add(StatusCodes.Status413PayloadTooLarge, "The body is larger than the operation accepts.");
                Add(StatusCodes.Status415UnsupportedMediaType, "The body is not of the media type the operation takes.");
            }
            if (context.Description.HttpMethod is not ("GET" or "HEAD") && metadata.OfType<System.Reflection.MethodInfo>().Any(m => Answers<ProblemHttpResult>(m.ReturnType)))
            {
                // A handler that answers with its own problem details refuses a change the record's
                // state does not allow (a ballot already closed, a stage it cannot move to).
                Add(StatusCodes.Status409Conflict, "The change conflicts with the record's present state; the problem's title says why.");
            }
            if (metadata.OfType<EnableRateLimitingAttribute>().Any())
            {
                Add(StatusCodes.Status429TooManyRequests, "Too many requests from this client; the Retry-After header says when to try again.");
            }

            // An error an endpoint declares without a body (a bare 404, the token's 401 and 403)
            // still reaches the client as problem details, written by the status code pages.
            foreach (var (status, response) in operation.Responses)
            {
                if (status.Length == 3 && status[0] == '4' && response is OpenApiResponse { Content: null or { Count: 0 } } bare)
                {
                    bare.Content = new Dictionary<string, OpenApiMediaType> { ["application/problem+json"] = new() { Schema = problem } };
                }
            }
        });
    }
}
