using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Normative.Data;
using Normative.Features.Certification.Registry;
using Npgsql;

namespace Normative.Tests.Features.Certification.Registry;

public class ExpiryJobTests(CertificationFactory factory) : IClassFixture<CertificationFactory>
{
    /// <summary>Writes a certificate directly, as the job finds it on the day after an upload.</summary>
    private async Task<long> CertificateAsync(CertificationBody body, string number, CertificateStatus status, DateOnly expiry) =>
        await factory.WithDbAsync(async db =>
        {
            var organization = new CertifiedOrganization { Name = "Expiring " + number, Country = "GB" };
            db.CertifiedOrganizations.Add(organization);
            await db.SaveChangesAsync();
            var certificate = new Certificate
            {
                CertificationBodyId = body.Id, Number = number, OrganizationId = organization.Id, Standards = ["ISO 9001:2015"], Scope = "Widgets",
                InitialIssueDate = expiry.AddYears(-3), IssueDate = expiry.AddYears(-3), ExpiryDate = expiry, Status = status,
                CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
            };
            db.Certificates.Add(certificate);
            await db.SaveChangesAsync();
            return certificate.Id;
        });

    /// <summary>One run of the job by the app whose services these are, as its worker would run it.</summary>
    private static async Task<int?> RunOnceAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await CertificateExpiry.RunOnceAsync(scope.ServiceProvider.GetRequiredService<NormativeDb>(), DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task ActiveAndSuspendedCertificatesExpireOnTheirExpiryDateWithAHistoryEvent()
    {
        var body = await factory.CreateBodyAsync();
        var today = RegistryWorld.Today;
        var dueToday = await CertificateAsync(body, "EX-1", CertificateStatus.Active, today);
        var dueLongAgo = await CertificateAsync(body, "EX-2", CertificateStatus.Suspended, today.AddDays(-40));
        var tomorrow = await CertificateAsync(body, "EX-3", CertificateStatus.Active, today.AddDays(1));
        var withdrawn = await CertificateAsync(body, "EX-4", CertificateStatus.Withdrawn, today.AddDays(-1));

        Assert.True(await RunOnceAsync(factory.Services) >= 2);

        var statuses = await factory.WithDbAsync(db => db.Certificates.Where(c => c.CertificationBodyId == body.Id).ToDictionaryAsync(c => c.Id, c => c.Status));
        Assert.Equal(CertificateStatus.Expired, statuses[dueToday]);
        Assert.Equal(CertificateStatus.Expired, statuses[dueLongAgo]);
        Assert.Equal(CertificateStatus.Active, statuses[tomorrow]);
        Assert.Equal(CertificateStatus.Withdrawn, statuses[withdrawn]);

        var events = await factory.WithDbAsync(db => db.CertificateEvents.Where(e => e.CertificateId == dueLongAgo || e.CertificateId == dueToday).ToListAsync());
        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal((CertificateEventKind.Expired, CertificateStatus.Expired, CertificateExpiry.Actor), (e.Kind, e.ToStatus, e.By)));
        Assert.Contains(events, e => e.FromStatus == CertificateStatus.Suspended);

        // Running again changes nothing and writes no more history.
        Assert.Equal(0, await RunOnceAsync(factory.Services));
        Assert.Equal(2, await factory.WithDbAsync(db => db.CertificateEvents.CountAsync(e => e.CertificateId == dueLongAgo || e.CertificateId == dueToday)));
    }

    [Fact]
    public async Task AnotherInstanceHoldingTheLockMakesThisOneSkip()
    {
        var body = await factory.CreateBodyAsync();
        var due = await CertificateAsync(body, "LK-1", CertificateStatus.Active, RegistryWorld.Today.AddDays(-1));
        await using (var other = new NpgsqlConnection(factory.ConnectionString))
        {
            await other.OpenAsync();
            await using var tx = await other.BeginTransactionAsync();
            await using (var take = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({RegistryLock.Key})", other, tx))
            {
                await take.ExecuteNonQueryAsync();
            }
            Assert.Null(await RunOnceAsync(factory.Services));
            Assert.Equal(CertificateStatus.Active, await factory.WithDbAsync(db => Task.FromResult(db.Certificates.Single(c => c.Id == due).Status)));
        }
        Assert.True(await RunOnceAsync(factory.Services) >= 1);
        Assert.Equal(CertificateStatus.Expired, await factory.WithDbAsync(db => Task.FromResult(db.Certificates.Single(c => c.Id == due).Status)));
    }

    [Fact]
    public async Task TwoInstancesRunningAtOnceExpireEachCertificateOnce()
    {
        var body = await factory.CreateBodyAsync();
        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await CertificateAsync(body, "TW-" + i, CertificateStatus.Active, RegistryWorld.Today.AddDays(-2)));
        }
        await using var second = new SameDatabaseFactory(factory.ConnectionString);
        await Task.WhenAll(RunOnceAsync(factory.Services), RunOnceAsync(second.Services), RunOnceAsync(factory.Services));
        var events = await factory.WithDbAsync(db => db.CertificateEvents.Where(e => ids.Contains(e.CertificateId)).GroupBy(e => e.CertificateId).Select(g => g.Count()).ToListAsync());
        Assert.Equal(30, events.Count);
        Assert.All(events, count => Assert.Equal(1, count));
    }

    [Fact]
    public void TheJobIsOffWhenConfiguredOff() =>
        Assert.DoesNotContain(factory.Services.GetServices<IHostedService>(), s => s is CertificateExpiryWorker);

    [Fact]
    public async Task TheJobRunsByItselfWhenOn()
    {
        var body = await factory.CreateBodyAsync();
        var due = await CertificateAsync(body, "ON-1", CertificateStatus.Active, RegistryWorld.Today.AddDays(-3));
        await using var running = new JobOnFactory(factory.ConnectionString);
        Assert.Contains(running.Services.GetServices<IHostedService>(), s => s is CertificateExpiryWorker);
        for (var i = 0; i < 100 && await factory.WithDbAsync(db => Task.FromResult(db.Certificates.Single(c => c.Id == due).Status)) != CertificateStatus.Expired; i++)
        {
            await Task.Delay(100);
        }
        Assert.Equal(CertificateStatus.Expired, await factory.WithDbAsync(db => Task.FromResult(db.Certificates.Single(c => c.Id == due).Status)));
    }

    private sealed class JobOnFactory(string connectionString) : Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:Normative", connectionString);
            builder.UseSetting("Normative:DataDirectory", Path.Combine(Path.GetTempPath(), "normative-job-" + Guid.NewGuid().ToString("N")[..8]));
            builder.UseSetting("Mail:Worker", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Certification:ExpiryJob:Enabled", "true");
        }
    }
}
