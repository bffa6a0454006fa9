using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Normative.Tests.Features.Certification;

/// <summary>A second app on an existing database: another instance, or the same one after a restart.</summary>
public sealed class SameDatabaseFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:Normative", connectionString);
        builder.UseSetting("Normative:DataDirectory", Path.Combine(Path.GetTempPath(), "normative-second-" + Guid.NewGuid().ToString("N")[..8]));
        builder.UseSetting("Certification:ExpiryJob:Enabled", "false");
        builder.UseSetting("Mail:Worker", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
