using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Normative.Data;
using Normative.Data.CompiledModel;

namespace Normative.Tests.Data;

/// <summary>
/// The app runs on EF Core's compiled model (src/Normative/Data/CompiledModel) instead of building
/// the model from the entity configurations at every start. The two must say the same: a changed
/// entity or configuration without `./build.sh model` fails here, with the first line that differs.
/// </summary>
public class CompiledModelTests
{
    [Fact]
    public void TheCompiledModelIsTheModelTheConfigurationsBuild()
    {
        var options = new DbContextOptionsBuilder<NormativeDb>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable("__ef_unused"))
            .Options;
        using var compiled = new NormativeDb(options);
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
    /// less the index method, which only migrations read and the compiled model leaves out.
    /// </summary>
    private static string[] Describe(IModel model) =>
        model.ToDebugString(MetadataDebugStringOptions.LongDefault).Split('\n')
            .Where(line => !line.TrimStart().StartsWith("Npgsql:IndexMethod:", StringComparison.Ordinal))
            .ToArray();

    private sealed class ModelFromConfigurations(DbContextOptions<NormativeDb> options) : NormativeDb(options);
}
