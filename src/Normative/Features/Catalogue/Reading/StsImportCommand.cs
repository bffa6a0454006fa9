using System.CommandLine;
using Normative.Cli;
using Normative.Data;
using Npgsql;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// <c>normative import sts FILE... [--create]</c>: loads STS texts, each attached to the deliverable
/// its identifier names, in its language. Each file is its own transaction: one that fails is
/// reported with its file and line and leaves nothing behind, and the others still load.
/// Exit 0 when every file loaded, 2 when some failed, 1 when none loaded.
/// </summary>
public static class StsImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "STS XML files (ISO STS or NISO STS).", Arity = ArgumentArity.OneOrMore };
        var create = new Option<bool>("--create") { Description = "Make a catalogue record for an identifier that matches no deliverable." };
        var sts = new Command("sts", "Load the full texts of standards from STS XML (ISO STS, NISO STS): clauses, tables, formulas, terms and definitions.") { files, create };
        sts.SetAction((parse, ct) => CliHost.RunAsync(parse, (sp, token) => RunAsync(sp.GetRequiredService<NormativeDb>(), sp.GetRequiredService<TimeProvider>(),
            [.. parse.GetValue(files)!.Where(f => !CliHost.IsConfiguration(f))], parse.GetValue(create), token), ct));
        return sts;
    }

    // The command line has no request to inject into: Create, the composition root, takes what this
    // needs from the scope CliHost opens and passes it in.
    private static async Task<int> RunAsync(NormativeDb db, TimeProvider clock, string[] paths, bool create, CancellationToken ct)
    {
        int loaded = 0, failed = 0;
        foreach (var path in paths)
        {
            try
            {
                if (!File.Exists(path))
                {
                    throw new StsFormatException(path, 0, "no such file");
                }
                if (new FileInfo(path).Length > StsXml.MaxBytes)
                {
                    throw new StsFormatException(path, 0, $"the file is larger than the {StsXml.MaxBytes / (1024 * 1024)} MB an STS text may have");
                }
                var bytes = await File.ReadAllBytesAsync(path, ct);
                var r = await StsImport.ImportAsync(db, path, bytes, new StsImportOptions(Create: create, By: "command line"), clock.GetUtcNow(), ct);
                var what = r.Kind switch
                {
                    StsImportKind.Added => "added",
                    StsImportKind.Replaced => "replaced",
                    _ => "unchanged",
                };
                Console.WriteLine($"{path}: {what}: {r.DeliverableReference}{(r.DeliverableCreated ? " (new record)" : "")} in {r.Language} ({r.Publisher}), {r.Clauses} clauses, {r.Terms} terms");
                loaded++;
            }
            catch (StsFormatException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                failed++;
            }
            catch (StsNoDeliverableException e)
            {
                await Console.Error.WriteLineAsync($"{e.Message}; --create makes the record");
                failed++;
            }
            catch (PostgresException e)
            {
                await Console.Error.WriteLineAsync($"{path}: the database refused the text, nothing of it was written: {e.MessageText}");
                failed++;
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        Console.WriteLine($"{loaded} loaded, {failed} failed.");
        return failed == 0 ? 0 : loaded == 0 ? 1 : 2;
    }
}
