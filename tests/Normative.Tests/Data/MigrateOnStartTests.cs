using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Normative.Data;
using Normative.Tests.Infrastructure;
using Npgsql;

namespace Normative.Tests.Data;

/// <summary>Database:MigrateOnStart=false: a node on a database that lacks migrations takes no traffic until `normative migrate` has run.</summary>
public sealed class MigrateOnStartTests(MigrateOnStartTests.UnmigratedFactory factory) : IClassFixture<MigrateOnStartTests.UnmigratedFactory>
{
    public sealed class UnmigratedFactory : NormativeFactory, IAsyncLifetime
    {
        public string Database { get; private set; } = "";

        /// <summary>The empty database is made before the app starts (xunit awaits this before the first test).</summary>
        public async Task InitializeAsync() => Database = await TestCluster.CreateDatabaseAsync(migrated: false);

        // The factory's own Dispose (xunit calls it after this) stops the app.
        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Normative"] = Database,
            ["Database:MigrateOnStart"] = "false",
            ["Development:Jobs:Enabled"] = "false",
            ["Certification:ExpiryJob:Enabled"] = "false",
            ["Store:Alerts:Enabled"] = "false",
        };
    }

    [Fact]
    public async Task ANodeOnAnUnmigratedDatabaseIsNotReadyUntilTheMigrationsRun()
    {
        var client = factory.CreateClient();

        var before = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);

        await using (var source = NpgsqlDataSource.Create(factory.Database))
        {
            await new Migrator(source, NullLogger<Migrator>.Instance).MigrateAsync();
        }

        var after = await client.GetAsync("/healthz/ready");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }
}
