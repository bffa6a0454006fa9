using System.Text.Json;

namespace Normative.Tests.Security;

/// <summary>One operation of the app's OpenAPI document, as the fuzzer needs it: where, what it takes, what it answers.</summary>
public sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<OpenApiParameter> Parameters, OpenApiBody? Body,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonElement?>> ResponseContent)
{
    /// <summary>The statuses the document lists for the operation ("200", "404", … or "default").</summary>
    public IEnumerable<string> Responses => ResponseContent.Keys;

    public override string ToString() => $"{Method} {Path}";

    /// <summary>Every operation of the document, with each schema's <c>$ref</c> resolved against its components.</summary>
    public static IReadOnlyList<OpenApiOperation> AllIn(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            var shared = path.Value.TryGetProperty("parameters", out var p) ? p.EnumerateArray().ToList() : [];
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "patch" or "delete"))
            {
                var op = method.Value;
                var parameters = shared.Concat(op.TryGetProperty("parameters", out var own) ? own.EnumerateArray() : [])
                    .Select(x => new OpenApiParameter(
                        x.GetProperty("name").GetString()!,
                        x.GetProperty("in").GetString()!,
                        x.TryGetProperty("required", out var r) && r.GetBoolean(),
                        x.TryGetProperty("schema", out var schema) ? new OpenApiSchema(schema, schemas) : OpenApiSchema.Any(schemas),
                        x.TryGetProperty("example", out var example) ? example.Clone() : null))
                    .ToList();
                OpenApiBody? body = null;
                if (op.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
                {
                    var first = content.EnumerateObject().First();
                    body = new OpenApiBody(first.Name, first.Value.TryGetProperty("schema", out var bodySchema) ? new OpenApiSchema(bodySchema, schemas) : OpenApiSchema.Any(schemas),
                        requestBody.TryGetProperty("required", out var req) && req.GetBoolean(),
                        first.Value.TryGetProperty("example", out var bodyExample) ? bodyExample.Clone() : null);
                }
                // Each status with the media types it may be sent as, and each one's schema if it has one.
                var responses = new Dictionary<string, IReadOnlyDictionary<string, JsonElement?>>(StringComparer.Ordinal);
                if (op.TryGetProperty("responses", out var rs))
                {
                    foreach (var response in rs.EnumerateObject())
                    {
                        responses[response.Name] = response.Value.TryGetProperty("content", out var media)
                            ? media.EnumerateObject().ToDictionary(m => m.Name, m => m.Value.TryGetProperty("schema", out var sc) ? sc.Clone() : (JsonElement?)null, StringComparer.OrdinalIgnoreCase)
                            : new Dictionary<string, JsonElement?>();
                    }
                }
                operations.Add(new OpenApiOperation(method.Name.ToUpperInvariant(), path.Name, parameters, body, responses));
            }
        }
        return operations;
    }
}

/// <summary>A path, query or header parameter, and the document's example of it.</summary>
public sealed record OpenApiParameter(string Name, string In, bool Required, OpenApiSchema Schema, JsonElement? Example = null);

/// <summary>A request body: its media type, schema and the document's example.</summary>
public sealed record OpenApiBody(string MediaType, OpenApiSchema Schema, bool Required, JsonElement? Example = null);

/// <summary>A JSON schema of the document, resolving <c>$ref</c> on the way in.</summary>
public sealed class OpenApiSchema
{
    private readonly JsonElement _components;

    public OpenApiSchema(JsonElement schema, JsonElement components)
    {
        _components = components;
        Element = Resolve(schema, components);
    }

    public JsonElement Element { get; }

    public static OpenApiSchema Any(JsonElement components) => new(JsonDocument.Parse("{}").RootElement, components);

    /// <summary>The first non-null type the schema names ("integer", "string", "object", "array", …), or null for any.</summary>
    public string? Type
    {
        get
        {
            if (!Element.TryGetProperty("type", out var type))
            {
                return Element.TryGetProperty("properties", out _) ? "object" : null;
            }
            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
                : type.GetString();
        }
    }

    public string? Format => Element.TryGetProperty("format", out var f) ? f.GetString() : null;

    public IReadOnlyList<string> Enum => Element.TryGetProperty("enum", out var e)
        ? e.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList()
        : [];

    public IEnumerable<(string Name, OpenApiSchema Schema, bool Required)> Properties
    {
        get
        {
            if (!Element.TryGetProperty("properties", out var properties))
            {
                yield break;
            }
            var required = Element.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()).ToHashSet() : [];
            foreach (var p in properties.EnumerateObject())
            {
                yield return (p.Name, new OpenApiSchema(p.Value, _components), required.Contains(p.Name));
            }
        }
    }

    public OpenApiSchema? Items => Element.TryGetProperty("items", out var items) ? new OpenApiSchema(items, _components) : null;

    private static JsonElement Resolve(JsonElement schema, JsonElement components)
    {
        for (var depth = 0; depth < 10 && schema.ValueKind == JsonValueKind.Object; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference) && reference.GetString() is { } r && r.StartsWith("#/components/schemas/", StringComparison.Ordinal)
                && components.ValueKind == JsonValueKind.Object && components.TryGetProperty(r["#/components/schemas/".Length..], out var target))
            {
                schema = target;
                continue;
            }
            // A nullable reference is written as oneOf/anyOf [null, $ref]: take the one that is not null.
            foreach (var keyword in new[] { "oneOf", "anyOf", "allOf" })
            {
                if (schema.TryGetProperty(keyword, out var options) && options.EnumerateArray().FirstOrDefault(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")) is { ValueKind: JsonValueKind.Object } chosen)
                {
                    schema = chosen;
                    goto next;
                }
            }
            return schema;
        next:;
        }
        return schema;
    }
}
