using System.Globalization;
using System.Text.Json;

namespace Normative.Features.Catalogue.OpenData;

/// <summary>A record that is one JSON object (one line of a JSON Lines file).</summary>
public sealed class JsonRecordFields(JsonElement root, int line) : RecordFields
{
    public override int Line => line;

    public override bool Has(string name) => Find(name, out _);

    public override string? Text(string name)
    {
        if (!Find(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => NullIfEmpty(Str(value)),
            JsonValueKind.Number => value.GetRawText(),
            JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => throw new BadLineException($"{name} must be a single value, not {Describe(value)}"),
        };
    }

    public override IReadOnlyDictionary<string, string> PerLanguage(string name)
    {
        var texts = new Dictionary<string, string>();
        if (!Find(name, out var value))
        {
            return texts;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.String when NullIfEmpty(Str(value)) is { } english:
                // "title": "…" where "title": {"en": "…"} was expected: the English text.
                texts["en"] = english;
                break;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    if (member.Value.ValueKind == JsonValueKind.String && NullIfEmpty(Str(member.Value)) is { } text)
                    {
                        texts[member.Name] = text;
                    }
                    else if (member.Value.ValueKind is not JsonValueKind.Null)
                    {
                        throw new BadLineException($"{name}.{member.Name} must be a text, not {Describe(member.Value)}");
                    }
                }
                break;
            case JsonValueKind.Null:
                break;
            default:
                throw new BadLineException($"{name} must be texts by language, not {Describe(value)}");
        }
        return texts;
    }

    public override int? Int(string name)
    {
        if (!Find(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var n))
        {
            return n;
        }
        if (value.ValueKind == JsonValueKind.String && int.TryParse(Str(value), NumberStyles.Integer, CultureInfo.InvariantCulture, out n))
        {
            return n;
        }
        if (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(Str(value)))
        {
            return null;
        }
        throw new BadLineException($"{name} must be a whole number, not {Describe(value)}");
    }

    public override List<string> TextList(string name, string? member = null)
    {
        if (!Find(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            // A single value where a list was expected: a list of one.
            return NullIfEmpty(Str(value)) is { } single ? [single] : [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new BadLineException($"{name} must be a list, not {Describe(value)}");
        }
        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            var element = item;
            if (item.ValueKind == JsonValueKind.Object && member is not null)
            {
                if (!item.TryGetProperty(member, out element))
                {
                    throw new BadLineException($"{name} has an item without '{member}'");
                }
            }
            switch (element.ValueKind)
            {
                case JsonValueKind.String when NullIfEmpty(Str(element)) is { } s:
                    list.Add(s);
                    break;
                case JsonValueKind.Number:
                    list.Add(element.GetRawText());
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    throw new BadLineException($"{name} must list texts or numbers, not {Describe(element)}");
            }
        }
        return list;
    }

    private bool Find(string name, out JsonElement value)
    {
        // Names have at most two levels ("title.en"); spans avoid allocating for every field read.
        var path = name.AsSpan();
        value = root;
        while (true)
        {
            var dot = path.IndexOf('.');
            var part = dot < 0 ? path : path[..dot];
            if (value.ValueKind == JsonValueKind.String && part.SequenceEqual("en"))
            {
                // "title": "…" where "title": {"en": "…"} was expected: the English text.
                return true;
            }
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(part, out value))
            {
                value = default;
                return false;
            }
            if (dot < 0)
            {
                return true;
            }
            path = path[(dot + 1)..];
        }
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>The text of a JSON string; one that escapes half a UTF-16 pair ("\ud800") is no text at all, and says so.</summary>
    private static string? Str(JsonElement value)
    {
        try
        {
            return Storable(value.GetString());
        }
        catch (InvalidOperationException)
        {
            throw new BadLineException("a text holds an escaped half of a UTF-16 pair (such as \\ud800), which is not a character");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => $"'{Shorten(Str(value) ?? "")}'",
        _ => value.GetRawText(),
    };
}
