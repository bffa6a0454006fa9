using System.Globalization;

namespace Normative.Features.Development;

/// <summary>How development pages write dates, times and shares: ISO 8601 dates in every language, times in UTC.</summary>
public static class DevelopmentFormat
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Date(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "—";

    /// <summary>"66.7 %" in the page's culture, or "—" when there is nothing to divide.</summary>
    public static string Percent(int count, int of) =>
        of == 0 ? "—" : ((double)count / of).ToString("P1", CultureInfo.CurrentCulture);

    /// <summary>For a date input: yyyy-MM-dd.</summary>
    public static string Input(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A reference as a file name: "ISO/DIS 9001" → "iso-dis-9001".</summary>
    public static string Slug(string reference) =>
        new(reference.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-').ToArray());
}
