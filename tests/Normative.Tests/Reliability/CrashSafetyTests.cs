using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Normative.Tests.Features.Certification;
using Npgsql;
using Xunit.Abstractions;

namespace Normative.Tests.Reliability;

/// <summary>
/// Crash tests in the spirit of Jepsen: concurrent writes of every kind that matters, the app killed
/// (SIGKILL) or its PostgreSQL server stopped in immediate mode in the middle, then a count: every
/// write the client saw acknowledged is in the database, nothing is there twice, the outbox sent
/// each mail once, the ballot reminder job did its work once, and the app started cleanly. The
/// same for a certificate import killed halfway: all of the file or none of it.
/// </summary>
public sealed class CrashSafetyTests(CrashRig rig, ITestOutputHelper output) : IClassFixture<CrashRig>
{
    private const int Writers = 24;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private void Step(string what) => output.WriteLine($"{_clock.Elapsed.TotalSeconds,6:0.0} s  {what}");

    private async Task EnsureAppAsync()
    {
        if (!rig.AppRunning)
        {
            rig.StartApp();
            await rig.WaitUntilReadyAsync(StartTimeout);
            Step("app started (Production, on its own PostgreSQL with fsync on)");
        }
    }

    [Fact]
    public async Task AnAppKilledMidRunLosesNoAcknowledgedWriteAndDoesNothingTwice()
    {
        await EnsureAppAsync();
        var load = await CrashLoad.PrepareAsync(rig, "71");
        Step($"set up: 4 ballots, 25 delegates, a certification body, a committee manager, 24 signed-in buyers");
        var atKill = 0;
        await load.RunAsync(Writers, crashAfter: 350, async () =>
        {
            load.Close();
            rig.KillApp();
            atKill = load.Acknowledged;
            Step($"app killed (SIGKILL) after {load.Sent} writes sent, {atKill} acknowledged");
            rig.StartApp();
            await rig.WaitUntilReadyAsync(StartTimeout);
            Step("app restarted and ready (/healthz/ready 200)");
            load.Open();
        });
        Assert.True(load.Acknowledged > atKill, "No write was acknowledged after the restart.");
        await ReportAsync("app killed", load);
    }

    [Fact]
    public async Task ADatabaseStoppedInImmediateModeMidRunLosesNoAcknowledgedWriteAndTheAppRecoversWithoutARestart()
    {
        await EnsureAppAsync();
        var load = await CrashLoad.PrepareAsync(rig, "72");
        Step("set up");
        var starts = rig.AppStarts;
        var atRestart = 0;
        await load.RunAsync(Writers, crashAfter: 350, async () =>
        {
            await rig.StopPostgresImmediatelyAsync();
            Step($"PostgreSQL stopped (-m immediate) after {load.Sent} writes sent, {load.Acknowledged} acknowledged");
            // Writes go on against the dead server for a moment: they must fail, not be acknowledged.
            await Task.Delay(1000);
            load.Close();
            var failed = load.Sent;
            await rig.StartPostgresAsync();
            atRestart = load.Acknowledged;
            Step($"PostgreSQL started again (crash recovery); {atRestart} writes acknowledged so far, {failed} sent");
            await rig.WaitUntilReadyAsync(StartTimeout);
            Step("the app answers /healthz/ready 200 again, without a restart");
            load.Open();
        });
        Assert.True(rig.AppRunning && rig.AppStarts == starts, "The app had to be restarted after the database came back.");
        Assert.True(load.Acknowledged > atRestart, "No write was acknowledged after PostgreSQL came back.");
        Step($"the app recovered without a restart: {load.Acknowledged - atRestart} writes acknowledged after PostgreSQL came back");
        await ReportAsync("PostgreSQL stopped", load);
    }

