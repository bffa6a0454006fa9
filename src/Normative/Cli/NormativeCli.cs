using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Web;

namespace Normative.Cli;

/// <summary>
/// The `normative` command line. With no command it serves the site; other commands work on the
/// same database. Tokens of the form --Key=value set configuration for any command.
/// </summary>
public static class NormativeCli
{
    /// <summary>Parses and runs <paramref name="args"/>: the platform's own commands and those the features give.</summary>
    public static async Task<int> RunAsync(string[] args, Func<string[], WebApplication> build, IEnumerable<Command> commands)
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
        root.Subcommands.Add(SchemaCommand.Create());
        foreach (var command in BackupCommand.Create())          // backup FILE, restore FILE
        {
            root.Subcommands.Add(command);
        }
        foreach (var command in Merge(commands))
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

    /// <summary>Commands of the same name become one, with the subcommands of each (import deliverables, import certificates).</summary>
    private static IEnumerable<Command> Merge(IEnumerable<Command> commands)
    {
        var merged = new List<Command>();
        foreach (var command in commands)
        {
            if (merged.FirstOrDefault(c => c.Name == command.Name) is { } first)
            {
                foreach (var sub in command.Subcommands)
                {
                    first.Subcommands.Add(sub);
                }
            }
            else
            {
                merged.Add(command);
            }
        }
        return merged;
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
