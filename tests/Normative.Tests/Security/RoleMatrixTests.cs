using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Normative.Tests.Security;

/// <summary>
/// Every page and endpoint the app maps (read from its own endpoint data, so a new one cannot be
/// missed) called as an anonymous visitor and as each role, its route parameters filled with real
/// ids from the demo data. What each caller must get is data, in RoleMatrix.txt beside this file:
/// a new endpoint without a line there, or an answer that changed, fails with the line to add.
/// GET is called for every endpoint; every other method with an empty form (pages, with a valid
/// antiforgery token) or <c>{}</c> (the API), which shows whether the caller is let through:
/// a caller who may not is refused before any handler runs (sign-in redirect, 401, 403).
/// </summary>
[Collection(RoleMatrixApp.Collection)]
public class RoleMatrixTests(RoleMatrixApp app, ITestOutputHelper output)
{
    private static readonly string[] Refusals = ["S", "401", "403"];

    /// <summary>An endpoint's pattern, the methods it answers, and whether it asks for any authorization itself.</summary>
    private sealed record Target(string Route, string Path, IReadOnlyList<string> Methods, bool Authorized, string? Accepts = null);

    [Fact]
    public async Task EveryEndpointAnswersEachRoleAsTheMatrixSays()
    {
        var samples = SampleValues(app);
        var missingSamples = new SortedSet<string>(StringComparer.Ordinal);
        var targets = new List<Target>();
        var pages = app.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().Where(e => e.RoutePattern.RawText is not null))
        {
            var route = Route(endpoint.RoutePattern);
            var path = Fill(endpoint.RoutePattern, samples, missingSamples) ?? "";
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                // A page: GET and POST without a handler name (whether or not it has OnGet and OnPost),
                // and each named handler (?handler=Csv) with its own methods.
                var compiled = await pages.LoadAsync(page, endpoint.Metadata);
                var authorized = Authorized(compiled.EndpointMetadata);
                targets.Add(new Target(route, path, ["GET", "POST"], authorized));
                foreach (var handlers in compiled.HandlerMethods.Where(h => h.Name is not null).GroupBy(h => h.Name!, StringComparer.Ordinal))
                {
                    var query = "?handler=" + handlers.Key;
                    targets.Add(new Target(route + query, path + query, Methods(handlers.Select(h => h.HttpMethod.ToUpperInvariant())), authorized));
                }
                continue;
            }
            var methods = Methods(endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"]);
            if (methods.Count > 0)
            {
                targets.Add(new Target(route, path, methods, Authorized([.. endpoint.Metadata]), endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.FirstOrDefault()));
            }
        }
        var duplicates = targets.SelectMany(t => t.Methods.Select(m => RoleMatrixTable.Key(m, t.Route))).GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Two endpoints answer the same method and route: " + string.Join("; ", duplicates));
        Assert.True(missingSamples.Count == 0, "No sample value for these route parameters; add one to SampleValues in RoleMatrixTests: " + string.Join(", ", missingSamples));
        Assert.True(targets.Count > 200, $"only {targets.Count} endpoints enumerated");

        var identities = app.Identities;
        var answers = new ConcurrentDictionary<string, string[]>(StringComparer.Ordinal);
        var errors = new ConcurrentBag<string>();
        var clock = Stopwatch.StartNew();

        async Task CallAsync(Target target, string method, int column)
        {
            using var response = await identities[column].SendAsync(method, target.Path, target.Accepts);
            var answer = Answer(response);
            answers.GetOrAdd(RoleMatrixTable.Key(method, target.Route), _ => new string[identities.Count])[column] = answer;
            if ((int)response.StatusCode >= 500)
            {
                errors.Add($"{method} {target.Path} as {identities[column]}: {(int)response.StatusCode}");
            }
        }

        // Reads first, several at once; then the writes one by one, so that what one write changes
        // cannot reach a read, and the writes' order, and so their answers, are the same every run.
        await Parallel.ForEachAsync(targets.SelectMany(t => Enumerable.Range(0, identities.Count).Select(c => (t, c))).Where(x => x.t.Methods.Contains("GET")),
            new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (x, _) => await CallAsync(x.t, "GET", x.c));
        foreach (var target in targets)
        {
            foreach (var method in target.Methods.Where(m => m != "GET"))
            {
                for (var column = 0; column < identities.Count; column++)
                {
                    await CallAsync(target, method, column);
                    if (target.Route == "/account/signout")
                    {
                        // The sign-out really ended this caller's session; the rest of the matrix needs one.
                        await identities[column].SignInAgainAsync();
                    }
                }
            }
        }

