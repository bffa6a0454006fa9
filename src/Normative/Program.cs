// Normative: one application that is the public site, the JSON API (/api/v1) and the `normative`
// command line. With no command it serves the site; `normative --help` lists the commands.
using Normative.Cli;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development;
using Normative.Features.Certification;
using Normative.Features.Site;
using Normative.Features.Store;
using Normative.Mail;
using Normative.Web;

return await NormativeCli.RunAsync(args, BuildApp);

static WebApplication BuildApp(string[] args)
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddDatabase();        // PostgreSQL: the configured server or the embedded cluster; SQL migrations
    builder.AddWebPlatform();     // settings checks, logs, proxy, languages, errors as ProblemDetails, OpenAPI, health, data protection
    builder.AddObservability();   // OpenTelemetry traces and metrics; OTLP when configured, /metrics for operators
    builder.AddMail();            // the outbox and its worker; SMTP or .eml files
    builder.AddAccounts();        // Identity, roles, sign-in cookie, personal API tokens
    builder.AddSite();            // home, about, accessibility, privacy and the sections still to come
    builder.AddCatalogue();       // standards: import, search, browse, feeds; cached by catalogue version
    builder.AddStore();           // offers, cart, checkout, payment providers, orders, downloads, alerts
    builder.AddDevelopment();     // member bodies, committees, projects, ballots: mails and the ballot worker
    builder.AddCertification();   // the certificate registry: import, verification, receipts, statistics, expiry job

    var app = builder.Build();
    app.UseWebPlatform();         // error pages, security headers, localization, static files, auth
    app.UseCatalogue();           // output cache for anonymous catalogue pages and API reads
    app.MapRazorPages();          // every page lives in its feature folder under Features/
    app.MapAccountsApi();         // /api/v1/account
    app.MapCatalogueApi();        // /api/v1/deliverables, committees, ics and the open-data export
    app.MapCatalogueFeeds();      // Atom feeds of new publications, sitemap.xml
    app.MapStoreApi();            // /api/v1/store, /api/v1/cart, /api/v1/orders
    app.MapDevelopmentApi();      // /api/v1/members, projects, ballots; committees' members and calendars
    app.MapCertification();       // /api/v1/certificates, the receipt key, QR codes; rate limits anonymous search
    return app;
}

/// <summary>The entry point, named for WebApplicationFactory in the tests.</summary>
public partial class Program;
