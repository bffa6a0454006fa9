using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Normative.Data;

Console.Error.WriteLine("Run ./build.sh model: it asks `dotnet ef dbcontext optimize` to write src/Normative/Data/CompiledModel through this project.");
return 2;

/// <summary>
/// The context as EF Core's tools need it to read the model: no database is opened, so any
/// connection string does. The app's own start-up (a command line, an embedded cluster) is not run.
/// </summary>
internal sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<NormativeDb>
{
    public NormativeDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<NormativeDb>()
            .UseNpgsql("Host=localhost", npgsql => npgsql.MigrationsHistoryTable("__ef_unused"))
            .Options);
}
