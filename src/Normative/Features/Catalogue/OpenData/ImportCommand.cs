using System.CommandLine;
using Normative.Cli;
using Npgsql;
using Spectre.Console;

namespace Normative.Features.Catalogue.OpenData;

/// <summary>
/// <c>normative import deliverables|committees|ics FILE</c>: loads an open-data file (JSON Lines or
/// CSV, optionally .gz). Bad lines go to stderr with their line number and reason; the summary to
/// stdout. Exit 0 when every line loaded, 2 when some were rejected, 1 when nothing could be imported.
/// </summary>
public static class ImportCommand
{
    private delegate Task<ImportResult> Run(CatalogueImporter importer, ImportSource source, TextWriter problems, Action<long, long>? progress, CancellationToken ct);

    public static Command Create()
    {
        var import = new Command("import", "Load data files: the catalogue's open data (JSON Lines or CSV in the shape of ISO's open data) and certificates. Exit 0: all loaded; 2: some lines rejected; 1: nothing imported.");
        import.Subcommands.Add(Kind("deliverables", "Load deliverables (iso_deliverables_metadata). Committees they name are created if missing.",
            (i, s, p, progress, ct) => i.ImportDeliverablesAsync(s, p, progress, ct)));
        import.Subcommands.Add(Kind("committees", "Load technical committees (iso_technical_committees).",
            (i, s, p, progress, ct) => i.ImportCommitteesAsync(s, p, progress, ct)));
        import.Subcommands.Add(Kind("ics", "Load ICS codes (code, parent, title, notes; or ISO's CSV with identifier, titleEn, titleFr).",
            (i, s, p, progress, ct) => i.ImportIcsAsync(s, p, progress, ct)));
        return import;
    }

    private static Command Kind(string name, string description, Run run)
    {
        var file = new Argument<string>("FILE") { Description = "A .jsonl or .csv file (also .gz)." };
        var command = new Command(name, description) { file };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"normative import {name}: cannot read {path}: no such file.");
                return ImportResult.Failed;
            }
            return await CliHost.RunAsync(parse, async (sp, token) =>
            {
                var importer = sp.GetRequiredService<CatalogueImporter>();
                try
                {
                    using var source = ImportSource.Open(path);
                    var result = await WithProgressAsync(name, (problems, progress, t) => run(importer, source, problems, progress, t), token);
                    Console.WriteLine(result.Summary());
                    if (result.Inserted + result.Updated > 0)
                    {
                        foreach (var after in sp.GetServices<ICatalogueImported>())
                        {
                            if (await after.AfterImportAsync(result, token) is { } line)
                            {
                                Console.WriteLine(line);
                            }
                        }
                    }
                    return result.ExitCode;
                }
                catch (ImportFormatException e)
                {
                    await Console.Error.WriteLineAsync($"normative import {name}: {e.Message}");
                    return ImportResult.Failed;
                }
                catch (PostgresException e)
                {
                    await Console.Error.WriteLineAsync($"normative import {name}: the database refused the import, nothing was imported: {e.MessageText}");
                    return ImportResult.Failed;
                }
            }, ct);
        });
        return command;
    }

    private static async Task<ImportResult> WithProgressAsync(string name, Func<TextWriter, Action<long, long>?, CancellationToken, Task<ImportResult>> work, CancellationToken ct)
    {
        if (Console.IsOutputRedirected || Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await work(Console.Error, null, ct);
        }
        // On a terminal the bar owns the screen; rejected lines are printed once it is done.
        using var problems = new StringWriter();
        ImportResult? result = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask($"Importing {name}", maxValue: 1);
                result = await work(problems, (done, total) => task.Value = total > 0 ? Math.Min(1, (double)done / total) : 0, ct);
                task.Value = 1;
            });
        await Console.Error.WriteAsync(problems.ToString());
        return result!;
    }
}
