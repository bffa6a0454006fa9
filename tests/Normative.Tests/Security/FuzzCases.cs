using System.Globalization;
using System.Text;
using System.Text.Json;
using CsCheck;

namespace Normative.Tests.Security;

/// <summary>One request the fuzzer sends: the address (path and query, already escaped) and the body, if any.</summary>
public sealed record FuzzCase(OpenApiOperation Operation, string Url, string? MediaType, string? Body, IReadOnlyList<(string Name, string Value, bool File)>? Form)
{
    public override string ToString()
    {
        var body = Body is null ? "" : " " + (Body.Length > 160 ? Body[..160] + $"… ({Body.Length} chars)" : Body);
        var form = Form is null ? "" : " form{" + string.Join(", ", Form.Select(f => $"{f.Name}={Shorten(f.Value)}")) + "}";
        return $"{Operation.Method} {Shorten(Url, 300)}{body}{form}";
    }

    private static string Shorten(string s, int max = 60) => s.Length > max ? s[..max] + $"… ({s.Length} chars)" : s;
}

/// <summary>
/// Requests generated from an operation's parameters and body schema: values that fit the schema,
/// boundary values, wrong types, missing and extra fields, huge strings, NUL and other control
/// characters, bytes that are not UTF-8, unicode, and bodies that are not JSON or nest 100,000 deep.
/// </summary>
public static class FuzzCases
{
    /// <summary>Values in a path or query, percent-escaped as sent, whatever the schema says.</summary>
    private static readonly string[] Hostile =
    [
        "", "abc", "x", "1.5", "1e3", "-0", " 1", "0x10", "%00", "a%00b", "%C0%AF", "%FF", "%ED%A0%80", "%E2%9C%93%F0%9F%98%80",
        "9223372036854775808", "-9223372036854775809", "2147483648", "-2147483649", "99999999999999999999999", "NaN", "Infinity",
        "true", "maybe", "null", "%5B%5D", "%7B%7D", "%27%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd",
        "%25", "%2F", "%0D%0ASet-Cookie:%20x=1", "%E2%80%AE", new string('A', 5000), "2026-13-45", "0001-01-01", "9999-12-31T23:59:59Z",
    ];

    /// <summary>A value that fits <paramref name="schema"/>, or a near-miss.</summary>
    private static Gen<string> Fitting(OpenApiSchema schema)
    {
        if (schema.Enum.Count > 0)
        {
            return Gen.OneOf(schema.Enum.Select(Uri.EscapeDataString).Append("NotAValue").ToArray());
        }
        return schema.Type switch
        {
            "integer" => Gen.OneOf(Gen.Int[-3, 200].Select(Invariant), Gen.OneOf("0", "1", "-1", "2147483647", "-2147483648", "9223372036854775807")),
            "number" => Gen.OneOf(Gen.Double[-1000, 1000].Select(d => d.ToString("R", CultureInfo.InvariantCulture)), Gen.OneOf("0", "-1", "1e308", "4.9e-324")),
            "boolean" => Gen.OneOf("true", "false", "True", "1", "0"),
            _ when schema.Format is "date-time" => Gen.OneOf("2026-01-01T00:00:00Z", "2026-12-07", "2026-12-07T10:00:00%2B01:00"),
            _ when schema.Format is "date" => Gen.OneOf("2026-01-01", "2026-02-30", "1900-01-01"),
            _ when schema.Format is "uuid" => Gen.OneOf(Guid.Empty.ToString(), "00000000-0000-0000-0000-00000000000g"),
            _ => Gen.OneOf(Gen.String[Gen.Char[Letters], 0, 12].Select(Uri.EscapeDataString),
                Gen.OneOf("ISO%209001", "ISO%2FTC%20176", "en", "fr", "03.120", "quality", "ISO%209001%3A2015", "60.60", "CH", "DE")),
        };
    }

    private static Gen<string> Value(OpenApiSchema schema) => Gen.Frequency((3, Fitting(schema)), (2, Gen.OneOf(Hostile)));

    private const string Letters = "abcdefghijklmnopqrstuvwxyz0123456789 ";

    private static string Invariant(int i) => i.ToString(CultureInfo.InvariantCulture);

