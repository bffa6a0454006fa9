using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Web;

namespace Normative.Cli;

/// <summary>
/// Runs a CLI command inside the same application the web site uses — same configuration, same
/// database (the embedded cluster or the configured server), same services — without serving.
/// </summary>
public static partial class CliHost
{
    private static Func<string[], WebApplication>? _build;

    public static void UseBuilder(Func<string[], WebApplication> build) => _build = build;

    /// <summary>
    /// Tokens of the form --Key=value set configuration, as they do for the web site: those nothing
    /// claimed and those a many-valued argument (FILE...) swallowed, which <see cref="Values"/> leaves out.
    /// </summary>
    public static string[] ConfigurationArguments(ParseResult parse) =>
        parse.Tokens.Where(t => t.Type == TokenType.Argument && ConfigToken().IsMatch(t.Value)).Select(t => t.Value)
            .Concat(parse.UnmatchedTokens.Where(t => ConfigToken().IsMatch(t)))
            .Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The values of a many-valued argument without the configuration tokens it took in.</summary>
    public static string[] Values(ParseResult parse, Argument<string[]> argument) =>
        (parse.GetValue(argument) ?? []).Where(v => !ConfigToken().IsMatch(v)).ToArray();

    /// <summary>Fails with usage when a token is neither an option nor configuration.</summary>
    public static bool CheckTokens(ParseResult parse, TextWriter error)
    {
        var bad = parse.UnmatchedTokens.Where(t => !ConfigToken().IsMatch(t)).ToList();
        if (bad.Count == 0)
        {
            return true;
        }
        error.WriteLine($"normative: unknown command or option: {string.Join(' ', bad)}");
        error.WriteLine($"Run 'normative {string.Join(' ', CommandPath(parse))} --help' for usage.".Replace("  ", " ", StringComparison.Ordinal));
        return false;
    }

    private static IEnumerable<string> CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var r = parse.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (r.Command is not RootCommand)
            {
                names.Insert(0, r.Command.Name);
            }
        }
        return names;
    }

    /// <summary>Builds the app, starts the database, runs <paramref name="work"/> in a scope, and stops what it started.</summary>
    /// <param name="migrate">False for commands that must see the schema as it is (backup, restore).</param>
    public static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken ct, bool migrate = true)
    {
        if (!CheckTokens(parse, Console.Error))
        {
            return 1;
        }
        var build = _build ?? throw new InvalidOperationException("CliHost.UseBuilder was not called.");
        // A command reads its settings once: no file watcher on appsettings.json (its thread took about 2 % of an import's CPU).
        string[] args = ["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.EntityFrameworkCore=Warning", "--hostBuilder:reloadConfigOnChange=false", .. ConfigurationArguments(parse)];
        await using var app = build(args);
        try
        {
            StartupSettings.Validate(app.Services);
            await app.Services.GetRequiredService<NormativeDatabase>().StartAsync(migrate, ct);
            await using var scope = app.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider, ct);
        }
        catch (OptionsValidationException e)
        {
            return await ReportSettingsAsync(e);
        }
        catch (Exception e) when (IsSetupProblem(e))
        {
            await Console.Error.WriteLineAsync("normative: " + e.Message);
            return 1;
        }
    }

    /// <summary>sysexits' EX_CONFIG: the unit file does not restart a service that stopped for it.</summary>
    public const int ConfigurationError = 78;

    /// <summary>One line per bad setting, then exit with <see cref="ConfigurationError"/>.</summary>
    public static async Task<int> ReportSettingsAsync(OptionsValidationException e)
    {
        foreach (var failure in e.Failures)
        {
            await Console.Error.WriteLineAsync("normative: setting " + failure);
        }
        return ConfigurationError;
    }

    public static bool IsSetupProblem(Exception e) =>
        e is DatabaseUnavailableException or PostgresNotInstalledException or MigrationException or BackupException or ReplicaMisconfiguredException;

    [GeneratedRegex(@"^--[A-Za-z][A-Za-z0-9_.:-]*=", RegexOptions.CultureInvariant)]
    private static partial Regex ConfigToken();
}
