using System.Collections.Concurrent;
using System.Diagnostics;

namespace Normative.Tests.Infrastructure;

/// <summary>
/// Counts the SQL commands a piece of work sends (a page request through the test client, a
/// background job called directly). Npgsql reports each command as an activity; those that belong
/// to the work's own trace are counted, so other tests and the app's background workers running at
/// the same time do not disturb the count. A request joins the trace through its traceparent header
/// (the server starts a trace of its own for a request without one).
/// </summary>
public static class SqlCommands
{
    private static readonly ActivitySource Source = new("Normative.Tests");
    private static readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<string>> Seen = new();
    private static readonly ActivityListener Listener = Listen();

    private static ActivityListener Listen()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" or "Normative.Tests" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Npgsql" && Seen.TryGetValue(a.TraceId, out var commands))
                {
                    commands.Enqueue(a.GetTagItem("db.query.text") as string ?? a.GetTagItem("db.statement") as string ?? a.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    /// <summary>Sends <paramref name="request"/> and returns the response and the SQL commands the server sent for it.</summary>
    public static Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return DuringAsync(() =>
        {
            request.Headers.Add("traceparent", Activity.Current!.Id);
            return client.SendAsync(request);
        });
    }

    /// <summary>GETs <paramref name="url"/>; the response and the SQL commands the server sent for it.</summary>
    public static Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> GetAsync(HttpClient client, string url) =>
        SendAsync(client, new HttpRequestMessage(HttpMethod.Get, url));

    /// <summary>Runs <paramref name="work"/> and returns what it gave and the SQL commands it sent, in order.</summary>
    public static async Task<(T Result, IReadOnlyList<string> Commands)> DuringAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        GC.KeepAlive(Listener);
        using var root = Source.StartActivity("work", ActivityKind.Internal)
            ?? throw new InvalidOperationException("The test activity source is not listened to.");
        var commands = Seen[root.TraceId] = new ConcurrentQueue<string>();
        try
        {
            var result = await work();
            return (result, commands.ToList());
        }
        finally
        {
            Seen.TryRemove(root.TraceId, out _);
        }
    }
}
