using Microsoft.Extensions.Logging.Abstractions;
using Normative.Data;
using Normative.Tests.Infrastructure;
using Npgsql;

namespace Normative.Tests.Data;

public class MigrationTests
{
    private static Migrator MigratorFor(NpgsqlDataSource source) => new(source, NullLogger<Migrator>.Instance);

    [Fact]
    public async Task MigratingTwiceChangesNothing()
    {
        await using var source = NpgsqlDataSource.Create(await TestCluster.CreateDatabaseAsync(migrated: false));
        var first = await MigratorFor(source).MigrateAsync();
        var schemaAfterFirst = await SchemaAsync(source);
        var second = await MigratorFor(source).MigrateAsync();

        Assert.Equal(Migration.Embedded().Count, first.Count);
        Assert.Empty(second);
        Assert.Equal(schemaAfterFirst, await SchemaAsync(source));
    }

    [Fact]
    public async Task TwoMigratorsAtOnceApplyEachFileOnce()
    {
        await using var source = NpgsqlDataSource.Create(await TestCluster.CreateDatabaseAsync(migrated: false));
        var results = await Task.WhenAll(
            Task.Run(() => MigratorFor(source).MigrateAsync()),
            Task.Run(() => MigratorFor(source).MigrateAsync()));

        // Between them they applied every file exactly once; both succeeded.
        Assert.Equal(Migration.Embedded().Select(m => m.Name).Order(), results.SelectMany(r => r).Order());
        await using var cmd = source.CreateCommand("SELECT count(*) FROM schema_migrations");
        Assert.Equal((long)Migration.Embedded().Count, (long)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task AnAppliedFileThatWasEditedStopsStartUpNamingTheFile()
    {
        await using var source = NpgsqlDataSource.Create(await TestCluster.CreateDatabaseAsync());
        var edited = Migration.Embedded()
            .Select(m => m.Version == "0002" ? m with { Sql = m.Sql + "\n-- an afterthought\n" } : m)
            .ToList();

        var error = await Assert.ThrowsAsync<MigrationException>(() => MigratorFor(source).MigrateAsync(edited));
        Assert.Contains("0002_mail_outbox.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("edited", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailingFileLeavesNothingBehind()
    {
        await using var source = NpgsqlDataSource.Create(await TestCluster.CreateDatabaseAsync());
        var broken = Migration.Embedded().Append(new Migration("9999", "9999_broken.sql", "CREATE TABLE half_done (id int); SELECT no_such_function();")).ToList();

        var error = await Assert.ThrowsAsync<MigrationException>(() => MigratorFor(source).MigrateAsync(broken));
        Assert.Contains("9999_broken.sql", error.Message, StringComparison.Ordinal);
        await using var cmd = source.CreateCommand("SELECT to_regclass('half_done') IS NULL");
        Assert.True((bool)(await cmd.ExecuteScalarAsync())!);
    }

    [Fact]
    public void MigrationFilesHaveDistinctFourDigitVersionsAndSnakeCaseNames()
    {
        var migrations = Migration.Embedded();
        Assert.All(migrations, m => Assert.Matches(@"^\d{4}_[a-z0-9_]+\.sql$", m.Name));
        Assert.Equal(migrations.Count, migrations.Select(m => m.Version).Distinct().Count());
    }

    private static async Task<string> SchemaAsync(NpgsqlDataSource source)
    {
        await using var cmd = source.CreateCommand("""
            SELECT string_agg(table_name || '.' || column_name || ':' || data_type, ',' ORDER BY table_name, column_name)
            FROM information_schema.columns WHERE table_schema = 'public'
            """);
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
