using System.CommandLine;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Features.Store.Alerts;
using Normative.Features.Store.Carts;
using Normative.Features.Store.Offers;
using Normative.Features.Store.Organizations;
using Normative.Features.Store.Payments;
using Normative.Features.Store.Seats;
using Normative.Features.Store.Tax;
using Normative.Web;

namespace Normative.Features.Store;

/// <summary>The store: carts, checkout, payment providers, orders, downloads, alerts and the Editors' pages.</summary>
public sealed class StoreFeature : Feature
{
    public override void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection("Store");
        services.Configure<StoreOptions>(section);
        services.AddScoped<StoreMail>();
        services.AddScoped<OrganizationMail>();
        // Read once at start-up: a regime file with a mistake stops the site with a message saying what to fix.
        var tax = section.Get<StoreOptions>()?.Tax ?? new StoreOptions.TaxOptions();
        services.AddSingleton(TaxRegime.Load(tax.Regime, tax.File));
        services.AddScoped<Catalogue.OpenData.ICatalogueImported, AlertsAfterImport>(); // alerts right after an import
        services.AddScoped<Catalogue.Reading.IReadingLicences, Orders.StoreReadingLicences>(); // a PDF buyer reads the text online

        // Stripe when a secret key is configured; otherwise the test provider with its page on this site
        // (in Development, or when Store:TestProvider says so); otherwise no card payments at all.
        var cards = CardPayments.From(section.Get<StoreOptions>() ?? new StoreOptions(), builder.Environment.IsDevelopment());
        services.AddSingleton(cards);
        switch (cards.Provider)
        {
            case StripeCheckoutProvider.ProviderName:
                services.AddHttpClient<IPaymentProvider, StripeCheckoutProvider>(http => http.Timeout = TimeSpan.FromSeconds(30));
                break;
            case TestPaymentProvider.ProviderName:
                services.AddScoped<IPaymentProvider, TestPaymentProvider>();
                break;
            default:
                services.AddSingleton<IPaymentProvider, NoPaymentProvider>();
                break;
        }
        if (section.GetValue("Alerts:Enabled", true))
        {
            services.AddHostedService<StoreWorker>();
        }

        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Store/Admin", Policies.Editor));

        // The store's parts of shared pages: the cart in the header, the offers beside a standard,
        // the buyer's links on "My account", the navigation, the home page's card, the sitemap.
        services.AddSiteComponent(SiteSlots.HeaderTools, typeof(CartLinkViewComponent));
        services.AddSiteCookie(new SiteCookie(CartActions.CookieName, typeof(StoreText), "Privacy.Cookie.Cart", "Privacy.Cookie.CartLife", Order: 20));
        services.AddSiteComponent(CatalogueSlots.StandardAside, typeof(OffersViewComponent));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(StoreText), "Orders.Title", StoreLinks.Orders(), Order: 10));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(StoreText), "Downloads.Title", StoreLinks.Downloads(), Order: 11));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(OrganizationText), "Organizations.Title", OrganizationLinks.Index(), Order: 12));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Nav.Store", StoreLinks.Store(), "Sitemap.Standards", Order: 120));
        services.AddSitemapSource(new StaticSitemapSource("store", StoreLinks.Store()));
        services.AddSitemapSource(new Subscriptions.CollectionSitemap());
        services.AddSiteLink(new SiteLink(SiteSlots.Navigation, typeof(SiteText), "Nav.Store", StoreLinks.Store(), Order: 60));
        services.AddSiteCard(new SiteCard(SiteSlots.HomeCards, typeof(SiteText), "Home.Buy.Title", "Home.Buy.Text", "Home.Buy.Action", StoreLinks.Store(), Order: 1));

        // An anonymous cart joins the buyer's cart at sign-in, whichever page signed them in.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var previous = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await previous(context);
                if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
                {
                    return;
                }
                // Cookie events are options, made outside dependency injection: the request's services are the way to the database here.
                var services = context.HttpContext.RequestServices;
                try
                {
                    await CartActions.MergeAsync(services.GetRequiredService<NormativeDb>(), context.HttpContext, userId,
                        services.GetRequiredService<TimeProvider>().GetUtcNow(), context.HttpContext.RequestAborted);
                }
                catch (DbUpdateException e)
                {
                    // Signing in matters more than the merge; the anonymous cart stays as it was.
                    services.GetRequiredService<ILogger<StoreFeature>>().LogWarning(e, "The anonymous cart could not be merged at sign-in");
                }
            };
        });
    }

    public override void MapEndpoints(WebApplication app)
    {
        app.MapStoreApi();            // /api/v1/store, /api/v1/cart, /api/v1/orders
        app.MapSeatsApi();            // /api/v1/orders/{number}/seats: multi-user licences' seats
    }

    public override IEnumerable<Command> Commands() =>
    [
        StoreCommand.Create(),        // store alerts
    ];
}
