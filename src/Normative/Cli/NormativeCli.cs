using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Web;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Certification;

namespace Normative.Cli;

/// <summary>
/// The `normative` command line. With no command it serves the site; other commands work on the
/// same database. Tokens of the form --Key=value set configuration for any command.
/// </summary>
public static class NormativeCli
{
    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> build)
    {
        CliHost.UseBuilder(build);
        var root = new RootCommand("Normative: the web site, API and tools of a standards body. With no command, serves the site.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        var urls = new Option<string?>("--urls") { Description = "Addresses to listen on, e.g. http://localhost:5080" };
        root.Options.Add(urls);
        root.SetAction((parse, ct) => ServeAsync(parse, args, build, ct));

        root.Subcommands.Add(Command("migrate", "Apply the database migrations and exit.", async (sp, ct) =>
        {
            // Starting the database has applied the migrations; report where the schema stands.
            var db = sp.GetRequiredService<NormativeDb>();
            var count = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM schema_migrations").SingleAsync(ct);
            Console.WriteLine($"The database is up to date ({count} migrations applied).");
            return 0;
        }));
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(RefsCommand.Create());
        var import = ImportCommand.Create();                    // import deliverables | committees | ics
        import.Subcommands.Add(CertificationImportCommand.Create()); // import certificates
        root.Subcommands.Add(import);
        root.Subcommands.Add(Features.Store.StoreCommand.Create());
        foreach (var command in BackupCommand.Create())                // backup FILE, restore FILE
        {
            root.Subcommands.Add(command);
        }

        foreach (var command in root.Subcommands)
        {
            AllowConfiguration(command);
        }
        var parsed = root.Parse(args);
        return await parsed.InvokeAsync();
    }

    public static Command Command(string name, string description, Func<IServiceProvider, CancellationToken, Task<int>> work)
    {
        var command = new Command(name, description);
        command.SetAction((parse, ct) => CliHost.RunAsync(parse, work, ct));
        return command;
    }

    private static void AllowConfiguration(Command command)
    {
        command.TreatUnmatchedTokensAsErrors = false;
        if (command.Action is null)
        {
            // A group such as 'users' without its subcommand: say what is missing.
            command.SetAction(parse =>
            {
                if (!CliHost.CheckTokens(parse, Console.Error))
                {
                    return 1;
                }
                Console.Error.WriteLine($"normative {command.Name}: a subcommand is required: {string.Join(", ", command.Subcommands.Select(c => c.Name))}.");
                Console.Error.WriteLine($"Run 'normative {command.Name} --help' for usage.");
                return 1;
            });
        }
        foreach (var sub in command.Subcommands)
        {
            AllowConfiguration(sub);
        }
    }

    private static async Task<int> ServeAsync(ParseResult parse, string[] args, Func<string[], WebApplication> build, CancellationToken ct)
    {
        if (!CliHost.CheckTokens(parse, Console.Error))
        {
            return 1;
        }
        var app = build(args);
        try
        {
            StartupSettings.Validate(app.Services);
            await app.Services.StartDatabaseAsync(ct);
        }
        catch (OptionsValidationException e)
        {
            await app.DisposeAsync();
            return await CliHost.ReportSettingsAsync(e);
        }
        catch (Exception e) when (CliHost.IsSetupProblem(e))
        {
            await Console.Error.WriteLineAsync("normative: " + e.Message);
            await app.DisposeAsync();
            return 1;
        }
        await app.RunAsync();
        return 0;
    }
}
