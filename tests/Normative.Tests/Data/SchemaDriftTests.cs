using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Normative.Data;
using Normative.Tests.Infrastructure;
using Npgsql;

namespace Normative.Tests.Data;

/// <summary>
/// The EF model and the schema the SQL files build must agree: same tables, columns, types and
/// nullability. A new property without a migration (or the reverse) fails here, not in production.
/// </summary>
public class SchemaDriftTests
{
    // Tables the app manages without EF.
    private static readonly HashSet<string> NotMapped = ["schema_migrations"];

    [Fact]
    public async Task EfModelMatchesTheMigratedSchema()
    {
        var connectionString = await TestCluster.CreateDatabaseAsync();
        var options = new DbContextOptionsBuilder<NormativeDb>().UseNpgsql(connectionString).Options;
        await using var db = new NormativeDb(options);

        var expected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }
            var id = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName(id);
                if (column is null)
                {
                    continue;
                }
                expected.Add($"{table}.{column} {Normalize(property.GetColumnType(id))} {(property.IsColumnNullable(id) ? "null" : "not null")}");
            }
        }

        var actual = new SortedSet<string>(StringComparer.Ordinal);
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!NotMapped.Contains(reader.GetString(0)))
            {
                actual.Add($"{reader.GetString(0)}.{reader.GetString(1)} {Normalize(reader.GetString(2))} {(reader.GetBoolean(3) ? "null" : "not null")}");
            }
        }

        var onlyInModel = expected.Except(actual).ToList();
        var onlyInDatabase = actual.Except(expected).ToList();
        Assert.True(onlyInModel.Count == 0 && onlyInDatabase.Count == 0,
            "The EF model and the migrations disagree.\nOnly in the EF model:\n  " + string.Join("\n  ", onlyInModel) +
            "\nOnly in the database:\n  " + string.Join("\n  ", onlyInDatabase));
    }

    private static string Normalize(string type) => type.ToLowerInvariant() switch
    {
        "timestamptz" => "timestamp with time zone",
        "varchar" => "character varying",
        "int4" or "int" => "integer",
        "int8" => "bigint",
        "bool" => "boolean",
        var t => t,
    };
}
