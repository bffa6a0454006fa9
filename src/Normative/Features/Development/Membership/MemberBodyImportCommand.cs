using System.CommandLine;
using Microsoft.Extensions.Localization;
using Normative.Cli;
using Normative.Data;

namespace Normative.Features.Development.Membership;

/// <summary>
/// `normative import members FILE` (.csv, or .jsonl / .ndjson for JSON Lines). Exit 0 when every line
/// loaded, 2 when some were refused (each on stderr with its line number), 1 when nothing could be read.
/// </summary>
public static class MemberBodyImportCommand
{
    public const int AllLoaded = 0;
    public const int Failure = 1;
    public const int SomeRejected = 2;

    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "CSV with the header " + string.Join(",", MemberBodyImport.Columns) + ", or JSON Lines (.jsonl) with the same names in camelCase" };
        var members = new Command("members", "Create or update member bodies (one per country) from a CSV or JSON Lines file.") { file };
        members.SetAction((parse, ct) => CliHost.RunAsync(parse, (sp, token) => RunAsync(sp, parse.GetValue(file)!, token), ct));
        return members;
    }

    private static async Task<int> RunAsync(IServiceProvider sp, string path, CancellationToken ct)
    {
        if (!File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"normative import members: {path} does not exist.");
            return Failure;
        }
        // The command line has no request to inject into: CliHost hands over the services of a scope of its own.
        var db = sp.GetRequiredService<NormativeDb>();
        var t = sp.GetRequiredService<IStringLocalizer<DevelopmentText>>();
        var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
        List<MemberBodyImportLine> lines;
        if (Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson")
        {
            using var reader = new StreamReader(path);
            lines = MemberBodyImport.ReadJsonLines(reader);
        }
        else
        {
            await using var stream = File.OpenRead(path);
            lines = MemberBodyImport.ReadCsv(stream);
        }
        var result = await MemberBodyImport.LoadAsync(db, lines, null, now, ct);
        foreach (var r in result.Refused)
        {
            await Console.Error.WriteLineAsync($"{Path.GetFileName(path)}:{r.Line}: {t[r.ProblemKey!, r.ProblemArgs ?? []]} Nothing was loaded from this line.");
        }
        Console.WriteLine(t["Import.Member.Summary", result.Created, result.Updated, result.Refused.Count].Value);
        return result.Refused.Count == 0 ? AllLoaded : result.Created + result.Updated == 0 ? Failure : SomeRejected;
    }
}
