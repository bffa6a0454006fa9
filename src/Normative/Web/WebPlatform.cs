using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Web;

/// <summary>What every page and endpoint relies on: logs, languages, errors, OpenAPI, health, security headers.</summary>
public static class WebPlatform
{
    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }
        else
        {
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ");
        }

        // Kestrel refuses request lines over 8 KB with a bare 414; a search of 10,000 characters
        // should get the site's own answer (a page, or a 400 from the API) instead.
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = 64 * 1024);

        var services = builder.Services;
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Cultures.Default);
            o.SupportedCultures = Cultures.All;
            o.SupportedUICultures = Cultures.All;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            // ?culture=fr first, then the cookie set by the language menu, then the browser's languages.
            o.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });

        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SiteText)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();

        // Write French, Spanish and Russian text as characters, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.Section).PostConfigure(o => o.Normalize());
        services.AddSingleton<SiteParts>();
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Normative API";
            doc.Info.Description = "The public and member API of a Normative standards body.";
            return Task.CompletedTask;
        }));
        services.AddHealthChecks().AddDbContextCheck<NormativeDb>("database");
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });

        // Features add their own output-cache policies and rate-limit policies to these.
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Sitemap.CachePolicy, b => b.Expire(TimeSpan.FromMinutes(10)));
            o.SizeLimit = builder.Configuration.GetValue("Catalogue:CacheMegabytes", 256L) * 1024 * 1024;
            o.MaximumBodySize = 8 * 1024 * 1024;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimitRejection.WriteAsync;
        });

        services.AddDataProtection().SetApplicationName("Normative");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlRepository = new DbXmlRepository(sp.GetRequiredService<IServiceScopeFactory>())));
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        // First, so that error pages re-executed below keep the request's language.
        app.UseRequestLocalization();
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), site =>
        {
            site.UseExceptionHandler("/error/500");
            site.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.UseOutputCache();         // after authentication, so cache policies know who is anonymous

        app.MapSitemap();
        app.MapHealthChecks("/healthz");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Normative API v1");
            o.DocumentTitle = "Normative API";
        });
        app.MapGet("/language", SetLanguage).ExcludeFromDescription();
        return app;
    }

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api");

    /// <summary>The language menu's target: remembers the choice in the culture cookie for a year.</summary>
    private static IResult SetLanguage(HttpContext context, string? culture, string? returnUrl)
    {
        if (Cultures.IsSupported(culture))
        {
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
        }
        var target = returnUrl is not null && LocalUrl.IsLocal(returnUrl) ? returnUrl : "/";
        return Results.LocalRedirect(target);
    }

    /// <summary>Model-binding messages (a number field with letters in it, a missing value) in the page's language.</summary>
    private sealed class LocalizedBindingMessages(IStringLocalizerFactory factory) : IConfigureOptions<MvcOptions>
    {
        public void Configure(MvcOptions options)
        {
            var t = factory.Create(typeof(SiteText));
            var m = options.ModelBindingMessageProvider;
            m.SetValueIsInvalidAccessor(v => t["Validation.ValueInvalid", v]);
            m.SetAttemptedValueIsInvalidAccessor((v, f) => t["Validation.ValueInvalid", v]);
            m.SetMissingBindRequiredValueAccessor(f => t["Validation.Required"]);
            m.SetValueMustNotBeNullAccessor(f => t["Validation.Required"]);
            m.SetValueMustBeANumberAccessor(f => t["Validation.Number"]);
            m.SetUnknownValueIsInvalidAccessor(f => t["Validation.ValueInvalid", ""]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => t["Validation.ValueInvalid", v]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["Validation.ValueInvalid", ""]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => t["Validation.Number"]);
            m.SetMissingKeyOrValueAccessor(() => t["Validation.Required"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => t["Validation.Required"]);
            options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        }
    }
}
