using System.Globalization;
using System.Text;

namespace Normative.Features.Development.Committees;

/// <summary>
/// Writes an iCalendar feed (RFC 5545): CRLF line ends, text escaped, lines folded at 75 octets,
/// times in UTC.
/// </summary>
public static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(string name, IEnumerable<CalendarEvent> events)
    {
        var text = new StringBuilder();
        void Line(string line) => Fold(text, line);
        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Normative//Development//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(name));
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line("UID:" + Escape(e.Uid));
            Line("DTSTAMP:" + Time(e.Stamp));
            Line("DTSTART:" + Time(e.At));
            Line("DTEND:" + Time(e.End ?? e.At));
            Line("SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrEmpty(e.Location))
            {
                Line("LOCATION:" + Escape(e.Location));
            }
            if (e.Cancelled)
            {
                Line("STATUS:CANCELLED");
            }
            Line("DESCRIPTION:" + Escape(e.Description));
            Line("URL:" + e.Url);
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return text.ToString();
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>Lines longer than 75 octets continue on the next line after a space, never inside a UTF-8 character.</summary>
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            text.Append(rune.ToString());
            octets += size;
        }
        text.Append("\r\n");
    }
}
