using System.CommandLine;
using System.Globalization;

namespace Normative.Cli.Demo;

/// <summary>
/// What <c>normative demo generate</c> can write, one entry per feature: an option giving how many
/// records to make, the default file name, and the writer. A feature adds its generator here (one
/// line); with one kind asked for, --out is the file; with several, --out is a folder and each file
/// gets its default name.
/// </summary>
public static class DemoGenerators
{
    public sealed record Generator(string Option, string Description, string DefaultFileName, Func<int, int, Stream, CancellationToken, Task> WriteAsync);

    public static readonly IReadOnlyList<Generator> All =
    [
        new("--deliverables", "Deliverables in ISO's open-data shape (JSON Lines), e.g. 80000.", "deliverables.jsonl",
            (count, seed, stream, ct) => new DeliverableGenerator(seed).WriteJsonLinesAsync(stream, count, ct)),
        new("--certificates", "Certificates in the registry's upload format (CSV), e.g. 3000000.", "certificates.csv",
            CertificationDemo.WriteGeneratedAsync),
    ];

    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "The file to write (a folder when several kinds are generated).", Required = true };
        var seed = new Option<int>("--seed") { Description = "The same seed gives the same data (default 1).", DefaultValueFactory = _ => 1 };
        var command = new Command("generate", "Write a realistic generated data set to a file, for load tests and benchmarks (no database needed).") { output, seed };
        var counts = All.Select(g =>
        {
            var option = new Option<int?>(g.Option) { Description = g.Description };
            command.Options.Add(option);
            return (g, option);
        }).ToList();
        command.SetAction(async (parse, ct) =>
        {
            if (!Cli.CliHost.CheckTokens(parse, Console.Error))
            {
                return 1;
            }
            var asked = counts.Where(c => parse.GetValue(c.option) is not null).Select(c => (c.g, Count: parse.GetValue(c.option)!.Value)).ToList();
            if (asked.Count == 0)
            {
                await Console.Error.WriteLineAsync($"normative demo generate: say what to generate: {string.Join(", ", All.Select(g => g.Option + " N"))}.");
                return 1;
            }
            if (asked.FirstOrDefault(a => a.Count is < 0 or > 10_000_000) is { g: not null } bad)
            {
                await Console.Error.WriteLineAsync($"normative demo generate: {bad.g.Option} must be between 0 and 10000000.");
                return 1;
            }
            var target = parse.GetValue(output)!;
            try
            {
                if (asked.Count > 1)
                {
                    Directory.CreateDirectory(target);
                }
                foreach (var (generator, count) in asked)
                {
                    var path = asked.Count > 1 ? Path.Combine(target, generator.DefaultFileName) : target;
                    var clock = System.Diagnostics.Stopwatch.StartNew();
                    await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                    {
                        await generator.WriteAsync(count, parse.GetValue(seed), file, ct);
                    }
                    Console.WriteLine($"Wrote {count.ToString("N0", CultureInfo.InvariantCulture)} {generator.Option.TrimStart('-')} to {path} in {clock.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"normative demo generate: cannot write {target}: {e.Message}");
                return 1;
            }
            return 0;
        });
        return command;
    }
}
