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
                ["DataProtection__Certificate"] = "/nonexistent/data-protection.pem",
            }, "--urls", "http://127.0.0.1:0");

            Assert.Equal(78, result.ExitCode);
            var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Contains(lines, l => l.StartsWith("normative: setting ConnectionStrings:Normative (ConnectionStrings__Normative) is required", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith("normative: setting Site:BaseUrl (Site__BaseUrl) is 'standards.example.org'", StringComparison.Ordinal));
            Assert.Contains("normative: setting DataProtection:Certificate (DataProtection__Certificate) is '/nonexistent/data-protection.pem', which does not exist (or this user cannot read it).", lines);
            Assert.Contains(lines, l => l.StartsWith("normative: setting Mail:Smtp:Host", StringComparison.Ordinal));
            Assert.Equal(4, lines.Length);
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
