using Normative.Tests.Infrastructure;

namespace Normative.Tests.Web;

public class ProductionStartTests
{
    [Fact]
    public async Task StartingInProductionWithoutSettingsStopsWithOneLinePerMissingSetting()
    {
        var data = Directory.CreateTempSubdirectory("normative-prod-");
        try
        {
            var result = await CliProcess.RunAsync(null, new Dictionary<string, string>
            {
                ["DOTNET_ENVIRONMENT"] = "Production",
                ["NORMATIVE_DATA"] = data.FullName,
                ["Site__BaseUrl"] = "standards.example.org",
            }, "--urls", "http://127.0.0.1:0");

            Assert.Equal(78, result.ExitCode);
            var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains(lines, l => l.StartsWith("normative: setting ConnectionStrings:Normative (ConnectionStrings__Normative) is required", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("normative: setting Site:BaseUrl (Site__BaseUrl) is 'standards.example.org'", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("normative: setting DataProtection:Certificate", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("normative: setting Mail:Smtp:Host", StringComparison.Ordinal));
            Assert.Equal("", result.Output);
            // Nothing was started: no embedded database appeared in the data folder.
            Assert.False(Directory.Exists(Path.Combine(data.FullName, "postgres")));
        }
        finally
        {
            data.Delete(recursive: true);
        }
    }
}
