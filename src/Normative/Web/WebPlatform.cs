using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Web;

/// <summary>
/// What every page and endpoint relies on: settings checked at start-up, logs, the proxy in front,
/// languages, errors, OpenAPI, health, data protection, security headers.
/// </summary>
public static class WebPlatform
{
    public static WebApplicationBuilder AddWebPlatform(this WebApplicationBuilder builder)
    {
        StartupSettings.Register(builder.Services);

        builder.Logging.ClearProviders();
        // Every log line written inside a request carries its trace and span ids (as a scope), so a
        // line in the logs leads to the trace in the collector and back.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });
        }
        else
        {
            builder.Logging.AddJsonConsole(o => { o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ "; o.UseUtcTimestamp = true; o.IncludeScopes = true; });
        }

        // Outside Development, unset AllowedHosts means the host of Site:BaseUrl (and this machine's
        // own names, for health checks); a request naming any other host gets a 400.
        if (!builder.Environment.IsDevelopment() && string.IsNullOrWhiteSpace(builder.Configuration["AllowedHosts"])
            && Uri.TryCreate(builder.Configuration["Site:BaseUrl"], UriKind.Absolute, out var site))
        {
            builder.Configuration["AllowedHosts"] = $"{site.IdnHost};localhost;127.0.0.1;[::1]";
        }

        // X-Forwarded-For and -Proto are believed only from the proxies named in configuration;
        // from anyone else they are ignored. The Host header is not taken from X-Forwarded-Host.
        builder.Services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in SettingsRules.List(builder.Configuration, "Proxy:KnownProxies"))
            {
                if (IPAddress.TryParse(proxy, out var address))
                {
                    o.KnownProxies.Add(address);
                }
            }
            foreach (var network in SettingsRules.List(builder.Configuration, "Proxy:KnownNetworks"))
            {
                if (System.Net.IPNetwork.TryParse(network, out var parsed))
                {
                    o.KnownIPNetworks.Add(parsed);
                }
            }
        });

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
            // Forms are checked by the server (the site has no script); without client validation an
            // empty validation summary renders nothing, not an inline-styled item the CSP refuses.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SiteText)));
        services.AddSingleton<IConfigureOptions<MvcOptions>, LocalizedBindingMessages>();
        services.Configure<MvcOptions>(o =>
        {
            o.Filters.Add(new BadInput.UnreadableCheckboxes());
            o.Filters.Add(new BadInput.NoSuchHandler());
        });

        // Write French, Spanish and Russian text as characters, not as &#x…; entities.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOptions<OrganizationOptions>().BindConfiguration(OrganizationOptions.Section).PostConfigure(o => o.Normalize());
        services.AddSingleton<SiteParts>();
        // The platform's own cookies, for the privacy notice: the language menu's choice, the
        // antiforgery token of forms, and the notice a form shows once after it redirects.
        services.AddSiteCookie(new SiteCookie(CookieRequestCultureProvider.DefaultCookieName, typeof(SiteText), "Privacy.Cookies.Culture", "Privacy.Cookies.OneYear", Order: 10));
        services.AddSiteCookie(new SiteCookie(".AspNetCore.Antiforgery.*", typeof(SiteText), "Privacy.Cookies.Antiforgery", "Privacy.Cookies.BrowserSession", Order: 11));
        services.AddSiteCookie(new SiteCookie(".AspNetCore.Mvc.CookieTempDataProvider", typeof(SiteText), "Privacy.Cookies.Notice", "Privacy.Cookies.UntilShown", Order: 12));
        services.AddProblemDetails();
        services.AddOpenApi("v1", o =>
        {
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info.Title = "Normative API";
                doc.Info.Description = "The public and member API of a Normative standards body.";
                // Relative to the page that shows it: Swagger UI then needs no server menu (which it leaves unlabelled).
                doc.Servers?.Clear();
                return Task.CompletedTask;
            });
            o.CreateSchemaReferenceId = OpenApiSchemaIds.For;
            o.AddTokenSecurity();
            ApiErrorResponses.Describe(o);
            ApiExamples.Describe(o);
        });
        services.AddHealthChecks()
            .AddDbContextCheck<NormativeDb>("database", tags: ["ready"])
            .AddCheck<SchemaHealthCheck>("migrations", tags: ["ready"]);
        services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });

        // Features add their own output-cache policies and rate-limit policies to these.
        services.AddOutputCache(o =>
        {
            o.AddPolicy(Sitemap.CachePolicy, b => b.Expire(TimeSpan.FromMinutes(10)).Tag(Sitemap.CachePolicy));
            o.SizeLimit = builder.Configuration.GetValue("Catalogue:CacheMegabytes", 64L) * 1024 * 1024;
            o.MaximumBodySize = 8 * 1024 * 1024;
        });
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RateLimitRejection.WriteAsync;
        });
        services.AddAnonymousLimits(builder.Configuration); // token links, the anonymous cart

        // Brotli, else gzip, for pages, CSS, JSON, feeds and SVG (the server's own; nginx may do it in front instead).
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
            o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes
                .Concat(["image/svg+xml", "application/problem+json", "application/atom+xml", "application/x-ndjson", "text/calendar"]);
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);

        services.AddNormativeDataProtection(builder.Configuration);
        return builder;
    }

    public static WebApplication UseWebPlatform(this WebApplication app)
    {
        // First of all: the client's address and scheme, as a configured proxy reports them.
        app.UseForwardedHeaders();
        // Then, so that error pages re-executed below keep the request's language.
        app.UseRequestLocalization();
        app.UseCultureChoice();
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = BadInput.StatusCodeFor });
            api.UseStatusCodePages();
        });
        app.UseWhen(c => !IsApi(c), site =>
        {
            site.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500", StatusCodeSelector = BadInput.StatusCodeFor });
            site.UseStatusCodePagesWithReExecute("/error/{0}");
        });
        app.UseBadInputGuard();
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseStaticFiles(new StaticFileOptions
        {
            // A file linked with asp-append-version (?v=<hash>) never changes under that address:
            // browsers keep it a year. Other files are checked again after an hour.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=3600",
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseRateLimiter();
        app.UseOutputCache();         // after authentication, so cache policies know who is anonymous

        app.MapSitemap();
        // Live: the process answers. Ready: the database answers and its schema is this version's.
        app.MapHealthChecks("/healthz/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/healthz/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        app.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        MetricsPage.Map(app);
        app.MapOpenApi("/openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "api/docs";
            o.SwaggerEndpoint("/openapi/v1.json", "Normative API v1");
            o.DocumentTitle = "Normative API";
            o.InjectStylesheet("/css/swagger.css");
        });
        app.MapGet("/language", SetLanguage).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Requests answered as the API answers (problem details, not error pages): the API, and the
    /// JSON files under /.well-known that programs read (the receipt key).
    /// </summary>
    private static bool IsApi(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        || (context.Request.Path.StartsWithSegments("/.well-known") && context.Request.Path.Value?.EndsWith(".json", StringComparison.Ordinal) == true);

    /// <summary>The language menu's target: remembers the choice in the culture cookie for a year.</summary>
    private static IResult SetLanguage(HttpContext context, string? culture, string? returnUrl)
    {
        if (Cultures.IsSupported(culture))
        {
            CultureChoice.Remember(context, culture!.ToLowerInvariant());
        }
        var target = returnUrl is not null && LocalUrl.IsLocal(returnUrl) ? LocalUrl.ForLocation(returnUrl) : "/";
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