    private async Task ReportAsync(string crash, CrashLoad load)
    {
        var count = await load.CountAsync();
        var mail = await load.CountMailAsync(TimeSpan.FromSeconds(60));
        var reminders = await load.RemindersAsync(TimeSpan.FromSeconds(30));
        var byKind = string.Join(", ", load.Writes.GroupBy(w => w.Kind).OrderBy(g => g.Key)
            .Select(g => $"{g.Key.ToString().ToLowerInvariant()} {g.Count(w => w.Acknowledged)}/{g.Count()}"));
        var refused = string.Join(", ", load.Writes.Where(w => !w.Acknowledged).GroupBy(w => w.Outcome).OrderByDescending(g => g.Count()).Select(g => $"{g.Key} × {g.Count()}"));
        output.WriteLine($"""
            {crash}: writes sent {count.Sent}, acknowledged {count.Acknowledged} ({byKind} acknowledged/sent)
            {crash}: not acknowledged: {refused}
            {crash}: acknowledged and found after the crash {count.AcknowledgedFound}, lost {count.Lost}, duplicates {count.Duplicates}
            {crash}: mails expected {mail.Expected}, sent {mail.Sent}, sent twice {mail.Duplicates}
            {crash}: ballot reminder job: {reminders.Ballots} of 4 ballots reminded, {reminders.Mails} reminder mails, {reminders.Duplicates} sent twice
            """);
        var problems = count.Problems.Concat(mail.Problems).Concat(reminders.Problems).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
        Assert.Equal(count.Acknowledged, count.AcknowledgedFound);
        Assert.Equal(0, count.Duplicates);
        Assert.Equal(mail.Expected, mail.Sent);
        Assert.Equal(0, mail.Duplicates);
        Assert.Equal((4, 0), (reminders.Ballots, reminders.Duplicates));
        Assert.DoesNotContain("crit: ", rig.AppLog, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACertificateImportKilledHalfwayLeavesAllOrNothingAndFinishesWhenRunAgain()
    {
        const int rows = 100_000;
        var body = await rig.SetUp.CreateBodyAsync();
        var file = Path.Combine(Path.GetTempPath(), $"crash-import-{Guid.NewGuid():N}.csv");
        await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            await writer.WriteAsync(RegistryWorld.Csv());
            for (var i = 0; i < rows; i++)
            {
                await writer.WriteLineAsync(RegistryWorld.Row($"IMP-{i:D6}", body.Code, organization: $"Importer {i % 5000} Ltd"));
            }
        }
        Step($"wrote {rows:N0} certificates to a CSV file ({new FileInfo(file).Length / 1_000_000.0:0.0} MB)");
        try
        {
            var import = rig.StartCommand("import", "certificates", file);
            var copied = await WaitForCopyAsync(import, rows / 4);
            Assert.False(import.HasExited, $"The import finished before it could be killed; make the file bigger.\n{rig.AppLog}");
            import.Kill();
            await import.WaitForExitAsync();
            Step($"`normative import certificates` killed (SIGKILL) with {copied:N0} of {rows:N0} rows sent to PostgreSQL");
            await WaitForNoCopyAsync();
            var afterKill = await CertificatesOfAsync(body.Id);
            Step($"after the kill: {afterKill:N0} of the file's certificates in the registry");
            Assert.Equal(0, afterKill);

            var again = rig.StartCommand("import", "certificates", file);
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await again.WaitForExitAsync(timeout.Token);
            Assert.True(again.ExitCode == 0, $"The second import exited {again.ExitCode}:\n{rig.AppLog}");
            var afterRerun = await CertificatesOfAsync(body.Id);
            Step($"run again: exit code 0, {afterRerun:N0} of {rows:N0} certificates in the registry");
            Assert.Equal(rows, afterRerun);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Task<int> CertificatesOfAsync(int bodyId) => rig.SetUp.WithDbAsync(db => db.Certificates.CountAsync(c => c.CertificationBodyId == bodyId));

    /// <summary>Waits until PostgreSQL's progress view shows the import's COPY past <paramref name="tuples"/> rows.</summary>
    private async Task<long> WaitForCopyAsync(Process import, long tuples)
    {
        await using var conn = new NpgsqlConnection(rig.ConnectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var progress = new NpgsqlCommand("SELECT coalesce(max(tuples_processed), 0) FROM pg_stat_progress_copy", conn);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!import.HasExited && DateTime.UtcNow < deadline)
        {
            var copied = (long)(await progress.ExecuteScalarAsync())!;
            if (copied >= tuples)
            {
                return copied;
            }
            await Task.Delay(10);
        }
        return 0;
    }

    /// <summary>Waits until the killed import's server process has rolled back and gone.</summary>
    private async Task WaitForNoCopyAsync()
    {
        await using var conn = new NpgsqlConnection(rig.ConnectionString + ";Pooling=false");
        await conn.OpenAsync();
        await using var busy = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND query LIKE '%certificate_stage%'", conn);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await busy.ExecuteScalarAsync())! > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "The killed import's transaction was still open after 30 s.");
            await Task.Delay(50);
        }
    }
}
