using Microsoft.EntityFrameworkCore;

namespace Normative.Tests.Features.Certification.Import;

public class LargeImportTests(CertificationFactory factory) : IClassFixture<CertificationFactory>
{
    [Fact]
    public async Task ALargeImportVacuumsTheRegistryItselfRatherThanLeavingItToAutovacuumLater()
    {
        var body = await factory.CreateBodyAsync();
        var result = await factory.ImportAsync(RegistryWorld.Csv(Enumerable.Range(1, 10_000)
            .Select(i => RegistryWorld.Row($"LI-{i:D5}", body.Code, organization: $"Largeload Holdings {i}")).ToArray()));
        Assert.Equal(10_000, result.Inserted);

        var vacuumed = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>(
            "SELECT relname AS \"Value\" FROM pg_stat_user_tables WHERE last_vacuum IS NOT NULL AND last_analyze IS NOT NULL ORDER BY relname").ToListAsync());
        Assert.Equal(["certificates", "certified_organizations"], vacuumed);
    }
}
