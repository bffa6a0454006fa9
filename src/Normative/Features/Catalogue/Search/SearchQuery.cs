using System.Globalization;
using Microsoft.Extensions.Primitives;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Features.Catalogue.Search;

/// <summary>
/// What a visitor asks the catalogue: one box (identifiers and words alike), filters, sort and page.
/// <see cref="Read"/> checks every value and says what is wrong, so the API can answer 400 and the
/// page can ignore the bad value and say so.
/// </summary>
public sealed record SearchQuery
{
    public const int MaxQueryLength = 500;
    public const int MaxPage = 500;
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    /// <summary>The query string keys, for links that change one of them.</summary>
    public static readonly IReadOnlyList<string> Keys = ["q", "type", "status", "stage", "committee", "ics", "sdg", "from", "to", "language", "sort", "page", "pageSize"];

    public string? Q { get; init; }
    public string? Type { get; init; }
    public DeliverableStatus? Status { get; init; }
    public int? Stage { get; init; }
    public string? Committee { get; init; }
    public string? Ics { get; init; }
    /// <summary>A Sustainable Development Goal's number (1 to 17).</summary>
    public int? Sdg { get; init; }
    public int? YearFrom { get; init; }
    public int? YearTo { get; init; }
    public string? Language { get; init; }
    public SearchSort Sort { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = DefaultPageSize;

    public bool HasFilters => Type is not null || Status is not null || Stage is not null || Committee is not null || Ics is not null || Sdg is not null
        || YearFrom is not null || YearTo is not null || Language is not null;

    /// <summary>Reads the query string; each problem is "key: reason" and the bad value is left out.</summary>
    public static SearchQuery Read(IEnumerable<KeyValuePair<string, StringValues>> values, out List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(values);
        errors = [];
        var map = values.ToDictionary(v => v.Key, v => v.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        string? Get(string key) => map.TryGetValue(key, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        var query = new SearchQuery();

        if (Get("q") is { } q)
        {
            if (q.Length > MaxQueryLength)
            {
                errors.Add($"q: the query is {q.Length} characters long; at most {MaxQueryLength} are read");
                q = q[..MaxQueryLength];
            }
            query = query with { Q = q };
        }
        if (Get("type") is { } type)
        {
            var known = Enum.GetNames<DeliverableType>().FirstOrDefault(n => n.Equals(type, StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                errors.Add($"type: '{RecordFields.Shorten(type)}' is not a deliverable type ({string.Join(", ", Enum.GetNames<DeliverableType>())})");
            }
            query = query with { Type = known };
        }
        if (Get("status") is { } status)
        {
            var parsed = ParseStatus(status);
            if (parsed is null)
            {
                errors.Add($"status: '{RecordFields.Shorten(status)}' is not one of published, under-development, withdrawn, deleted");
            }
            query = query with { Status = parsed };
        }
        if (Get("stage") is { } stage)
        {
            var parsed = HarmonizedStages.Parse(stage);
            if (parsed is null)
            {
                errors.Add($"stage: '{RecordFields.Shorten(stage)}' is not a harmonized stage code such as 60.60");
            }
            query = query with { Stage = parsed };
        }
        if (Get("committee") is { } committee)
        {
            if (committee.Length > 100)
            {
                errors.Add("committee: a committee reference has at most 100 characters");
            }
            else
            {
                query = query with { Committee = committee };
            }
        }
        if (Get("ics") is { } ics)
        {
            if (!IcsRecord.IsCode(ics))
            {
                errors.Add($"ics: '{RecordFields.Shorten(ics)}' is not an ICS code such as 03, 03.120 or 03.120.10");
            }
            else
            {
                query = query with { Ics = ics };
            }
        }
        if (Get("sdg") is { } sdg)
        {
            if (int.TryParse(sdg, NumberStyles.None, CultureInfo.InvariantCulture, out var goal) && Sdgs.Sdg.IsGoal(goal))
            {
                query = query with { Sdg = goal };
            }
            else
            {
                errors.Add($"sdg: '{RecordFields.Shorten(sdg)}' is not a Sustainable Development Goal's number from 1 to 17");
            }
        }
        query = query with { YearFrom = Year(Get("from"), "from", errors), YearTo = Year(Get("to"), "to", errors) };
        if (query.YearFrom > query.YearTo)
        {
            errors.Add($"from: {query.YearFrom} is after to: {query.YearTo}");
            query = query with { YearFrom = null, YearTo = null };
        }
        if (Get("language") is { } language)
        {
            var lower = language.ToLowerInvariant();
            if (lower.Length is < 2 or > 3 || !lower.All(char.IsAsciiLetterLower))
            {
                errors.Add($"language: '{RecordFields.Shorten(language)}' is not a language code such as en or fr");
            }
            else
            {
                query = query with { Language = lower };
            }
        }
        if (Get("sort") is { } sort)
        {
            if (Enum.TryParse<SearchSort>(sort, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(sort[0]))
            {
                query = query with { Sort = parsed };
            }
            else
            {
                errors.Add($"sort: '{RecordFields.Shorten(sort)}' is not one of relevance, newest, reference");
            }
        }
        else if (query.Q is null)
        {
            query = query with { Sort = SearchSort.Newest };
        }
        query = query with
        {
            Page = Number(Get("page"), "page", 1, MaxPage, 1, errors),
            PageSize = Number(Get("pageSize"), "pageSize", 1, MaxPageSize, DefaultPageSize, errors),
        };
        return query;
    }

    public static DeliverableStatus? ParseStatus(string text) =>
        text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "published" => DeliverableStatus.Published,
            "underdevelopment" or "development" => DeliverableStatus.UnderDevelopment,
            "withdrawn" => DeliverableStatus.Withdrawn,
            "deleted" => DeliverableStatus.Deleted,
            _ => null,
        };

    /// <summary>The status as written in URLs: published, under-development, withdrawn, deleted.</summary>
    public static string StatusSlug(DeliverableStatus status) => status switch
    {
        DeliverableStatus.UnderDevelopment => "under-development",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>The query string of this search, with <paramref name="changes"/> applied (null removes a key); page is reset unless changed.</summary>
    public string ToQueryString(params (string Key, string? Value)[] changes)
    {
        var values = new List<(string, string?)>
        {
            ("q", Q), ("type", Type), ("status", Status is { } s ? StatusSlug(s) : null), ("stage", Stage is { } st ? HarmonizedStages.Format(st) : null),
            ("committee", Committee), ("ics", Ics), ("sdg", Sdg?.ToString(CultureInfo.InvariantCulture)), ("from", YearFrom?.ToString(CultureInfo.InvariantCulture)), ("to", YearTo?.ToString(CultureInfo.InvariantCulture)),
            ("language", Language), ("sort", Sort == SearchSort.Relevance || (Sort == SearchSort.Newest && Q is null) ? null : Sort.ToString().ToLowerInvariant()),
            ("page", null),
        };
        foreach (var (key, value) in changes)
        {
            var index = values.FindIndex(v => v.Item1 == key);
            values[index] = (key, value);
        }
        var parts = values.Where(v => !string.IsNullOrEmpty(v.Item2)).Select(v => $"{v.Item1}={Uri.EscapeDataString(v.Item2!)}");
        return "?" + string.Join("&", parts);
    }

    private static int? Year(string? text, string key, List<string> errors)
    {
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
        {
            return year;
        }
        errors.Add($"{key}: '{RecordFields.Shorten(text)}' is not a year between 1900 and 2100");
        return null;
    }

    private static int Number(string? text, string key, int min, int max, int fallback, List<string> errors)
    {
        if (text is null)
        {
            return fallback;
        }
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }
        errors.Add($"{key}: '{RecordFields.Shorten(text)}' must be a whole number from {min} to {max}");
        return fallback;
    }
}
