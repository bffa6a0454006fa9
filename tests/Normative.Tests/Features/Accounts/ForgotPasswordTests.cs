using System.Diagnostics;
using System.Net;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

/// <summary>
/// "Forgot your password?" answers a known and an unknown address alike: same status, page and
/// notice, and the same database work while the visitor waits (counted from the request's own
/// trace); the reset mail is made afterwards, through the outbox.
/// </summary>
public class ForgotPasswordTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    private sealed record Answer(HttpStatusCode Status, string? Location, string Notice, int DatabaseCommands);

    /// <summary>Posts <paramref name="fields"/> to the form at <paramref name="url"/> under a trace of its own and counts the database commands run within it.</summary>
    private async Task<(HttpResponseMessage Response, int Commands)> PostTracedAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var form = await client.GetDocumentAsync(url);
        var values = form.QuerySelector("main form")!.QuerySelectorAll("input[type=hidden]").Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        values.AddRange(fields);
        var trace = ActivityTraceId.CreateRandom();
        var commands = 0;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("Npgsql", StringComparison.Ordinal) || source.Name == "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == trace && activity.Source.Name.StartsWith("Npgsql", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref commands);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(values) };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request);
        return (response, Volatile.Read(ref commands));
    }

    private async Task<Answer> AskAsync(string email)
    {
        var client = factory.Browser();
        var (response, commands) = await PostTracedAsync(client, "/account/forgot?culture=en", new() { ["Email"] = email });
        var location = response.Headers.Location?.OriginalString;
        var notice = location is null ? "" : (await client.GetDocumentAsync(location)).QuerySelector("p.notice")?.TextContent ?? "";
        return new Answer(response.StatusCode, location, notice, commands);
    }

    [Fact]
    public async Task AKnownAndAnUnknownAddressGetTheSameAnswerAfterTheSameWork()
    {
        // The instrument sees database work: a sign-in looks its address up.
        var (signIn, signInCommands) = await PostTracedAsync(factory.Browser(), "/account/signin", new() { ["Input.Email"] = "nobody@example.org", ["Input.Password"] = "not a password at all" });
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.True(signInCommands > 0, "no database command was seen in a sign-in");

        var user = await factory.CreateUserAsync(Roles.Customer);
        var known = await AskAsync(user.Email!);
        var unknown = await AskAsync($"nobody-{Guid.NewGuid():N}@example.org");

        Assert.Equal(HttpStatusCode.Redirect, known.Status);
        Assert.Equal(known.Status, unknown.Status);
        Assert.Equal(known.Location, unknown.Location);
        Assert.False(string.IsNullOrWhiteSpace(known.Notice));
        Assert.Equal(known.Notice, unknown.Notice);
        Assert.Equal(known.DatabaseCommands, unknown.DatabaseCommands);

        // The known address still gets its link, made after the answer.
        var mail = await Mailbox.WaitForMailAsync(factory.MailDirectory, user.Email!);
        Assert.StartsWith("/account/reset", Mailbox.LinkIn(mail, "/account/reset"), StringComparison.Ordinal);
    }
}