        var pairs = answers.Sum(a => a.Value.Length);
        var table = RoleMatrixTable.Load();
        var missing = answers.Keys.Where(k => !table.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var stale = table.Keys.Where(k => !answers.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var changed = new List<string>();
        foreach (var (key, got) in answers.Where(a => table.ContainsKey(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            var expected = table[key];
            for (var column = 0; column < got.Length; column++)
            {
                if (expected[column] != got[column])
                {
                    changed.Add($"{key} as {identities[column]}: expected {expected[column]}, got {got[column]}");
                }
            }
        }

        // Whatever the table says: an endpoint that asks for authorization lets no anonymous caller through.
        var open = targets.Where(t => t.Authorized).SelectMany(t => t.Methods.Select(m => RoleMatrixTable.Key(m, t.Route)))
            .Where(k => !Refusals.Contains(answers[k][0])).Select(k => $"{k}: {answers[k][0]}").ToList();

        output.WriteLine($"Role × endpoint matrix: {targets.Count} route patterns ({targets.Sum(t => t.Methods.Count)} method × route endpoints) enumerated, " +
            $"{identities.Count} callers (anonymous and {identities.Count - 1} roles), {pairs} (endpoint, caller) pairs checked in {clock.Elapsed.TotalSeconds:F0} s; " +
            $"server errors: {errors.Count}; authorized endpoints open to anonymous callers: {open.Count}; answers differing from {RoleMatrixTable.FileName}: {changed.Count}; " +
            $"endpoints without an entry: {missing.Count}; entries without an endpoint: {stale.Count}");
        output.WriteLine("answers by kind: " + string.Join(", ", answers.Values.SelectMany(a => a).GroupBy(a => a).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} × {g.Count()}")));
        if (missing.Count > 0 || changed.Count > 0)
        {
            // The whole table as observed, to compare with the file (or to start it).
            output.WriteLine("observed:\n" + string.Join("\n", answers.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => RoleMatrixTable.Line(a.Key, a.Value))));
        }

        Assert.True(errors.IsEmpty, $"{errors.Count} server errors: " + string.Join("; ", errors.Take(20)));
        Assert.True(open.Count == 0, "Endpoints that ask for authorization answered an anonymous caller: " + string.Join("; ", open));
        Assert.True(missing.Count == 0, $"{missing.Count} endpoints have no line in Security/{RoleMatrixTable.FileName}. Add these (columns: {string.Join(" ", RoleMatrixApp.Columns)}) " +
            "after checking that each answer is what that caller should get:\n" + string.Join("\n", missing.Select(k => RoleMatrixTable.Line(k, answers[k]))));
        Assert.True(changed.Count == 0, $"{changed.Count} answers differ from Security/{RoleMatrixTable.FileName}:\n" + string.Join("\n", changed.Take(60)));
        Assert.True(stale.Count == 0, $"Security/{RoleMatrixTable.FileName} lists endpoints the app no longer maps; remove: " + string.Join("; ", stale));
    }

    private static List<string> Methods(IEnumerable<string> methods) =>
        methods.Where(m => m is not "HEAD" and not "OPTIONS").Distinct().OrderBy(m => m == "GET" ? "" : m, StringComparer.Ordinal).ToList();

    private static bool Authorized(IList<object> metadata) => metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

    /// <summary>A status, or S for a redirect to the sign-in page.</summary>
    private static string Answer(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        if (status is >= 300 and < 400 && response.Headers.Location?.OriginalString is { } target
            && target.Split('?')[0].EndsWith("/account/signin", StringComparison.Ordinal))
        {
            return "S";
        }
        return status.ToString(CultureInfo.InvariantCulture);
    }

    private static string Route(RoutePattern pattern) => "/" + pattern.RawText!.TrimStart('/');

    /// <summary>
    /// The path with every parameter replaced by its sample, found by the literal just before it:
    /// the segment's own text (<c>sitemap-{name}</c>) or the nearest literal segment (<c>ballots/{id}</c>).
    /// </summary>
    private static string? Fill(RoutePattern pattern, IReadOnlyDictionary<string, string> samples, ISet<string> missing)
    {
        var path = new System.Text.StringBuilder();
        var previous = "";
        foreach (var segment in pattern.PathSegments)
        {
            path.Append('/');
            string? before = null;
            foreach (var part in segment.Parts)
            {
                switch (part)
                {
                    case RoutePatternLiteralPart literal:
                        path.Append(literal.Content);
                        before = literal.Content;
                        break;
                    case RoutePatternSeparatorPart separator:
                        path.Append(separator.Content);
                        before = separator.Content;
                        break;
                    case RoutePatternParameterPart parameter:
                        var key = before is null ? previous + "/{" + parameter.Name + "}" : before + "{" + parameter.Name + "}";
                        if (!samples.TryGetValue(key, out var value))
                        {
                            missing.Add($"{key} (in {pattern.RawText})");
                            return null;
                        }
                        path.Append(parameter.IsCatchAll ? string.Join("/", value.Split('/').Select(Uri.EscapeDataString)) : Uri.EscapeDataString(value));
                        break;
                }
            }
            if (segment.IsSimple && segment.Parts[0] is RoutePatternLiteralPart only)
            {
                previous = only.Content;
            }
        }
        return path.Length == 0 ? "/" : path.ToString();
    }

    /// <summary>Route parameters' values, keyed as <see cref="Fill"/> finds them: ids of the demo committee ISO/TC 176/SC 2, buyer A's order…</summary>
    private static Dictionary<string, string> SampleValues(RoleMatrixApp app)
    {
        var s = app.Sample;
        string I(long n) => n.ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["organizations/{id}"] = I(s.OrganizationId),
            ["join/{token}"] = "no-such-invitation",
            ["certificates/{id}"] = I(s.NbcCertificate),
            ["committees/{slug}"] = s.CommitteeSlug,
            ["committees/{id}"] = I(s.CommitteeId),
            ["committee/{id}"] = I(s.CommitteeId),
            ["committees/{rest}"] = "documents",
            ["documents/{number}"] = I(s.ClosedDocument),
            ["ballots/{id}"] = I(s.BallotId),
            ["ballots/{set}"] = "comments",
            ["meetings/{id}"] = I(s.MeetingId),
            ["projects/{id}"] = I(s.ProjectId),
            ["articles/{id}"] = I(s.ArticleId),
            ["events/{id}"] = I(s.EventId),
            ["events/{slug}"] = s.EventSlug,
            ["news/{slug}"] = s.ArticleSlug,
            ["mailings/{id}"] = "1",
            ["pages/{key}"] = s.PageKey,
            ["/{key}"] = s.PageKey,
            ["error/{code}"] = "404",
            ["experts/{id}"] = I(s.ExpertId),
            ["experts/{expertId}"] = I(s.ExpertId),
            ["ics/{code}"] = s.IcsCode,
            ["members/{code}"] = s.MemberCode,
            ["sdgs/{number}"] = "9",
            ["sectors/{slug}"] = s.Sector,
            ["standard/{reference}"] = s.Reference,
            ["standard/{id}"] = I(s.DeliverableId),
            ["read/{lang}"] = "en",
            ["collections/{id}"] = I(s.CollectionId),
            ["orders/{number}"] = app.A.Number,
            ["orders/{document}"] = "invoice",
            ["downloads/{line}"] = I(app.A.LineId),
            ["subscriptions/{id}"] = "1",
            ["test-payment/{session}"] = Guid.Empty.ToString(),
            ["calendars/{key}"] = "no-such-key",
            ["statistics/{name}"] = "no-such-statistic",
            ["images/{name}"] = "no-such-image.png",
            ["offers/{deliverableId}"] = I(s.DeliverableId),
            ["identity/{name}"] = "logo",
            ["sitemap-{name}"] = "standards",
            ["-{number}"] = "1",
            ["graphics/{sha256}"] = new string('0', 64),
            ["lines/{line}"] = I(app.A.LineId),
            ["lines/{lineId}"] = I(app.A.LineId),
            ["seats/{seat}"] = "1",
            ["liaisons/{liaisonId}"] = "1",
            ["officers/{officerId}"] = "1",
            ["applications/{applicationId}"] = "1",
            ["deliverables/{id}"] = I(s.DeliverableId),
            ["openapi/{documentName}"] = "v1",
        };
    }
}
