using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Normative.Data;
using Normative.Data.CompiledModel;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Data;

/// <summary>
/// The app runs on EF Core's compiled model (src/Normative/Data/CompiledModel) instead of building
/// the model from the entity configurations at every start. The two must say the same: a changed
/// entity or configuration without `./build.sh model` fails here, with the first line that differs.
/// </summary>
public class CompiledModelTests
{
    [Fact]
    public async Task TheCompiledModelIsTheModelTheConfigurationsBuild()
    {
        var options = new DbContextOptionsBuilder<NormativeDb>()
            .UseNpgsql(await TestCluster.CreateDatabaseAsync(), npgsql => npgsql.MigrationsHistoryTable("__ef_unused"))
            .Options;
        using var compiled = new NormativeDb(options);
        // A query of an unmapped record adds an ad-hoc entity type to the running model, as the
        // app's own queries do in this process; the comparison is not about those.
        Assert.Equal([1], await compiled.Database.SqlQueryRaw<AdHoc>("SELECT 1 AS \"Value\"").Select(a => a.Value).ToListAsync());
        // A context type of its own has no compiled model, so EF builds this one from OnModelCreating.
        using var built = new ModelFromConfigurations(options);

        // The app's context finds the compiled model by itself (the assembly attribute the tool writes).
        Assert.Same(NormativeDbModel.Instance, compiled.Model);
        var expected = Describe(built.Model);
        var actual = Describe(compiled.Model);
        var firstDifference = expected.Zip(actual).Select((pair, i) => (pair, i)).FirstOrDefault(p => p.pair.First != p.pair.Second);
        Assert.True(expected.SequenceEqual(actual),
            firstDifference.pair.First is null
                ? $"The compiled model has {actual.Length} lines, the configurations' {expected.Length}: run ./build.sh model."
                : $"Line {firstDifference.i + 1}: the configurations say '{firstDifference.pair.First.Trim()}', the compiled model '{firstDifference.pair.Second.Trim()}'. Run ./build.sh model.");
    }

    /// <summary>
    /// Every entity, property, key, index and relationship with its annotations (table, column, type),
    /// less the index method, which only migrations read and the compiled model leaves out, and less
    /// the ad-hoc entity types that queries of other tests in this process (SqlQuery of a record)
    /// added to the shared compiled model at run time.
    /// </summary>
    private static string[] Describe(IModel model)
    {
        var lines = new List<string>();
        int? adHocIndent = null;
        foreach (var line in model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n'))
        {
            var indent = line.Length - line.TrimStart().Length;
            if (adHocIndent is { } inside && (indent > inside || line.Trim().Length == 0))
            {
                continue;
            }
            adHocIndent = null;
            if (line.Trim() == "Ad-hoc entity types:")
            {
                adHocIndent = indent;
                continue;
            }
            if (!line.TrimStart().StartsWith("Npgsql:IndexMethod:", StringComparison.Ordinal))
            {
                lines.Add(line);
            }
        }
        return [.. lines];
    }

    private sealed record AdHoc(int Value);

    private sealed class ModelFromConfigurations(DbContextOptions<NormativeDb> options) : NormativeDb(options);
}
