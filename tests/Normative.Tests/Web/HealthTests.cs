using System.Net;
using Normative.Tests.Features.Certification;
using Normative.Tests.Infrastructure;
using Npgsql;

namespace Normative.Tests.Web;

public class HealthTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Theory]
    [InlineData("/healthz/live")]
    [InlineData("/healthz/ready")]
    [InlineData("/healthz")]
    public async Task AHealthySiteAnswersHealthy(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASchemaMissingAMigrationIsLiveButNotReady()
    {
        var connectionString = await TestCluster.CreateDatabaseAsync();
        await using var app = new SameDatabaseFactory(connectionString);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/ready")).StatusCode);

        // As if a newer version's migration had not been applied to this database yet.
        await using (var conn = new NpgsqlConnection(connectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)", conn);
            Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz/live")).StatusCode);
    }
}
