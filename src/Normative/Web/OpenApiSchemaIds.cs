using System.Collections.Concurrent;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace Normative.Web;

/// <summary>
/// Names for the document's schemas that never collide. By default a schema is named after its
/// type alone, so two features' records of the same name (the catalogue's CommitteeResponse and
/// the committees' own) shared one schema, and one of them was described wrongly. The first type
/// keeps the plain name; another of the same name gets its feature's name in front.
/// </summary>
public static class OpenApiSchemaIds
{
    private static readonly ConcurrentDictionary<string, Type> Claimed = new(StringComparer.Ordinal);

    public static string? For(JsonTypeInfo type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var name = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (name is null || Claimed.GetOrAdd(name, type.Type) == type.Type)
        {
            return name;
        }
        // Normative.Features.Development.Committees → "Development"; a type outside the features, its namespace's last part.
        var parts = (type.Type.Namespace ?? "").Split('.');
        var feature = parts.Length > 2 && parts[1] == "Features" ? parts[2] : parts[^1];
        var distinct = feature + name;
        var owner = Claimed.GetOrAdd(distinct, type.Type);
        return owner == type.Type ? distinct : distinct + "_" + type.Type.FullName!.GetHashCode(StringComparison.Ordinal).ToString("x8", System.Globalization.CultureInfo.InvariantCulture);
    }
}
