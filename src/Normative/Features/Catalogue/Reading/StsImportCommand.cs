using System.CommandLine;
using Normative.Cli;
using Normative.Data;
using Npgsql;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// <c>normative import sts FILE... [--create]</c>: loads STS texts, each attached to the deliverable
/// its identifier names, in its language, with their graphics: from a .zip package, or the files
/// beside the XML that its xlink:href attributes name. Each file is its own transaction: one that fails is
/// reported with its file and line and leaves nothing behind, and the others still load.
/// Exit 0 when every file loaded, 2 when some failed, 1 when none loaded.
/// </summary>
public static class StsImportCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "STS XML files (ISO STS or NISO STS), or .zip packages of one such file and its graphics.", Arity = ArgumentArity.OneOrMore };
        var create = new Option<bool>("--create") { Description = "Make a catalogue record for an identifier that matches no deliverable." };
        var sts = new Command("sts", "Load the full texts of standards from STS XML (ISO STS, NISO STS): clauses, tables, formulas, terms and definitions.") { files, create };
        sts.SetAction((parse, ct) =>
        {
            // FILE... also takes in --Key=value settings; they configure the command, they are not files.
            var paths = CliHost.Values(parse, files);
            if (paths.Length == 0)
            {
                Console.Error.WriteLine("normative import sts: name at least one STS XML file.");
                return Task.FromResult(1);
            }
            return CliHost.RunAsync(parse, (sp, token) => RunAsync(sp.GetRequiredService<NormativeDb>(), sp.GetRequiredService<TimeProvider>(),
                paths, parse.GetValue(create), token), ct);
        });
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
                var zip = path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
                var limit = zip ? StsPackage.MaxUnpackedBytes : StsXml.MaxBytes;
                if (new FileInfo(path).Length > limit)
                {
                    throw new StsFormatException(path, 0, $"the file is larger than the {limit / (1024 * 1024)} MB {(zip ? "a package" : "an STS text")} may have");
                }
                StsPackage package;
                if (zip)
                {
                    await using var stream = File.OpenRead(path);
                    package = StsPackage.FromZip(path, stream);
                }
                else
                {
                    package = StsPackage.Beside(path, await File.ReadAllBytesAsync(path, ct));
                }
                var r = await StsImport.ImportAsync(db, package, new StsImportOptions(Create: create, By: "command line"), clock.GetUtcNow(), ct);
                foreach (var problem in r.Problems)
                {
                    await Console.Error.WriteLineAsync($"{path}: {problem}; the reader shows its name in its place");
                }
                var what = r.Kind switch
                {
                    StsImportKind.Added => "added",
                    StsImportKind.Replaced => "replaced",
                    _ => "unchanged",
                };
                Console.WriteLine($"{path}: {what}: {r.DeliverableReference}{(r.DeliverableCreated ? " (new record)" : "")} in {r.Language} ({r.Publisher}), {r.Clauses} clauses, {r.Terms} terms, {r.Graphics} graphics");
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
