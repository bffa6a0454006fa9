using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Demo;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Cli;

/// <summary>
/// `normative demo`: a small realistic data set so a newcomer sees a living site (idempotent).
/// `normative demo generate`: large generated data sets for load tests (see DemoGenerators).
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var demo = NormativeCli.Command("demo", "Load the demo data: ICS codes, committees, sample deliverables, top standards and one user per role (safe to run again).", async (sp, ct) =>
        {
            var db = sp.GetRequiredService<NormativeDb>();
            var catalogue = await CatalogueDemo.LoadAsync(sp.GetRequiredService<CatalogueImporter>(), db, sp.GetRequiredService<TimeProvider>(), ct);
            Console.WriteLine($"Catalogue: {catalogue.Ics.Read} ICS codes, {catalogue.Deliverables.Read} deliverables ({catalogue.Deliverables.Inserted} new), {catalogue.Committees.Read} committees, {catalogue.TopStandards} top standards added.");
            var users = await AccountsDemo.LoadAsync(sp.GetRequiredService<UserManager<User>>());
            Console.WriteLine($"Accounts: {AccountsDemo.Users.Count} demo users ({users} new), password '{AccountsDemo.Password}' (local use only).");
            return 0;
        });
        demo.Subcommands.Add(DemoGenerators.Create());
        return demo;
    }
}
