using System.Diagnostics;
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

    /// <summary>The cache's hits and misses so far, as an administrator reads them at /metrics.</summary>
    private static async Task<(long Hits, long Misses)> CountsAsync(HttpClient admin)
    {
        var text = await admin.GetStringAsync("/metrics");
        long Value(string name)
        {
            var line = text.Split('\n').SingleOrDefault(l => l.StartsWith(name + " ", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[(name.Length + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        }
        return (Value("normative_verification_cache_hits_total"), Value("normative_verification_cache_misses_total"));
    }

    [Fact]
    public async Task AnAdministratorSeesHowManyVerificationsTheCacheAnswered()
    {
        await ListeningAsync();
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("VC-5", body.Code)));
        var (admin, _) = await factory.SignInAsAsync("Administrator");
        var client = factory.CreateClient();
        var before = await CountsAsync(admin);

        await VerifyAsync(client, "VC-5");
        await KeptAsync(client, "VC-5");

        var after = await CountsAsync(admin);
        Assert.True(after.Misses > before.Misses, $"misses {before.Misses} -> {after.Misses}");
        Assert.True(after.Hits > before.Hits, $"hits {before.Hits} -> {after.Hits}");
        Assert.Contains("normative_verification_cache_entries", await admin.GetStringAsync("/metrics"), StringComparison.Ordinal);
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
