using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Certification.Verification;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Certification.Verification;

/// <summary>
/// Verification answers are kept in memory, and a change to the registry shows on the next
/// verification whether it was made on this node (through the app) or anywhere else (raw SQL on the
/// database, as another node or a psql session writes).
/// </summary>
public class VerificationCacheTests(CertificationFactory factory) : IClassFixture<CertificationFactory>
{
    private async Task ListeningAsync()
    {
        factory.CreateClient();
        var cache = factory.Services.GetRequiredService<VerificationCache>();
        var clock = Stopwatch.StartNew();
        while (!cache.IsActive)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "The registry's change listener never connected.");
            await Task.Delay(50);
        }
    }

    private static async Task<(JsonElement Json, int Commands)> VerifyAsync(HttpClient client, string number)
    {
        var (response, commands) = await SqlCommands.GetAsync(client, $"/api/v1/certificates/verify?number={number}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement, commands.Count);
    }

    private static string Status(JsonElement json) => json.GetProperty("certificates")[0].GetProperty("status").GetString()!;

    /// <summary>Verifies until the answer shows <paramref name="status"/>; a notification takes milliseconds, five seconds is the limit.</summary>
    private static async Task ShowsWithinSecondsAsync(HttpClient client, string number, string status)
    {
        var clock = Stopwatch.StartNew();
        string seen;
        while ((seen = Status((await VerifyAsync(client, number)).Json)) != status)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{number} still shows {seen}, not {status}, {clock.Elapsed.TotalSeconds:0.0} s after the change.");
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Asks until the answer comes from memory (no SQL). The notification of the test's own write to the
    /// registry may arrive just after the first answer was kept and empty the cache once more.
    /// </summary>
    private static async Task<JsonElement> KeptAsync(HttpClient client, string number)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (json, commands) = await VerifyAsync(client, number);
            if (commands == 0)
            {
                return json;
            }
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"{number} is still read from the database on every verification.");
        }
    }

    [Fact]
    public async Task AVerificationAskedAgainIsAnsweredFromMemoryWithTheSameVerdict()
    {
        await ListeningAsync();
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("VC-1", body.Code, organization: "Kept Answers Ltd")));
        var client = factory.CreateClient();

        var (first, firstCommands) = await VerifyAsync(client, "VC-1");
        var second = await KeptAsync(client, "VC-1");
        Assert.True(firstCommands > 0);
        Assert.Equal(first.GetProperty("message").GetString(), second.GetProperty("message").GetString());
        Assert.Equal("Kept Answers Ltd", second.GetProperty("certificates")[0].GetProperty("organization").GetProperty("name").GetString());
        // The time of the check is the request's own, not the kept answer's.
        Assert.True(second.GetProperty("checkedAt").GetDateTimeOffset() >= first.GetProperty("checkedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task TheCacheCountsItsHitsAndMissesForTheMetrics()
    {
        await ListeningAsync();
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("VC-5", body.Code)));
        var client = factory.CreateClient();
        // Only this host's meter: every test host in the process has a "Normative" meter of the same name
        // (which is also why /metrics, merged by name across hosts, is not read here).
        var scope = factory.Services.GetRequiredService<IMeterFactory>();
        long hits = 0, misses = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == scope && instrument.Name.StartsWith("normative.verification.cache.", StringComparison.Ordinal))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name.EndsWith(".hits", StringComparison.Ordinal))
            {
                Interlocked.Add(ref hits, value);
            }
            else if (instrument.Name.EndsWith(".misses", StringComparison.Ordinal))
            {
                Interlocked.Add(ref misses, value);
            }
        });
        listener.Start();

        await VerifyAsync(client, "VC-5");
        Assert.True(Interlocked.Read(ref misses) >= 1, "The first verification was not counted as read from the database.");
        await KeptAsync(client, "VC-5");
        Assert.True(Interlocked.Read(ref hits) >= 1, "The verification answered from memory was not counted.");
    }

    [Fact]
    public async Task AStatusChangeThroughTheAppShowsOnTheVeryNextVerification()
    {
        await ListeningAsync();
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("VC-2", body.Code)));
        var client = factory.CreateClient();
        Assert.Equal("Active", Status((await VerifyAsync(client, "VC-2")).Json));
        await KeptAsync(client, "VC-2");

        // An upload through the app (the import's own transaction) and an edit saved through the DbContext.
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("VC-2", body.Code, status: "Suspended")));
        Assert.Equal("Suspended", Status((await VerifyAsync(client, "VC-2")).Json));
        await factory.WithDbAsync(async db =>
        {
            var certificate = await db.Certificates.SingleAsync(c => c.Number == "VC-2" && c.CertificationBodyId == body.Id);
            certificate.Status = Normative.Features.Certification.Registry.CertificateStatus.Withdrawn;
            return await db.SaveChangesAsync();
        });
        Assert.Equal("Withdrawn", Status((await VerifyAsync(client, "VC-2")).Json));
    }

    [Fact]
    public async Task AChangeMadeOutsideThisNodeShowsWithinMoments()
    {
        await ListeningAsync();
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("VC-3", body.Code)));
        var client = factory.CreateClient();
        Assert.Equal("Active", Status((await VerifyAsync(client, "VC-3")).Json));
        await KeptAsync(client, "VC-3");

        // Raw SQL tells this node nothing: only the database's notification can.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE certificates SET status = 'Suspended' WHERE number = 'VC-3' AND certification_body_id = {body.Id}"));
        await ShowsWithinSecondsAsync(client, "VC-3", "Suspended");
    }

    [Fact]
    public async Task AListenerThatLosesItsConnectionComesBackAndNothingOldIsServed()
    {
        await ListeningAsync();
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("VC-4", body.Code)));
        var client = factory.CreateClient();
        Assert.Equal("Active", Status(await KeptAsync(client, "VC-4")));
        var cache = factory.Services.GetRequiredService<VerificationCache>();

        // The database drops the listener's connection (a restart, a failover, a network cut).
        await factory.WithDbAsync(db => db.Database.SqlQuery<bool>($"SELECT pg_terminate_backend(pid) AS \"Value\" FROM pg_stat_activity WHERE application_name = 'normative-registry-listener' AND datname = current_database()").ToListAsync());
        var clock = Stopwatch.StartNew();
        while (cache.IsActive)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), "The cache went on keeping answers after its listener lost the connection.");
            await Task.Delay(20);
        }
        // A change while nobody listens shows on the very next verification: nothing old is served meanwhile.
        await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE certificates SET status = 'Withdrawn' WHERE number = 'VC-4' AND certification_body_id = {body.Id}"));
        Assert.Equal("Withdrawn", Status((await VerifyAsync(client, "VC-4")).Json));
        // And answers are kept again once it is back.
        await ListeningAsync();
        await KeptAsync(client, "VC-4");
    }
}
