using System.CommandLine;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Features.Store.Alerts;
using Normative.Features.Store.Carts;
using Normative.Features.Store.Checkout;
using Normative.Features.Store.Offers;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Payments;
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
        services.AddScoped<CartAccess>();
        services.AddScoped<OrderPlacement>();
        services.AddScoped<OrderPayments>();
        services.AddScoped<OrderAdministration>();
        services.AddScoped<StoreAlerts>();
        services.AddScoped<Catalogue.OpenData.ICatalogueImported, Alerts.AlertsAfterImport>(); // alerts right after an import
        services.AddScoped<TestPaymentProvider>();
        // Stripe.net's client on an HttpClient from the factory (pooled handlers, traced like every other call).
        services.AddHttpClient(StripeCheckoutProvider.ProviderName, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<Stripe.IStripeClient>(sp =>
        {
            var stripe = sp.GetRequiredService<IOptions<StoreOptions>>().Value.Stripe;
            return new Stripe.StripeClient(new Stripe.StripeClientOptions
            {
                ApiKey = stripe.SecretKey,
                ApiBase = stripe.BaseUrl.TrimEnd('/'),
                HttpClient = new Stripe.SystemNetHttpClient(
                    sp.GetRequiredService<IHttpClientFactory>().CreateClient(StripeCheckoutProvider.ProviderName), maxNetworkRetries: 2),
            });
        });
        services.AddScoped<StripeCheckoutProvider>();
        // Stripe when a secret key is configured; otherwise the test provider with its page on this site
        // (in Development, or when Store:TestProvider says so); otherwise no card payments at all.
        services.AddSingleton(sp => CardPayments.From(sp.GetRequiredService<IOptions<StoreOptions>>().Value, builder.Environment.IsDevelopment()));
        services.AddScoped<IPaymentProvider>(sp =>
            sp.GetRequiredService<CardPayments>().Provider == StripeCheckoutProvider.ProviderName
                ? sp.GetRequiredService<StripeCheckoutProvider>()
                : sp.GetRequiredService<TestPaymentProvider>());
        if (section.GetValue("Alerts:Enabled", true))
        {
            services.AddHostedService<StoreWorker>();
        }

        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Store/Admin", Policies.Editor));

        // The store's parts of shared pages: the cart in the header, the offers beside a standard,
        // the buyer's links on "My account", the Editors' desk on the overview, the sitemap.
        services.AddSiteComponent(SiteSlots.HeaderTools, typeof(CartLinkViewComponent));
        services.AddSiteComponent(CatalogueSlots.StandardAside, typeof(OffersViewComponent));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(StoreText), "Orders.Title", "/store/orders", Order: 10));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(StoreText), "Downloads.Title", "/store/downloads", Order: 11));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Nav.Store", "/store", "Sitemap.Standards", Order: 120));
        services.AddSitemapSource(new StaticSitemapSource("store", "/store"));
        services.AddSiteLink(new SiteLink(SiteSlots.Navigation, typeof(SiteText), "Nav.Store", "/store", Order: 60));
        services.AddSiteCard(new SiteCard(SiteSlots.HomeCards, typeof(SiteText), "Home.Buy.Title", "Home.Buy.Text", "Home.Buy.Action", "/store", Order: 1));

        // An anonymous cart joins the buyer's cart at sign-in, whichever page signed them in.
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            var previous = o.Events.OnSignedIn;
            o.Events.OnSignedIn = async context =>
            {
                await previous(context);
                if (context.Principal?.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } userId)
                {
                    try
                    {
                        await context.HttpContext.RequestServices.GetRequiredService<CartAccess>()
                            .MergeAsync(context.HttpContext, userId, context.HttpContext.RequestAborted);
                    }
                    catch (DbUpdateException e)
                    {
                        // Signing in matters more than the merge; the anonymous cart stays as it was.
                        context.HttpContext.RequestServices.GetRequiredService<ILogger<CartAccess>>().LogWarning(e, "The anonymous cart could not be merged at sign-in");
                    }
                }
            };
        });
    }

    public override void MapEndpoints(WebApplication app) =>
        app.MapStoreApi();            // /api/v1/store, /api/v1/cart, /api/v1/orders

    public override IEnumerable<Command> Commands() =>
    [
        StoreCommand.Create(),        // store alerts
    ];
}
