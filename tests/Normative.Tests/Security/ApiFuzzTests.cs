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
/// never a server error, no request hangs, and every status answered is one the document lists for
/// the operation. The figures are printed: operations, cases, answers by status, findings.
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

        var statuses = new SortedDictionary<int, int>();
        var undocumented = new Dictionary<string, SortedSet<int>>();
        var findings = new List<string>();
        var sent = 0;
        var clock = Stopwatch.StartNew();
        foreach (var operation in operations)
        {
            // The same cases for every identity: what one role is refused, another may reach.
            var cases = new List<FuzzCase>();
            FuzzCases.For(operation).Sample(c => cases.Add(c), iter: CasesPerOperation, threads: 1);
            foreach (var (name, client) in identities)
            {
                foreach (var c in cases)
                {
                    using var request = FuzzCases.Request(c);
                    int status;
                    try
                    {
                        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                        using var response = await client.SendAsync(request, timeout.Token);
                        status = (int)response.StatusCode;
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException or InvalidOperationException)
                    {
                        findings.Add($"{name}: {c} → {e.GetType().Name}: {e.Message}");
                        continue;
                    }
                    sent++;
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
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
                }
            }
        }

        output.WriteLine($"API fuzzing: {operations.Count} operations × {identities.Count} identities (anonymous and {RolesFuzzed.Length} roles' API tokens), " +
            $"{sent} requests in {clock.Elapsed.TotalSeconds:F0} s; findings (5xx, hangs, broken answers): {findings.Count}");
        output.WriteLine("answers by status: " + string.Join(", ", statuses.Select(s => $"{s.Key} × {s.Value}")));
        output.WriteLine($"answers the document does not list: on {undocumented.Count} operations — " +
            string.Join("; ", undocumented.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key}: {string.Join(",", u.Value)}")));
        foreach (var finding in findings.Take(40))
        {
            output.WriteLine("FINDING " + finding);
        }
        Assert.True(findings.Count == 0, $"{findings.Count} requests got a server error or no answer; the first: " + string.Join(" | ", findings.Take(15)));
        Assert.True(undocumented.Count == 0, $"{undocumented.Count} operations answered with a status their OpenAPI description does not list: " +
            string.Join("; ", undocumented.Take(20).Select(u => $"{u.Key}: {string.Join(",", u.Value)}")));
    }
}
