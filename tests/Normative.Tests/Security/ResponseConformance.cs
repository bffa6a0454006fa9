using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Json.Schema;

namespace Normative.Tests.Security;

/// <summary>
/// Whether an answer is the one the OpenAPI document describes: a status it lists, a media type it
/// lists for that status, and a JSON body valid against that media type's schema (JSON Schema
/// 2020-12, as OpenAPI 3.1 writes it; validated by JsonSchema.Net, so the test need not implement
/// the standard). The document's <c>#/components/schemas/…</c> references are carried along as
/// <c>$defs</c>, so each schema is checked whole.
/// </summary>
public sealed class ResponseConformance
{
    private readonly string _definitions;
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);

    public ResponseConformance(JsonElement document)
    {
        _definitions = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var schemas)
            ? Rebase(schemas.GetRawText())
            : "{}";
    }

    /// <summary>What is wrong with the answer, or null when the document describes it.</summary>
    public string? Check(OpenApiOperation operation, string url, int status, string? mediaType, byte[] body)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(body);
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (!operation.ResponseContent.TryGetValue(key, out var content) && !operation.ResponseContent.TryGetValue("default", out content))
        {
            return $"status {status} is not listed";
        }
        if (body.Length == 0)
        {
            // A JSON body the document promises and the answer lacks: a client would fail to read it.
            // Except Kestrel's own 400 for a NUL in the path, refused before the app sees the request.
            var refusedByServer = status == 400 && url.Split('?')[0].Contains("%00", StringComparison.Ordinal);
            return !refusedByServer && content.Keys.Any(IsJson) && status is not (204 or 304)
                ? $"{status} came without the body the document describes ({string.Join(", ", content.Keys)})"
                : null;
        }
        if (content.Count == 0)
        {
            return $"{status} came with a {mediaType ?? "untyped"} body the document does not describe";
        }
        var media = content.Keys.FirstOrDefault(m => string.Equals(m, mediaType, StringComparison.OrdinalIgnoreCase));
        if (media is null)
        {
            return $"{status} came as {mediaType ?? "an untyped body"}, the document lists {string.Join(", ", content.Keys)}";
        }
        if (content[media] is not { } schema || !IsJson(media))
        {
            return null;
        }
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            return $"{status} {media} is not JSON: {e.Message}";
        }
        using (parsed)
        {
            var compiled = _schemas.GetOrAdd(schema.GetRawText(), text => JsonSchema.FromText($"{{\"$defs\":{_definitions},\"allOf\":[{Rebase(text)}]}}"));
            var result = compiled.Evaluate(parsed.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (result.IsValid)
            {
                return null;
            }
            var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}"))
                .Take(3);
            return $"{status} {media} does not match its schema: {string.Join("; ", errors)} — body: {Shorten(Encoding.UTF8.GetString(body))}";
        }
    }

    private static bool IsJson(string media) => media.Equals("application/json", StringComparison.OrdinalIgnoreCase) || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);

    private static string Rebase(string schema) => schema.Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);

    private static string Shorten(string s) => s.Length > 300 ? s[..300] + "…" : s;
}
