using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Normative.Web;

/// <summary>
/// Examples in the OpenAPI document, so that Swagger UI's "Try it out" starts from values that work
/// on the demo data and a client generator (or a fuzzer) has a request known to be well formed:
/// each parameter by its name (and, for ids, by the collection it names), and the request bodies
/// endpoints give with <see cref="WithBodyExample"/>.
/// </summary>
public static class ApiExamples
{
    /// <summary>A parameter's example by the collection the path names, where the same name means different things (the demo catalogue has ISO 9001:2015 and ISO/TC 176).</summary>
    private static readonly (string Prefix, string Name, JsonNode Value)[] ByPath =
    [
        ("api/v1/deliverables", "id", 62085),
        ("api/v1/committees", "id", 53882),
        ("api/v1/store/collections", "id", 1),
        ("api/v1/certificates", "id", 1),
        ("api/v1/orders", "number", "ORD-2026-000001"),
        ("api/v1/committees", "number", 1),
        ("api/v1/committees", "type", "CommitteeDraft"),
        ("api/v1/committees", "from", "2026-01-01"),
        ("api/v1/committees", "to", "2026-12-31"),
        ("api/v1/projects", "committee", 53882),
        ("api/v1/ballots", "committee", 53882),
        ("api/v1/ballots", "status", "Open"),
        ("api/v1/news", "kind", "news"),
    ];

    private static readonly Dictionary<string, Func<JsonNode>> ByName = new(StringComparer.Ordinal)
    {
        ["id"] = () => 1,
        ["deliverableId"] = () => 62085,
        ["applicationId"] = () => 1,
        ["project"] = () => 1,
        ["expertId"] = () => 1,
        ["liaisonId"] = () => 1,
        ["officerId"] = () => 1,
        ["lineId"] = () => 1,
        ["line"] = () => 1,
        ["seat"] = () => 1,
        ["code"] = () => "DIN",
        ["slug"] = () => "energy-management-made-measurable",
        ["key"] = () => "0123456789abcdef",
        ["q"] = () => "quality management",
        ["ics"] = () => "03.120.10",
        ["committee"] = () => "ISO/TC 176",
        ["stage"] = () => "60.60",
        ["status"] = () => "published",
        ["type"] = () => "IS",
        ["sort"] = () => "newest",
        ["language"] = () => "fr",
        ["lang"] = () => "en",
        ["page"] = () => 1,
        ["pageSize"] = () => 20,
        ["limit"] = () => 20,
        ["from"] = () => "2015",
        ["to"] = () => "2026",
        ["sdg"] = () => 9,
        ["kind"] = () => "requirement",
        ["sector"] = () => "energy",
        ["parent"] = () => "53882",
        ["number"] = () => "CH-0001234",
        ["organization"] = () => "Demo Precision Instruments",
        ["standard"] = () => "ISO 9001:2015",
        ["country"] = () => "CH",
        ["cb"] = () => "SQS",
        ["category"] = () => "MemberBody",
        ["region"] = () => "Europe",
        ["past"] = () => false,
        ["overdue"] = () => false,
        ["public"] = () => true,
        ["allOrNothing"] = () => true,
        ["fileName"] = () => "certificates.csv",
        ["If-Match"] = () => "\"1\"",
    };

    public static void Describe(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddOperationTransformer((operation, context, _) =>
        {
            var path = context.Description.RelativePath ?? "";
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.Example is null && p.Name is not null))
            {
                parameter.Example = Example(path, parameter.Name!, parameter.Schema);
            }
            return Task.CompletedTask;
        });
    }

    /// <summary>The request body's example for this endpoint, as JSON.</summary>
    public static RouteHandlerBuilder WithBodyExample(this RouteHandlerBuilder builder, string json)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var example = JsonNode.Parse(json);
        return builder.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var media in (operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()).Values)
            {
                media.Example = example?.DeepClone();
            }
            return Task.CompletedTask;
        });
    }

    private static JsonNode? Example(string path, string name, IOpenApiSchema? schema)
    {
        foreach (var (prefix, parameter, value) in ByPath)
        {
            if (parameter == name && (path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal)))
            {
                return value.DeepClone();
            }
        }
        if (schema?.Enum is { Count: > 0 } values)
        {
            return values[0]?.DeepClone();
        }
        return ByName.TryGetValue(name, out var example) ? example() : null;
    }
}
