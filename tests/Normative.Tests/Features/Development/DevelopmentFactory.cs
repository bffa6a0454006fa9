using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Normative.Cli.Demo;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Development;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development;

/// <summary>The app without its ballot worker (tests run the ballot jobs themselves), with the development demo data at hand.</summary>
public class DevelopmentFactory : NormativeFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Development:Jobs:Enabled"] = "false" };

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Loads the demo: catalogue samples, demo users, member bodies, committees and the work programme.</summary>
    public Task<DevelopmentDemo.Summary> LoadDemoAsync() => WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<NormativeDb>();
        await Normative.Cli.Demo.CatalogueDemo.LoadAsync(sp.GetRequiredService<Normative.Features.Catalogue.OpenData.CatalogueImporter>(), db, TimeProvider.System, CancellationToken.None);
        await AccountsDemo.LoadAsync(sp.GetRequiredService<UserManager<User>>());
        return await DevelopmentDemo.LoadAsync(db, sp.GetRequiredService<UserManager<User>>(), sp.GetRequiredService<DevelopmentMail>(), DateTimeOffset.UtcNow, CancellationToken.None);
    });
}
