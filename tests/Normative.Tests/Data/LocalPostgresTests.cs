using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Normative.Data;
using Npgsql;

namespace Normative.Tests.Data;

public class LocalPostgresTests
{
    [Fact]
    public async Task WithoutAConnectionStringTheAppRunsItsOwnClusterInTheDataFolderAndStopsIt()
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "normative-embedded-" + Guid.NewGuid().ToString("N")[..8]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Normative:DataDirectory"] = dataFolder,
        }).Build();
        try
        {
            string socketFolder;
            await using (var database = new NormativeDatabase(configuration, NullLoggerFactory.Instance))
            {
                await database.StartAsync();
                await using var cmd = database.DataSource.CreateCommand("SELECT count(*) FROM schema_migrations");
                Assert.True((long)(await cmd.ExecuteScalarAsync())! >= 1);
                // Its page cache is sized for the machine, not PostgreSQL's 128 MB default (unless the machine is that small).
                await using var buffers = database.DataSource.CreateCommand("SELECT setting::bigint * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'");
                Assert.Equal(LocalPostgres.SharedBuffersMegabytes(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes), (long)(await buffers.ExecuteScalarAsync())!);
                var builder = new NpgsqlConnectionStringBuilder(database.DataSource.ConnectionString);
                socketFolder = builder.Host!;
                Assert.StartsWith("/", socketFolder, StringComparison.Ordinal);
                Assert.True(File.Exists(Path.Combine(dataFolder, "postgres", "PG_VERSION")) || socketFolder.StartsWith("/var/lib/normative", StringComparison.Ordinal));
            }
            // Stopped on dispose: the socket is gone.
            Assert.False(File.Exists(Path.Combine(socketFolder, ".s.PGSQL.5432")));
        }
        finally
        {
            try
            {
                Directory.Delete(dataFolder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Theory]
    [InlineData(512L << 20, 128)]
    [InlineData(8L << 30, 1024)]
    [InlineData(24L << 30, 2048)]
    public void TheClustersPageCacheIsAnEighthOfTheMachinesMemoryWithinBounds(long memory, long megabytes) =>
        Assert.Equal(megabytes, LocalPostgres.SharedBuffersMegabytes(memory));

    [Fact]
    public async Task UnreachableServerIsReportedWithItsHost()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Normative"] = "Host=127.0.0.1;Port=1;Username=x;Database=y;Timeout=3",
        }).Build();
        await using var database = new NormativeDatabase(configuration, NullLoggerFactory.Instance);
        var error = await Assert.ThrowsAsync<DatabaseUnavailableException>(() => database.StartAsync());
        Assert.Contains("127.0.0.1:1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
