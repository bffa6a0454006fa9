using System.Text.Json;

namespace Normative.Tests.Packaging;

/// <summary>
/// The runtime settings the app ships in Normative.runtimeconfig.json, which every way of running it
/// (the site, the CLI, the Debian package) reads at start.
/// </summary>
public class RuntimeSettingsTests
{
    /// <summary>
    /// With the JIT's default wait before promoting code, a single-core server under load kept most of
    /// its code unoptimized for minutes (bench/RESULTS.md, "Tiered compilation"): an uncached standard
    /// page cost about 40 % more CPU, and a cached one was served a quarter slower after 30 s of warm-up.
    /// </summary>
    [Theory]
    [InlineData("System.Runtime.TieredCompilation.CallCountingDelayMs", 0)]
    [InlineData("System.Runtime.TieredCompilation.CallCountThreshold", 200)]
    public void TheAppPromotesHotCodeWithoutWaiting(string setting, int expected)
    {
        var path = Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location)!, "Normative.runtimeconfig.json");
        using var config = JsonDocument.Parse(File.ReadAllText(path));
        var properties = config.RootElement.GetProperty("runtimeOptions").GetProperty("configProperties");
        Assert.True(properties.TryGetProperty(setting, out var value), $"{path} does not set {setting}.");
        Assert.Equal(expected, value.GetInt32());
    }
}
