using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using CsCheck;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Normative.Tests.Security;

/// <summary>
/// The API fuzzed from its own OpenAPI document, as an outside tool would: every documented
/// operation gets requests generated from its parameters and body schema (<see cref="FuzzCases"/>),
/// sent anonymously and with a personal API token of each role. Whatever is sent, the answer is
/// never a server error, no request hangs, every status answered is one the document lists for
/// the operation, and the answer's media type and JSON body are those the document describes for
/// that status (<see cref="ResponseConformance"/>). The figures are printed: operations, cases, answers by status, findings.
/// The app runs on Kestrel on loopback, so requests cross a real socket and HTTP parser, as an
/// outside tool's do (the in-memory test server refuses some of them before the app sees them).
/// </summary>
public class ApiFuzzTests(ApiFuzzTests.FuzzedApp factory, ITestOutputHelper output) : IClassFixture<ApiFuzzTests.FuzzedApp>
{
    /// <summary>
    /// The app as the tests run it, but quiet about bad requests: in Development, minimal APIs throw
    /// on a body that does not convert (turned into a 400) and the exception handler logs each at
    /// error level — thousands of stack traces for a fuzzer. A real server error still fails the test.
    /// </summary>
    public sealed class FuzzedApp : NormativeFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics"] = "Critical",
        };
    }

    /// <summary>Cases per operation and identity: 45 × 8 × this many requests in all, about a minute here.</summary>
    private const int CasesPerOperation = 24;

    private static readonly string[] RolesFuzzed =
        [Roles.Customer, Roles.Editor, Roles.Administrator, Roles.CommitteeManager, Roles.Delegate, Roles.MemberBodyAdministrator, Roles.CertificationBody];

    [Fact]
    public async Task NoGeneratedRequestOfAnyRoleGetsAServerErrorOrAnUndocumentedAnswer()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        // The demo catalogue and store, so that the document's examples name things that exist.
        await DemoData.LoadAsync(factory, store: true);
        var address = new Uri(factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        HttpClient Client() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        var anonymous = Client();
        var document = JsonDocument.Parse(await anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var operations = OpenApiOperation.AllIn(document);
        Assert.True(operations.Count >= 30, $"only {operations.Count} operations in the document");

        var identities = new List<(string Name, HttpClient Client)> { ("anonymous", anonymous) };
        foreach (var role in RolesFuzzed)
        {
            var user = await factory.CreateUserAsync(role);
            var (_, secret) = await factory.WithDbAsync(db => ApiTokens.CreateAsync(db, user.Id, "fuzz", DateTimeOffset.UtcNow));
            var client = Client();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            identities.Add((role, client));
        }

        var conformance = new ResponseConformance(document);
        var nonconforming = new SortedDictionary<string, (int Count, string First)>(StringComparer.Ordinal);
        var checkedBodies = 0;
        var refusedUnread = 0;
        var examples = 0;
        var exampleAnswers = new List<(OpenApiOperation Operation, string Identity, int Status)>();
        var statuses = new SortedDictionary<int, int>();
        var undocumented = new Dictionary<string, SortedSet<int>>();
        var findings = new List<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        foreach (var operation in operations)
        {
            // The same cases for every identity: what one role is refused, another may reach.
            var cases = new List<FuzzCase>();
            var example = FuzzCases.Example(operation);
            if (example is not null)
            {
                cases.Add(example);
                examples++;
            }
            FuzzCases.For(operation).Sample(c => cases.Add(c), iter: CasesPerOperation, threads: 1);
            foreach (var (name, client) in identities)
            {
                foreach (var c in cases)
                {
                    using var request = FuzzCases.Request(c);
                    int status;
                    string? problem;
                    try
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                        using var response = await client.SendAsync(request, timeout.Token);
                        status = (int)response.StatusCode;
                        var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
                        problem = status >= 500 ? null : conformance.Check(operation, c.Url, status, response.Content.Headers.ContentType?.MediaType, body);
                        checkedBodies += body.Length > 0 ? 1 : 0;
                    }
                    catch (HttpRequestException) when (c.Url.Split('?')[0].Contains("%00", StringComparison.Ordinal) && c.Operation.Body is not null)
                    {
                        // Kestrel refuses a NUL in the path before reading the body, answers 400 and
                        // closes the connection; a client still sending a large body sees the close.
                        refusedUnread++;
                        continue;
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
                    {
                        findings.Add($"{name}: {c} → {e.GetType().Name}: {e.Message}");
                        continue;
                    }
                    sent++;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    if (ReferenceEquals(c, example))
                    {
                        exampleAnswers.Add((operation, name, status));
                    }
                    if (status >= 500)
                    {
                        findings.Add($"{name}: {c} → {status}");
                    }
                    else if (!operation.Responses.Contains(status.ToString(CultureInfo.InvariantCulture)) && !operation.Responses.Contains("default"))
                    {
                        if (!undocumented.TryGetValue(operation.ToString(), out var set))
                        {
                            undocumented[operation.ToString()] = set = [];
                        }
                        set.Add(status);
                    }
                    else if (problem is not null)
                    {
                        var key = $"{operation} {status}";
                        nonconforming[key] = nonconforming.TryGetValue(key, out var seen) ? (seen.Count + 1, seen.First) : (1, $"{name}: {c} → {problem}");
                    }
                }
            }
        }

        output.WriteLine($"API fuzzing: {operations.Count} operations × {identities.Count} identities (anonymous and {RolesFuzzed.Length} roles' API tokens), " +
            $"{sent} requests answered in {clock.Elapsed.TotalSeconds:F0} s (and {refusedUnread} with a NUL in the path and a body, refused by Kestrel before reading it); findings (5xx, hangs, broken answers): {findings.Count}");
        output.WriteLine("answers by status: " + string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}")));
        output.WriteLine($"answers the document does not list: on {undocumented.Count} operations — " +
            string.Join("; ", undocumented.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key}: {string.Join(",", u.Value)}")));
        output.WriteLine($"answers checked against their documented media type and schema: {sent} ({checkedBodies} with a body); not as documented: {nonconforming.Values.Sum(v => v.Count)} on {nonconforming.Count} operation-statuses");
        foreach (var (key, (count, first)) in nonconforming)
        {
            output.WriteLine($"NOT AS DOCUMENTED {key} ×{count}: {first}");
        }
        // The document's examples are requests the API can read: a read sent as its example is
        // never refused as malformed, whoever sends it (it may name something absent: 404).
        var byOperation = exampleAnswers.GroupBy(a => a.Operation).ToList();
        var readsRefused = byOperation.Where(g => g.Key.Method == "GET" && g.Any(a => a.Status == 400)).Select(g => g.Key.ToString()).ToList();
        output.WriteLine($"examples: {examples} of {operations.Count} operations have a complete example request; answered 2xx to someone: " +
            $"{byOperation.Count(g => g.Any(a => a.Status is >= 200 and < 300))}; reads refused as malformed: {readsRefused.Count} {string.Join(", ", readsRefused)}");
        foreach (var finding in findings.Take(40))
        {
            output.WriteLine("FINDING " + finding);
        }
        Assert.True(findings.Count == 0, $"{findings.Count} requests got a server error or no answer; the first: " + string.Join(" | ", findings.Take(15)));
        Assert.True(undocumented.Count == 0, $"{undocumented.Count} operations answered with a status their OpenAPI description does not list: " +
            string.Join("; ", undocumented.Take(20).Select(u => $"{u.Key}: {string.Join(",", u.Value)}")));
        Assert.True(readsRefused.Count == 0, "these reads answer their own documented example with 400: " + string.Join(", ", readsRefused));
        Assert.True(nonconforming.Count == 0, $"{nonconforming.Count} operation-statuses answered other than their OpenAPI description says: " +
            string.Join(" | ", nonconforming.Take(10).Select(n => $"{n.Key} ×{n.Value.Count}: {n.Value.First}")));
    }
}
