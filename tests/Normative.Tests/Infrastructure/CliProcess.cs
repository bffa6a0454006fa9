using System.Diagnostics;

namespace Normative.Tests.Infrastructure;

/// <summary>Runs the `normative` command line as a separate process, as a person would.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(string? stdin, params string[] args) => RunAsync(stdin, new Dictionary<string, string>(), args);

    public static async Task<Result> RunAsync(string? stdin, Dictionary<string, string> environment, params string[] args)
    {
        var app = Path.Combine(AppContext.BaseDirectory, "Normative.dll");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.ArgumentList.Add(app);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["DOTNET_NOLOGO"] = "1";
        // As a developer runs it; tests of production settings pass their own environment.
        psi.Environment["DOTNET_ENVIRONMENT"] = "Development";
        psi.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        psi.Environment.Remove("ConnectionStrings__Normative");
        psi.Environment.Remove("NORMATIVE_DATABASE");
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }
        using var process = Process.Start(psi)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        // Generous: a command that loads the demo takes ~15 s alone but minutes on a machine busy with
        // the rest of the suite; a hung command still ends the test, with what it printed so far.
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"normative {string.Join(' ', psi.ArgumentList.Skip(1))} did not end within 5 minutes; it printed: {await output} {await error}");
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
