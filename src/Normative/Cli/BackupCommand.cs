using System.CommandLine;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Mail;

namespace Normative.Cli;

/// <summary>`normative backup FILE` and `normative restore FILE [--replace]` (see Data/Backup).</summary>
public static class BackupCommand
{
    public static IEnumerable<Command> Create()
    {
        var file = new Argument<string>("FILE") { Description = "The backup file (a tar archive)." };
        var backup = new Command("backup", "Write the database (uploaded files included) and the mail pickup folder into FILE.") { file };
        backup.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sp, token) =>
        {
            var path = parse.GetRequiredValue(file);
            var summary = await Backup.CreateAsync(sp.GetRequiredService<NormativeDatabase>(), PickupDirectory(sp), path, token);
            await Console.Error.WriteLineAsync($"Backed up {summary.Tables} tables ({summary.Rows} rows) and {summary.Files} files into {path}.");
            return 0;
        }, ct, migrate: false));

        var restoreFile = new Argument<string>("FILE") { Description = "A file written by 'normative backup'." };
        var replace = new Option<bool>("--replace") { Description = "Replace a database that already holds data (what it holds is saved beside FILE first)." };
        var restore = new Command("restore", "Restore a backup into an empty database (stop the site first).") { restoreFile, replace };
        restore.SetAction((parse, ct) => CliHost.RunAsync(parse, async (sp, token) =>
        {
            var path = parse.GetRequiredValue(restoreFile);
            var database = sp.GetRequiredService<NormativeDatabase>();
            var savedTo = Path.GetFullPath(path) + ".replaced-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            var summary = await Backup.RestoreAsync(database, PickupDirectory(sp), path, parse.GetValue(replace), savedTo,
                m => Console.Error.WriteLine(m), token);
            // A backup from an older version is brought up to this version's schema.
            var applied = await new Migrator(database.DataSource, sp.GetRequiredService<ILogger<Migrator>>()).MigrateAsync(token);
            await Console.Error.WriteLineAsync($"Restored {summary.Tables} tables ({summary.Rows} rows, counts checked) and {summary.Files} files from {path}" +
                (applied.Count > 0 ? $"; {applied.Count} newer migrations applied." : "."));
            return 0;
        }, ct, migrate: false));
        return [backup, restore];
    }

    private static string PickupDirectory(IServiceProvider sp) =>
        PickupMailSender.PickupDirectoryFor(sp.GetRequiredService<IOptions<MailSettings>>().Value, sp.GetRequiredService<IConfiguration>());
}
