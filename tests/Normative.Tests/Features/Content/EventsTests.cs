using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Content.Events;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Content;

public class EventsTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    private static string NewSlug() => "event-" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<HttpResponseMessage> SaveAsync(HttpClient editor, string slug, DateTime starts, DateTime ends, string? place = "Geneva", string? link = null, string title = "Plenary meeting")
    {
        var page = await editor.GetDocumentAsync("/editor/events/new");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token), new("Input.Slug", slug), new("Input.Title", title),
            new("Input.Description", "The **annual** meeting."), new("Input.StartsAt", starts.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)),
            new("Input.EndsAt", ends.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture)), new("Input.Sectors", "energy"),
        };
        if (place is not null)
        {
            fields.Add(new("Input.Place", place));
        }
        if (link is not null)
        {
            fields.Add(new("Input.OnlineUrl", link));
        }
        return await editor.PostAsync("/editor/events/new", new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task AnEventShowsUntilItEndsThenMovesToThePastAndIsInTheCalendar()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var coming = NewSlug();
        var past = NewSlug();
        var start = DateTime.UtcNow.Date.AddDays(10).AddHours(9);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(editor, coming, start, start.AddHours(8), link: "https://meet.example.org/plenary", title: "Coming plenary")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(editor, past, start.AddDays(-40), start.AddDays(-40).AddHours(2), title: "Old workshop")).StatusCode);

        var reader = factory.Browser();
        var list = await reader.GetDocumentAsync("/events?culture=en");
        Assert.NotNull(list.QuerySelector($"main a[href='/events/{coming}']"));
        Assert.Null(list.QuerySelector($"main a[href='/events/{past}']"));
        var archive = await reader.GetDocumentAsync("/events/past?culture=en");
        Assert.NotNull(archive.QuerySelector($"main a[href='/events/{past}']"));
        var pastPage = await reader.GetDocumentAsync($"/events/{past}?culture=en");
        Assert.Contains("This event is over", pastPage.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var details = await reader.GetDocumentAsync($"/events/{coming}?culture=en");
        Assert.Contains("<strong>annual</strong>", details.QuerySelector(".article-body")!.InnerHtml, StringComparison.Ordinal);
        Assert.NotNull(details.QuerySelector("main a[href='https://meet.example.org/plenary']"));

        var calendar = await reader.GetAsync("/events/calendar.ics");
        Assert.Equal("text/calendar", calendar.Content.Headers.ContentType!.MediaType);
        var ics = await calendar.Content.ReadAsStringAsync();
        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Coming plenary", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:" + start.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture) + "Z", ics, StringComparison.Ordinal);

        var api = await reader.GetFromJsonAsync<JsonElement>("/api/v1/events");
        Assert.Contains(api.EnumerateArray(), e => e.GetProperty("slug").GetString() == coming && !e.GetProperty("past").GetBoolean());
        Assert.DoesNotContain(api.EnumerateArray(), e => e.GetProperty("slug").GetString() == past);
        var pastApi = await reader.GetFromJsonAsync<JsonElement>("/api/v1/events?past=true");
        Assert.Contains(pastApi.EnumerateArray(), e => e.GetProperty("slug").GetString() == past);
    }

    [Fact]
    public async Task AnEventThatEndsBeforeItStartsOrHasAnUnsafeLinkIsRefusedAndTheFormKept()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var slug = NewSlug();
        var start = DateTime.UtcNow.Date.AddDays(5).AddHours(14);
        var backwards = await SaveAsync(editor, slug, start, start.AddHours(-1), title: "Backwards");
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        var page = await backwards.ReadDocumentAsync();
        Assert.Contains("ends before it starts", page.QuerySelector("#ends-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Backwards", page.QuerySelector("#Input_Title")!.GetAttribute("value"));

        var unsafeLink = await SaveAsync(editor, slug, start, start.AddHours(1), place: null, link: "javascript:alert(1)");
        Assert.Contains("web address", (await unsafeLink.ReadDocumentAsync()).QuerySelector("#url-error")!.TextContent, StringComparison.Ordinal);
        var nowhere = await SaveAsync(editor, slug, start, start.AddHours(1), place: null);
        Assert.Contains("place", (await nowhere.ReadDocumentAsync()).QuerySelector("#place-error")!.TextContent, StringComparison.Ordinal);
        var reserved = await SaveAsync(editor, "past", start, start.AddHours(1));
        Assert.NotEmpty((await reserved.ReadDocumentAsync()).QuerySelector("#slug-error")!.TextContent.Trim());

        Assert.Equal(0, await factory.WithDbAsync(db => db.Events.CountAsync(e => e.Slug == slug || e.Slug == "past")));
    }

    [Fact]
    public void AnEventIsPastOnceItHasEnded()
    {
        var end = new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
        Assert.False(EventRules.IsPast(end, end));
        Assert.True(EventRules.IsPast(end, end.AddSeconds(1)));
        Assert.True(EventRules.IsWebLink("https://meet.example.org/x"));
        Assert.False(EventRules.IsWebLink("javascript:alert(1)"));
        Assert.False(EventRules.IsWebLink("file:///etc/passwd"));
    }
}
