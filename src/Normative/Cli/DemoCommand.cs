using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Certification;

namespace Normative.Cli;

/// <summary>`normative demo`: a small realistic data set so a newcomer sees a living site (idempotent).</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var demo = NormativeCli.Command("demo", "Load the demo data: ICS codes, sample deliverables, one user per role and a certificate registry (safe to run again).", async (sp, ct) =>
        {
            var db = sp.GetRequiredService<NormativeDb>();
            var (ics, deliverables) = await CatalogueDemo.LoadAsync(db, ct);
            Console.WriteLine($"Catalogue: {ics} ICS codes, {deliverables} deliverables.");
            var users = await AccountsDemo.LoadAsync(sp.GetRequiredService<UserManager<User>>());
            Console.WriteLine($"Accounts: {AccountsDemo.Users.Count} demo users ({users} new), password '{AccountsDemo.Password}' (local use only).");
            Console.WriteLine(await CertificationDemo.LoadAsync(sp, ct));
            return 0;
        });
        demo.Subcommands.Add(CertificationDemo.GenerateCommand()); // `demo generate --certificates N --out FILE.csv`
        return demo;
    }
}
