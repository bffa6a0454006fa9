using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Development;

namespace Normative.Cli.Demo;

/// <summary>
/// `normative demo`: a small realistic data set so a newcomer sees a living site (idempotent).
/// `normative demo generate`: large generated data sets for load tests (see DemoGenerators).
/// </summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var demo = NormativeCli.Command("demo", "Load the demo data: ICS codes, committees, sample deliverables, top standards, a demonstration text to read online, one user per role, member bodies, committees' members, projects and ballots, sample PDFs for the store, a certificate registry, news, insights and events (safe to run again).", async (sp, ct) =>
        {
            var db = sp.GetRequiredService<NormativeDb>();
            var catalogue = await CatalogueDemo.LoadAsync(sp.GetRequiredService<CatalogueImporter>(), db, sp.GetRequiredService<TimeProvider>(), ct);
            Console.WriteLine($"Catalogue: {catalogue.Ics.Read} ICS codes, {catalogue.Deliverables.Read} deliverables ({catalogue.Deliverables.Inserted} new), {catalogue.Committees.Read} committees, {catalogue.TopStandards} top standards added.");
            var texts = await ReadingDemo.LoadAsync(db, sp.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            Console.WriteLine($"Texts: {texts} demonstration text to read online (/standard/62085/read) and search (/terms).");
            var users = await AccountsDemo.LoadAsync(sp.GetRequiredService<UserManager<User>>());
            Console.WriteLine($"Accounts: {AccountsDemo.Users.Count} demo users ({users} new), password '{AccountsDemo.Password}' (local use only).");
            var files = await StoreDemo.LoadAsync(db, sp.GetRequiredService<TimeProvider>(), ct);
            Console.WriteLine($"Store: {files} sample PDFs (marked SAMPLE) to buy and download; pay with the test provider. {StoreDemo.Collections(DateTimeOffset.UnixEpoch).Count} collections to subscribe to; the organisation {StoreDemo.OrganizationName} (administrator: the demo customer) for multi-user licences.");
            var development = await DevelopmentDemo.LoadAsync(db, sp.GetRequiredService<UserManager<User>>(), sp.GetRequiredService<DevelopmentMail>(),
                sp.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            Console.WriteLine($"Development: {development.MemberBodies} member bodies, {development.Committees} committees, {development.Delegates} delegates, {development.Projects} projects, {development.Ballots} ballots.");
            Console.WriteLine(await CertificationDemo.LoadAsync(sp, ct));
            Console.WriteLine(await ContentDemo.LoadAsync(db, sp.GetRequiredService<TimeProvider>().GetUtcNow(), ct));
            return 0;
        });
        demo.Subcommands.Add(DemoGenerators.Create());
        return demo;
    }
}
