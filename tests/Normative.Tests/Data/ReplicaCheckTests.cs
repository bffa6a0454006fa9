using Normative.Data;
using Normative.Tests.Infrastructure;
using Npgsql;

namespace Normative.Tests.Data;

/// <summary>A replica setting that names a primary, or a server of another cluster, stops the start with a line that says so.</summary>
public sealed class ReplicaCheckTests(ReplicaPair pair) : IClassFixture<ReplicaPair>
{
    [Fact]
    public async Task AReplicaSettingNamingThePrimaryStopsTheSite()
    {
        var result = await ServeAsync(pair.PrimaryConnectionString, pair.PrimaryConnectionString);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ConnectionStrings:NormativeReplica names only a primary", result.Error, StringComparison.Ordinal);
        Assert.Contains("pg_is_in_recovery() is false", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AReplicaSettingNamingAnotherClusterStopsTheSite()
    {
        var other = await TestCluster.CreateDatabaseAsync();

        var result = await ServeAsync(pair.PrimaryConnectionString, other);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a replica of the primary", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheReplicaWithThePrimaryAsItsFallbackPassesTheCheck()
    {
        await using var primary = NpgsqlDataSource.Create(pair.PrimaryConnectionString);

        await ReplicaCheck.RunAsync(primary, new NpgsqlConnectionStringBuilder(pair.ReplicaWithFallback),
            Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None);
    }

    [Fact]
    public void EachHostOfAMultiHostStringKeepsItsOwnPort()
    {
        var hosts = ReplicaCheck.Hosts(new NpgsqlConnectionStringBuilder("Host=replica.example.org,db.example.org:5433,/run/postgresql;Port=5432"));

        Assert.Equal([("replica.example.org", 5432), ("db.example.org", 5433), ("/run/postgresql", 5432)], hosts);
    }

    private static Task<CliProcess.Result> ServeAsync(string primary, string replica) =>
        CliProcess.RunAsync(null, new Dictionary<string, string>
        {
            ["ConnectionStrings__Normative"] = primary,
            ["ConnectionStrings__NormativeReplica"] = replica,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        });
}
