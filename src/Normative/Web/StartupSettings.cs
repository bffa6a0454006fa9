using Microsoft.Extensions.Options;

namespace Normative.Web;

/// <summary>
/// Stands for the whole configuration in the options system, so that SettingsRules run with
/// ValidateOnStart: the host refuses to start with the list of problems, and the command line
/// checks them before it touches the database.
/// </summary>
public sealed class StartupSettings
{
    public static void Register(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<StartupSettings>, Validator>();
        services.AddOptions<StartupSettings>().ValidateOnStart();
    }

    /// <summary>Runs the checks now; throws OptionsValidationException with one failure per problem.</summary>
    public static void Validate(IServiceProvider services) => services.GetRequiredService<IStartupValidator>().Validate();

    private sealed class Validator(IConfiguration configuration, IHostEnvironment environment) : IValidateOptions<StartupSettings>
    {
        public ValidateOptionsResult Validate(string? name, StartupSettings options)
        {
            var problems = SettingsRules.Check(configuration, environment.IsDevelopment());
            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
