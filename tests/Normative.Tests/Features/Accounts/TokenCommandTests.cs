using System.Net;
using Microsoft.AspNetCore.Hosting;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Accounts;

public class TokenCommandTests
{
    /// <summary>The app on the database the command line wrote to.</summary>
    private sealed class Factory(string connectionString) : NormativeFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Normative", connectionString);
        }
    }

    [Fact]
    public async Task UsersTokenCreatePrintsOnlyATokenThatTheApiAccepts()
    {
        var connection = await TestCluster.CreateDatabaseAsync();
        var config = "--ConnectionStrings:Normative=" + connection;
        Assert.Equal(0, (await CliProcess.RunAsync(null, "users", "create", "--email", "robot@example.org", "--role", "CertificationBody", "--password", "a long robot passphrase", config)).ExitCode);

        var created = await CliProcess.RunAsync(null, "users", "token", "create", "--email", "robot@example.org", "--name", "nightly upload", config);

        Assert.Equal(0, created.ExitCode);
        var token = Assert.Single(created.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)).Trim();
        Assert.StartsWith("nrm_", token, StringComparison.Ordinal);
        await using var app = new Factory(connection);
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/account")).StatusCode);

        var unknown = await CliProcess.RunAsync(null, "users", "token", "create", "--email", "nobody@example.org", "--name", "x", config);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("nobody@example.org", unknown.Error, StringComparison.Ordinal);
        Assert.Equal("", unknown.Output);
    }
}
