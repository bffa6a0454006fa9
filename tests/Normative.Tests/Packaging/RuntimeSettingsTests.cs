using System.Text.Json;

namespace Normative.Tests.Packaging;

/// <summary>
/// The JIT settings the server runs with. With .NET's wait before promoting code, a single-core
/// server under load kept most of its code unoptimized for minutes (bench/RESULTS.md, "Tiered
/// compilation"): an uncached standard page cost about 40 % more CPU, and a cached one was served a
/// quarter slower after 30 s of warm-up. Commands are short: there the same settings made an import
/// about a fifth slower, so they are the service's, not the app's.
/// </summary>
public class RuntimeSettingsTests
{
    private static string RepositoryFile(params string[] parts)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Normative.slnx")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Normative.slnx not found above the tests.");
        }
        return Path.Combine([root, .. parts]);
    }

    [Fact]
    public void TheServicePromotesHotCodeWithoutWaiting()
    {
        var unit = File.ReadAllLines(RepositoryFile("packaging", "deb", "normative.service"));
        var settings = unit.Where(l => l.StartsWith("Environment=DOTNET_TC_", StringComparison.Ordinal))
            .SelectMany(l => l["Environment=".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        // .NET reads these as hexadecimal: 0xC8 is 200 calls.
        Assert.Equal(["DOTNET_TC_CallCountingDelayMs=0", "DOTNET_TC_CallCountThreshold=0xC8"], settings);
    }

    [Fact]
    public void CommandsKeepTheJitsOwnSettings()
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "Normative.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.DoesNotContain(properties.EnumerateObject(), p => p.Name.StartsWith("System.Runtime.Tiered", StringComparison.Ordinal));
    }
}