    /// <summary>One value from each generator, in order.</summary>
    private static Gen<T[]> All<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(Array.Empty<T>()), (acc, g) => from a in acc from v in g select a.Append(v).ToArray());

    /// <summary>A JSON text for the schema: mostly an object that nearly fits, sometimes something else entirely.</summary>
    private static Gen<string> Json(OpenApiSchema schema) => Gen.Frequency(
        (6, JsonValue(schema, 0)),
        (1, Gen.OneOf("", "true", "null", "[]", "{}", "{", "{\"a\":", "\"text\"", "0", "-1", "9223372036854775808", "{\"a\":1,\"a\":2}",
            new string('[', 100_000) + new string(']', 100_000), "{\"x\":\"" + new string('A', 100_000) + "\"}", "[{}, null, 1]", "{\"\\u0000\":\"\\u0000\"}")));

    private static Gen<string> JsonValue(OpenApiSchema schema, int depth)
    {
        if (schema.Enum.Count > 0)
        {
            return Gen.OneOf(schema.Enum.Select(e => JsonSerializer.Serialize(e)).Append("\"NotAValue\"").Append("0").ToArray());
        }
        var fitting = schema.Type switch
        {
            "integer" => Gen.OneOf(Gen.Int[-3, 200].Select(Invariant), Gen.OneOf("2147483647", "-2147483648", "9223372036854775807")),
            "number" => Gen.OneOf(Gen.Double[-1000, 1000].Select(d => d.ToString("R", CultureInfo.InvariantCulture)), Gen.OneOf("0.005", "1e308")),
            "boolean" => Gen.OneOf("true", "false"),
            "array" when depth < 3 => (schema.Items is { } items ? JsonValue(items, depth + 1) : Gen.Const("1")).Array[0, 4].Select(a => "[" + string.Join(",", a) + "]"),
            "object" when depth < 3 => JsonObject(schema, depth),
            _ when schema.Format is "date-time" => Gen.OneOf("\"2026-01-01T00:00:00Z\"", "\"2026-12-07\"", "\"yesterday\""),
            _ when schema.Format is "date" => Gen.OneOf("\"2026-01-01\"", "\"2026-02-30\""),
            _ => Gen.OneOf(Gen.String[Gen.Char[Letters + "ABCXYZ"], 0, 16].Select(s => JsonSerializer.Serialize(s)),
                Gen.OneOf("\"ISO 9001:2015\"", "\"en\"", "\"CH\"", "\"ISO/TC 176\"", "\"someone@example.org\"", "\"03.120\"")),
        };
        var hostile = Gen.OneOf("null", "\"\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"✓😀 Ünïcødé\"", "9223372036854775808", "-1", "0", "1.5", "1e400", "true", "[]", "{}",
            "\"" + new string('A', 20_000) + "\"", "\"<script>alert(1)</script>\"", "\"' OR 1=1--\"", "\"\\r\\nX: y\"");
        return Gen.Frequency((4, fitting), (1, hostile));
    }

    private static Gen<string> JsonObject(OpenApiSchema schema, int depth)
    {
        var properties = schema.Properties.ToList();
        if (properties.Count == 0)
        {
            return Gen.OneOf("{}", "{\"extra\":1}");
        }
        // Each property: its value, and whether it is left out (required ones too, now and then).
        var fields = properties.Select(p =>
            from keep in Gen.Int[0, 9]
            from value in JsonValue(p.Schema, depth + 1)
            select (p.Name, Keep: p.Required ? keep > 0 : keep > 3, Value: value)).ToArray();
        return from chosen in All(fields)
               from extra in Gen.Int[0, 9]
               select "{" + string.Join(",", chosen.Where(c => c.Keep).Select(c => JsonSerializer.Serialize(c.Name) + ":" + c.Value)
                   .Concat(extra == 0 ? new[] { "\"unexpectedField\":{\"deep\":[1,2,3]}" } : [])) + "}";
    }

    /// <summary>Fields of a form body: its properties as text (files as a few bytes with odd names), some left out.</summary>
    private static Gen<IReadOnlyList<(string Name, string Value, bool File)>> Form(OpenApiSchema schema)
    {
        var properties = schema.Properties.ToList();
        var fields = properties.Select(p =>
            from keep in Gen.Int[0, 5]
            from value in p.Schema.Format == "binary"
                ? Gen.OneOf("%PDF-1.7\n%âãÏÓ\n", "not a pdf", "", "PK\u0003\u0004", new string('x', 50_000))
                : Value(p.Schema).Select(Uri.UnescapeDataString)
            select (p.Name, Keep: keep > 0, Value: value, File: p.Schema.Format == "binary")).ToArray();
        if (fields.Length == 0)
        {
            return Gen.Const<IReadOnlyList<(string, string, bool)>>([("unexpected", "1", false)]);
        }
        return All(fields).Select(a => (IReadOnlyList<(string, string, bool)>)a.Where(x => x.Keep).Select(x => (x.Name, x.Value, x.File)).ToList());
    }

    /// <summary>Requests for <paramref name="operation"/>: path and query parameters chosen by its schema, and a body if it takes one.</summary>
    public static Gen<FuzzCase> For(OpenApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var pathParameters = operation.Parameters.Where(p => p.In == "path").ToList();
        var queryParameters = operation.Parameters.Where(p => p.In == "query").ToList();
        var path = All(pathParameters.Select(p => Value(p.Schema).Select(v => (p.Name, Value: v))))
            .Select(values =>
            {
                var url = operation.Path;
                foreach (var (name, v) in values)
                {
                    // An empty segment cannot reach the operation at all: it would only test routing.
                    url = url.Replace("{" + name + "}", v.Length == 0 ? "0" : v, StringComparison.Ordinal);
                }
                return url;
            });
        var query = All(queryParameters.Select(p =>
                from present in Gen.Int[0, 9]
                from v in Value(p.Schema)
                from twice in Gen.Int[0, 19]
                select present < (p.Required ? 9 : 5) ? (twice == 0 ? $"{Uri.EscapeDataString(p.Name)}={v}&{Uri.EscapeDataString(p.Name)}=1" : $"{Uri.EscapeDataString(p.Name)}={v}") : ""))
            .Select(parts => string.Join("&", parts.Where(x => x.Length > 0)));
        var extra = Gen.Frequency((9, Gen.Const("")), (1, Gen.OneOf("unknown=1", "page=abc", "p=-1", "culture=xx", "lang=%00")));
        var url = from p in path
                  from q in query
                  from e in extra
                  let all = string.Join("&", new[] { q, e }.Where(x => x.Length > 0))
                  select all.Length == 0 ? p : p + "?" + all;
        if (operation.Body is not { } body)
        {
            return url.Select(u => new FuzzCase(operation, u, null, null, null));
        }
        if (body.MediaType.Contains("json", StringComparison.Ordinal))
        {
            return from u in url
                   from json in Json(body.Schema)
                   select new FuzzCase(operation, u, body.MediaType, json, null);
        }
        return from u in url
               from form in Form(body.Schema)
               select new FuzzCase(operation, u, body.MediaType, null, form);
    }

    /// <summary>
    /// The request the document's examples make: every parameter that has an example, the body's
    /// example; null when a path parameter has none (the request could not be written).
    /// </summary>
    public static FuzzCase? Example(OpenApiOperation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        static string Text(JsonElement e) => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.GetRawText();
        var url = operation.Path;
        foreach (var p in operation.Parameters.Where(p => p.In == "path"))
        {
            if (p.Example is not { } e)
            {
                return null;
            }
            url = url.Replace("{" + p.Name + "}", Uri.EscapeDataString(Text(e)), StringComparison.Ordinal);
        }
        var query = operation.Parameters.Where(p => p.In == "query" && p.Example is not null)
            .Select(p => Uri.EscapeDataString(p.Name) + "=" + Uri.EscapeDataString(Text(p.Example!.Value))).ToList();
        if (query.Count > 0)
        {
            url += "?" + string.Join("&", query);
        }
        if (operation.Body is not { } body)
        {
            return new FuzzCase(operation, url, null, null, null);
        }
        if (body.Example is not { } example || !body.MediaType.Contains("json", StringComparison.Ordinal))
        {
            return null;
        }
        return new FuzzCase(operation, url, body.MediaType, example.GetRawText(), null);
    }

    /// <summary>The HTTP request for a case (a new one each time: a request is sent once).</summary>
    public static HttpRequestMessage Request(FuzzCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var request = new HttpRequestMessage(new HttpMethod(c.Operation.Method), c.Url);
        if (c.Body is not null)
        {
            request.Content = new StringContent(c.Body, Encoding.UTF8, "application/json");
        }
        else if (c.Form is not null && c.MediaType?.Contains("multipart", StringComparison.Ordinal) == true)
        {
            var content = new MultipartFormDataContent();
            foreach (var (name, value, file) in c.Form)
            {
                if (file)
                {
                    content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(value)), name, "upload ✓ (1).pdf");
                }
                else
                {
                    content.Add(new StringContent(value), name);
                }
            }
            request.Content = content;
        }
        else if (c.Form is not null)
        {
            request.Content = new FormUrlEncodedContent(c.Form.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        }
        return request;
    }
}
