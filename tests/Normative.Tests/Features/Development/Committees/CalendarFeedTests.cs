using Normative.Features.Development.Committees;

namespace Normative.Tests.Features.Development.Committees;

public class CalendarFeedTests
{
    [Fact]
    public void FeedFollowsRfc5545()
    {
        var at = new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.FromHours(2));
        var text = CalendarFeed.Write("ISO/TC 176/SC 2: ballots",
        [
            new CalendarEvent("ballot-7@example.org", at, "DIS ballot closes: ISO/DIS 9001", "Line one; with, commas\nand a new line — " + new string('é', 60), "https://example.org/development/ballots/7", at.AddDays(-84)),
        ]);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\n\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text);
        Assert.Contains("DTSTART:20260331T100000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("X-WR-CALNAME:ISO/TC 176/SC 2: ballots", text, StringComparison.Ordinal);
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains(@"DESCRIPTION:Line one\; with\, commas\nand a new line", unfolded, StringComparison.Ordinal);
        Assert.All(text.Split("\r\n"), line => Assert.True(System.Text.Encoding.UTF8.GetByteCount(line) <= 75, line));
    }
}
