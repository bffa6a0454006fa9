using System.Globalization;

namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// A record that is one CSV row. Lists are written the way ISO's CSV files write them,
/// "[03.120.10, 03.100.70]"; "a;b" and a single value are read too.
/// </summary>
public sealed class CsvRecordFields(IReadOnlyDictionary<string, int> columns, IReadOnlyList<string> values, int line) : RecordFields
{
    public override int Line => line;

    public override bool Has(string name) => columns.ContainsKey(name);

    public override string? Text(string name) =>
        columns.TryGetValue(name, out var i) && i < values.Count && !string.IsNullOrWhiteSpace(values[i]) ? Storable(values[i]) : null;

    public override IReadOnlyDictionary<string, string> PerLanguage(string name)
    {
        var texts = new Dictionary<string, string>();
        foreach (var column in columns.Keys)
        {
            if (column.Length > name.Length + 1 && column.StartsWith(name, StringComparison.Ordinal) && column[name.Length] == '.'
                && Text(column) is { } text)
            {
                texts[column[(name.Length + 1)..]] = text;
            }
        }
        return texts;
    }

    public override int? Int(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new BadLineException($"{name} must be a whole number, not '{Shorten(text)}'");
    }

    public override List<string> TextList(string name, string? member = null)
    {
        var text = Text(name)?.Trim();
        if (text is null)
        {
            return [];
        }
        if (text.StartsWith('[') && text.EndsWith(']'))
        {
            text = text[1..^1];
            return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(t => t != "null").ToList();
        }
        return text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    /// <summary>Writes a list the way ISO's CSV files do.</summary>
    public static string? FormatList<T>(IReadOnlyCollection<T> items) =>
        items.Count == 0 ? null : "[" + string.Join(", ", items.Select(i => Convert.ToString(i, CultureInfo.InvariantCulture))) + "]";
}
