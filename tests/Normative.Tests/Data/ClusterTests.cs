using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Normative.Tests.Infrastructure;
using Npgsql;
using Xunit.Abstractions;

namespace Normative.Tests.Data;

/// <summary>
/// Two app nodes as real processes behind HAProxy, on PgBouncer in transaction mode in front of
/// PostgreSQL: what is shared is shared, a killed node costs
/// (almost) no request, and the background jobs run once across the nodes.
/// </summary>
public sealed class ClusterTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoNodesBehindABalancerShareSignInAndJobsAndSurviveANodeKilledUnderLoad()
    {
        var clock = Stopwatch.StartNew();
        void Step(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,6:0.0} s  {what}");
        await using var cluster = new AppCluster();
        await cluster.StartDatabaseAsync();
        Step("database and PgBouncer started");
        await cluster.MigrateAsync();
        Step("normative migrate ran against the primary");
        await SeedADigestAsync(cluster);
        await SeedExpiredCertificatesAsync(cluster);
        cluster.StartNode("a");
        cluster.StartNode("b");
        await cluster.WaitUntilReadyAsync("a", StartTimeout);
        await cluster.WaitUntilReadyAsync("b", StartTimeout);
        cluster.StartBalancer("a", "b");
        await cluster.WaitUntilBalancedAsync(TimeSpan.FromSeconds(20), "a", "b");
        Step("two nodes ready behind HAProxy");

        await ASignInThroughOneNodeHoldsOnTheOther(cluster);
        Step("a sign-in on node a holds on node b");
        await TheOutboxSendsEachMailOnceAcrossTheNodes(cluster);
        Step("the outbox sent each mail once");
        await TheDigestGoesOnceToEachSubscriberAcrossTheNodes(cluster);
        Step("both nodes ran the digest job; each subscriber got one digest");
        await EachExpiredCertificateHasOneExpiryEvent(cluster);
        Step("both nodes ran the expiry job; each certificate expired once");
        await AChangeToACertificateShowsOnBothNodesAtOnce(cluster);
        Step("a certificate withdrawn in the database shows withdrawn on both nodes");
        await AKilledNodeCostsFewRequestsAndRejoins(cluster);
        Step("node a killed under load and rejoined");
    }

    private static async Task ASignInThroughOneNodeHoldsOnTheOther(AppCluster cluster)
    {
        var created = await CliProcess.RunAsync(null, cluster.NodeEnvironment(cluster.DirectConnectionString),
            "users", "create", "--email", "editor@cluster.test", "--role", "Editor", "--password", "a long cluster passphrase");
        Assert.True(created.ExitCode == 0, created.Error);

        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var nodeA = new HttpClient(handler, disposeHandler: false) { BaseAddress = cluster.NodeAddress("a") };
        using var nodeB = new HttpClient(handler, disposeHandler: false) { BaseAddress = cluster.NodeAddress("b") };

        var signIn = await nodeA.SubmitFormAsync("/account/signin", new()
        {
            ["Input.Email"] = "editor@cluster.test",
            ["Input.Password"] = "a long cluster passphrase",
        });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // Node B reads the cookie node A issued: the keys that protect it are in the database.
        var account = await nodeB.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("editor@cluster.test", await account.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task TheOutboxSendsEachMailOnceAcrossTheNodes(AppCluster cluster)
    {
        const int mails = 30;
        await using (var conn = new NpgsqlConnection(cluster.DirectConnectionString + ";Pooling=false"))
        {
            await conn.OpenAsync();
            await using var insert = new NpgsqlCommand("""
                INSERT INTO outbox_messages ("to", subject, text_body, attempts)
                SELECT 'reader' || n || '@cluster.test', 'Cluster mail ' || n, 'Sent once.', 0 FROM generate_series(1, @mails) AS n
                """, conn);
            insert.Parameters.AddWithValue("mails", mails);
            await insert.ExecuteNonQueryAsync();
        }
        // Both nodes poll the outbox every 0.2 s; wait until every mail is sent, then a little longer.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<string> Subjects() => SentMails(cluster).Select(m => m.Subject).Where(s => s.StartsWith("Cluster mail ", StringComparison.Ordinal)).ToList();
        while (Subjects().Count < mails)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {Subjects().Count} of {mails} mails were sent within 20 s.");
            await Task.Delay(100);
        }
        await Task.Delay(1000);
        var subjects = Subjects();
        Assert.Equal(mails, subjects.Count);
        Assert.Equal(mails, subjects.Distinct().Count());
    }

    private const int DigestSubscribers = 12;

    /// <summary>
    /// Before the nodes start: confirmed weekly subscribers to the news and an article published an
    /// hour ago, so the digest job both nodes run at start finds this week's digest to make.
    /// </summary>
    private static async Task SeedADigestAsync(AppCluster cluster)
    {
        await using var conn = new NpgsqlConnection(cluster.DirectConnectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var seed = new NpgsqlCommand("""
            INSERT INTO subscribers (email, language, topics, status, created_at, confirmed_at, confirmation_nonce, confirmation_sent_at, confirmation_mails, digest_frequency)
            SELECT 'digest' || n || '@cluster.test', 'en', ARRAY['news'], 'Confirmed', now() - interval '1 day', now() - interval '1 day', md5(n::text), now() - interval '1 day', 1, 'Weekly'
            FROM generate_series(1, @subscribers) AS n;
            WITH article AS (
                INSERT INTO articles (kind, slug, status, publish_at, featured, sectors, standards, committees, created_at, updated_at)
                VALUES ('News', 'cluster-digest', 'Published', now() - interval '1 hour', false, '{}', '{}', '{}', now(), now())
                RETURNING id)
            INSERT INTO article_versions (article_id, language, title, summary, body, updated_at)
            SELECT id, 'en', 'Two nodes, one digest', 'Each subscriber gets this once.', 'Each subscriber gets this once.', now() FROM article;
            """, conn);
        seed.Parameters.AddWithValue("subscribers", DigestSubscribers);
        await seed.ExecuteNonQueryAsync();
    }

    private static async Task TheDigestGoesOnceToEachSubscriberAcrossTheNodes(AppCluster cluster)
    {
        List<(string To, string Subject)> Digests() => SentMails(cluster).Where(m => m.To.StartsWith("digest", StringComparison.Ordinal)).ToList();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Digests().Count < DigestSubscribers)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {Digests().Count} of {DigestSubscribers} digests were sent within 30 s.");
            await Task.Delay(200);
        }
        // Both nodes ran the job at start; the second found the week's digest made and queued nothing.
        await Task.Delay(1500);
        var digests = Digests();
        Assert.Equal(DigestSubscribers, digests.Count);
        Assert.Equal(DigestSubscribers, digests.Select(d => d.To).Distinct().Count());
        await using var conn = new NpgsqlConnection(cluster.DirectConnectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM mailings WHERE kind = 'Digest' AND period_key LIKE 'digest:weekly:%'", conn);
        Assert.Equal(1L, (long)(await count.ExecuteScalarAsync())!);
    }

    private const int ExpiredCertificates = 40;

    /// <summary>Certificates whose expiry date has passed, for the expiry job both nodes run at start.</summary>
    private static async Task SeedExpiredCertificatesAsync(AppCluster cluster)
    {
        await using var conn = new NpgsqlConnection(cluster.DirectConnectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var seed = new NpgsqlCommand("""
            INSERT INTO certification_bodies (code, name, country) VALUES ('CB-CLUSTER', 'Cluster Certification', 'CH');
            INSERT INTO certified_organizations (name, country) VALUES ('Two Node Works', 'CH');
            INSERT INTO certificates (certification_body_id, number, organization_id, standards, scope, iaf_sectors, sites,
                initial_issue_date, issue_date, expiry_date, status, created_at, updated_at)
            SELECT (SELECT id FROM certification_bodies WHERE code = 'CB-CLUSTER'), 'CLUSTER-' || n, (SELECT id FROM certified_organizations WHERE name = 'Two Node Works'),
                ARRAY['ISO 9001:2015'], 'Making things', '{}', '[]', current_date - 1096, current_date - 1096, current_date - 1, 'Active', now(), now()
            FROM generate_series(1, @certificates) AS n;
            """, conn);
        seed.Parameters.AddWithValue("certificates", ExpiredCertificates);
        await seed.ExecuteNonQueryAsync();
    }

    private static async Task EachExpiredCertificateHasOneExpiryEvent(AppCluster cluster)
    {
        await using var conn = new NpgsqlConnection(cluster.DirectConnectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var query = new NpgsqlCommand("""
            SELECT (SELECT count(*) FROM certificates WHERE number LIKE 'CLUSTER-%' AND status = 'Expired'),
                   (SELECT count(*) FROM certificate_events e JOIN certificates c ON c.id = e.certificate_id WHERE c.number LIKE 'CLUSTER-%' AND e.kind = 'Expired')
            """, conn);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(ExpiredCertificates, reader.GetInt64(0));
        Assert.Equal(ExpiredCertificates, reader.GetInt64(1));
    }

    /// <summary>
    /// Verification answers are cached per node only while the database's notifications reach it; through
    /// PgBouncer in transaction mode they cannot, so neither node may show an answer older than the change.
    /// </summary>
    private static async Task AChangeToACertificateShowsOnBothNodesAtOnce(AppCluster cluster)
    {
        using var nodeA = new HttpClient { BaseAddress = cluster.NodeAddress("a") };
        using var nodeB = new HttpClient { BaseAddress = cluster.NodeAddress("b") };
        async Task<string> StatusAsync(HttpClient node)
        {
            using var json = System.Text.Json.JsonDocument.Parse(await node.GetStringAsync("/api/v1/certificates/verify?number=CLUSTER-1&cb=CB-CLUSTER"));
            return json.RootElement.GetProperty("certificates")[0].GetProperty("status").GetString()!;
        }
        foreach (var node in new[] { nodeA, nodeB, nodeA, nodeB })
        {
            Assert.Equal("Expired", await StatusAsync(node));
        }
        await using (var conn = new NpgsqlConnection(cluster.DirectConnectionString + ";Pooling=false"))
        {
            await conn.OpenAsync();
            await using var withdraw = new NpgsqlCommand("UPDATE certificates SET status = 'Withdrawn' WHERE number = 'CLUSTER-1'", conn);
            await withdraw.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        foreach (var node in new[] { nodeA, nodeB })
        {
            while (await StatusAsync(node) != "Withdrawn")
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{node.BaseAddress} still shows the certificate as it was before it was withdrawn.");
                await Task.Delay(50);
            }
        }
    }

    /// <summary>The address and subject of every mail the nodes wrote to the pickup folder.</summary>
    private static List<(string To, string Subject)> SentMails(AppCluster cluster) =>
        Directory.GetFiles(cluster.MailFolder, "*.eml").Select(f =>
        {
            var headers = File.ReadLines(f).TakeWhile(l => l.Length > 0).ToList();
            string Header(string name) => headers.FirstOrDefault(l => l.StartsWith(name + ": ", StringComparison.OrdinalIgnoreCase))?[(name.Length + 2)..].Trim() ?? "";
            return (Header("To").Trim('<', '>'), Header("Subject"));
        }).ToList();

    private async Task AKilledNodeCostsFewRequestsAndRejoins(AppCluster cluster)
    {
        // The first request of a page compiles it; a node in production is warmed the same way.
        foreach (var node in new[] { "a", "b" })
        {
            using var warm = new HttpClient { BaseAddress = cluster.NodeAddress(node) };
            Assert.Equal(HttpStatusCode.OK, (await warm.GetAsync("/")).StatusCode);
        }
        var results = new ConcurrentBag<(TimeSpan At, bool Ok, string? Node, string Error)>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        using var http = new HttpClient { BaseAddress = cluster.BalancerAddress, Timeout = TimeSpan.FromSeconds(5) };
        async Task ClientAsync()
        {
            while (!stop.IsCancellationRequested)
            {
                var at = clock.Elapsed;
                try
                {
                    using var response = await http.GetAsync("/");
                    await response.Content.ReadAsByteArrayAsync();
                    var node = response.Headers.TryGetValues("X-Normative-Node", out var n) ? n.Single() : null;
                    results.Add((at, response.StatusCode == HttpStatusCode.OK, node, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    results.Add((at, false, null, e.Message));
                }
            }
        }
        var clients = Enumerable.Range(0, 6).Select(_ => Task.Run(ClientAsync)).ToList();

        await Task.Delay(TimeSpan.FromSeconds(3));
        var killedAt = clock.Elapsed;
        cluster.KillNode("a");
        await Task.Delay(TimeSpan.FromSeconds(3));
        cluster.StartNode("a");
        await cluster.WaitUntilReadyAsync("a", StartTimeout);
        var readyAt = clock.Elapsed;
        // Node A rejoins once the balancer's checks pass again; then it serves its share.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!results.Any(r => r.At > readyAt && r.Node == "a"))
        {
            Assert.True(DateTime.UtcNow < deadline, "The restarted node was sent no request within 20 s of being ready.");
            await Task.Delay(100);
        }
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var all = results.ToList();
        var failed = all.Where(r => !r.Ok).ToList();
        output.WriteLine($"{all.Count} requests ({all.Count(r => r.Node == "a")} to a, {all.Count(r => r.Node == "b")} to b), {failed.Count} failed; node a killed at {killedAt.TotalSeconds:0.00} s, ready again at {readyAt.TotalSeconds:0.00} s");
        var failures = string.Join("\n", failed.Take(10).Select(f => $"{f.At.TotalSeconds:0.00} s: {f.Error}"));
        Assert.True(all.Count > 200, $"Only {all.Count} requests were made.");
        Assert.True(failed.Count * 100 < all.Count, $"{failed.Count} of {all.Count} requests failed (kill at {killedAt.TotalSeconds:0.00} s):\n{failures}");
        // The balancer notices within its checks (interval × fall); after that, nothing fails.
        var noticed = killedAt + TimeSpan.FromMilliseconds(AppCluster.CheckMilliseconds * (AppCluster.ChecksToChangeState + 1));
        Assert.True(failed.All(f => f.At < noticed), $"Requests failed after the balancer noticed (kill at {killedAt.TotalSeconds:0.00} s):\n{failures}");
        Assert.Contains(all, r => r.Ok && r.At > killedAt && r.At < readyAt && r.Node == "b");
    }
}
