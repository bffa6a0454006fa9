// Normative: one application that is the public site, the JSON API (/api/v1) and the `normative`
// command line. With no command it serves the site; `normative --help` lists the commands.
// The platform (database, web, mail) is in Web/NormativeApp.cs; each feature below is one line.
using Normative.Cli;
using Normative.Cli.Demo;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Certification;
using Normative.Features.Content;
using Normative.Features.Development;
using Normative.Features.Site;
using Normative.Features.Store;
using Normative.Web;

Feature[] features =
[
    new AccountsFeature(),        // Identity, roles, sign-in cookie, personal API tokens; the administrators' pages
    new SiteFeature(),            // home, about, accessibility, privacy and the sections still to come
    new ContentFeature(),         // email updates with double opt-in: the footer's form, confirmation, preferences, one-click unsubscribe
    new CatalogueFeature(),       // standards: import, search, browse, feeds, API; cached by catalogue version
    new StoreFeature(),           // offers, cart, checkout, payment providers, orders, downloads, alerts
    new DevelopmentFeature(),     // member bodies, committees, projects, ballots: mails and the ballot worker
    new CertificationFeature(),   // the certificate registry: import, verification, receipts, statistics, expiry job
];

return await NormativeCli.RunAsync(args, a => NormativeApp.Build(a, features),
    [.. features.SelectMany(f => f.Commands()), DemoCommand.Create()]);

/// <summary>The entry point, named for WebApplicationFactory in the tests.</summary>
public partial class Program;
