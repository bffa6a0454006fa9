using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Normative.Cli.Demo;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Tests.Infrastructure;

/// <summary>The demo data a test app needs, loaded as `normative demo` loads it, the catalogue's version raised after.</summary>
public static class DemoData
{
    /// <summary>The catalogue and one user per role; with <paramref name="store"/>, the store's too; then <paramref name="more"/> in the same scope.</summary>
    public static async Task LoadAsync(NormativeFactory app, bool store = false, Func<IServiceProvider, Task>? more = null)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<NormativeDb>();
            var clock = sp.GetRequiredService<TimeProvider>();
            await CatalogueDemo.LoadAsync(sp.GetRequiredService<CatalogueImporter>(), db, clock, CancellationToken.None);
            await AccountsDemo.LoadAsync(sp.GetRequiredService<UserManager<User>>());
            if (store)
            {
                await StoreDemo.LoadAsync(db, clock, CancellationToken.None);
            }
            if (more is not null)
            {
                await more(sp);
            }
        }
        await app.Services.GetRequiredService<CatalogueVersion>().RefreshAsync();
    }
}
