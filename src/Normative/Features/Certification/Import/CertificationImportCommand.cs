using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Localization;
using Normative.Cli;
using Normative.Data;
using Spectre.Console;

namespace Normative.Features.Certification.Import;

/// <summary>
/// `normative import certificates FILE.csv [--all-or-nothing]`, for administrators: any body's
/// certificates, no row limit. Exit 0 when every row loaded, 2 when some were rejected (listed on
/// stderr with their line), 1 when the file could not be loaded at all.
/// </summary>
public static class CertificationImportCommand
{
    public const int AllLoaded = 0;
    public const int Failure = 1;
    public const int SomeRejected = 2;

    /// <summary>`import certificates FILE.csv`: a subcommand of `import` (see NormativeCli).</summary>
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A CSV file with the header " + CertificateCsv.HeaderLine };
        var allOrNothing = new Option<bool>("--all-or-nothing") { Description = "Load nothing if any row is bad." };
        var certificates = new Command("certificates", "Load or update certificates from a CSV file (upsert by certification body and number).") { file, allOrNothing };
        certificates.SetAction((parse, ct) => CliHost.RunAsync(parse, (sp, token) => RunAsync(sp, parse.GetValue(file)!, parse.GetValue(allOrNothing), token), ct));
        return certificates;
    }

    private static async Task<int> RunAsync(IServiceProvider sp, string path, bool allOrNothing, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"normative import certificates: {path} does not exist.");
            return Failure;
        }
        // The command line has no request to inject into: CliHost hands over the services of a scope of its own.
        var db = sp.GetRequiredService<NormativeDb>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        var t = sp.GetRequiredService<IStringLocalizer<CertificationText>>();
        var clock = Stopwatch.StartNew();
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        var options = new ImportOptions { Source = "cli", Actor = "command line", FileName = Path.GetFileName(path), AllOrNothing = allOrNothing };
        ImportResult result;
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            result = await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
            {
                var task = ctx.AddTask("Loading certificates", maxValue: stream.Length);
                var r = await CertificateImport.RunCsvAsync(db, stream, options with { Progress = _ => task.Value = stream.Position }, now, null, ct);
                task.Value = task.MaxValue;
                return r;
            });
        }
        else
        {
            result = await CertificateImport.RunCsvAsync(db, stream, options, now, null, ct);
        }

        if (result.FileProblem is { } file)
        {
            await Console.Error.WriteLineAsync($"normative import certificates: {ImportMessages.Describe(t, file)} Nothing was loaded.");
            return Failure;
        }
        foreach (var p in result.Problems)
        {
            await Console.Error.WriteLineAsync(ImportMessages.Describe(t, p));
        }
        if (result.Rejected > result.Problems.Count)
        {
            await Console.Error.WriteLineAsync($"… and {result.Rejected - result.Problems.Count:N0} more rejected rows.");
        }
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{ImportMessages.Summary(t, result)} ({seconds:F1} s, {result.TotalRows / Math.Max(seconds, 0.001):N0} rows/s)");
        return result.AllLoaded ? AllLoaded : SomeRejected;
    }
}
