using System.Globalization;

namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// One record of an open-data file, read field by field with checks, whatever the file's format:
/// a JSON object (nested: "title.en" is the "en" member of "title") or a CSV row (a column named
/// "title.en"). Every problem is a <see cref="BadLineException"/> naming the field.
/// </summary>
public abstract class RecordFields
{
    /// <summary>The line of the file where the record starts.</summary>
    public abstract int Line { get; }

    public abstract bool Has(string name);

    /// <summary>A text value; null when absent, null or empty.</summary>
    public abstract string? Text(string name);

    /// <summary>A list of texts; for JSON objects in the list (e.g. {"id":1619,"acronym":"SCC"}), <paramref name="member"/> is taken.</summary>
    public abstract List<string> TextList(string name, string? member = null);

    public abstract int? Int(string name);

    /// <summary>The texts of a field given per language ("title.en", "title.fr", "title.es" …), by language code; empty ones are left out.</summary>
    public abstract IReadOnlyDictionary<string, string> PerLanguage(string name);

    public List<int> IntList(string name) =>
        TextList(name).Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BadLineException($"{name} must list whole numbers (ids), not '{t}'")).ToList();

    public string? FirstText(params string[] names)
    {
        foreach (var name in names)
        {
            if (Has(name))
            {
                return Text(name);
            }
        }
        return null;
    }

    public DateOnly? Date(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return null;
        }
        // ISO writes dates as 2015-09-15; a time part, if any, is ignored.
        var datePart = text.Length > 10 && text[10] is 'T' or ' ' ? text[..10] : text;
        return DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new BadLineException($"{name} must be a date like 2015-09-15, not '{Shorten(text)}'");
    }

    public string Required(string name) =>
        Text(name) ?? throw new BadLineException($"{name} is missing");

    public static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>The text itself; one holding U+0000, which PostgreSQL cannot store in text, is a bad line rather than a failed import.</summary>
    protected static string? Storable(string? text) => text is not null && text.Contains('\0', StringComparison.Ordinal)
        ? throw new BadLineException("a text holds the character U+0000 (NUL), which cannot be stored")
        : text;
}
