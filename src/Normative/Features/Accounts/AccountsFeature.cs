using System.CommandLine;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Accounts;

/// <summary>Identity on PostgreSQL, the sign-in cookie, personal API tokens and the role policies.</summary>
public sealed class AccountsFeature : Feature
{
    /// <summary>Chooses between the API token and the cookie for each request.</summary>
    public const string Scheme = "Normative";

    /// <summary>
    /// The rate limit of the anonymous account forms (sign-in, sign-up, password reset, resend,
    /// two-factor code): posts per client address and minute, <c>Accounts:FormPostsPerMinute</c>
    /// (default 10). Showing the forms is never limited.
    /// </summary>
    public const string FormsPolicy = "account-forms";

    public override void AddServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<User, IdentityRole>(o =>
            {
                // Length over composition (NIST SP 800-63B): 12 characters, no character-class rules,
                // and a check against common passwords (CommonPasswordValidator).
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters += "'";
            })
            .AddEntityFrameworkStores<NormativeDb>()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<CommonPasswordValidator>();

        // Each sign-in cookie is checked against its account every Accounts:SessionCheckSeconds (60 s;
        // Identity's default is 30 min): roles withdrawn, a password changed, two-factor turned off
        // or the account's sessions ended (a new security stamp) take effect within that time.
        // A session that signed in with a passkey stays one when the check rebuilds its claims.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromSeconds(Math.Max(0, builder.Configuration.GetValue("Accounts:SessionCheckSeconds", 60)));
            o.OnRefreshingPrincipal = context =>
            {
                if (context.CurrentPrincipal?.HasClaim(c => c.Type == StaffTwoFactor.PasskeyClaim) == true && context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    StaffTwoFactor.ReleaseForPasskey(identity);
                }
                return Task.CompletedTask;
            };
        });
        services.AddSiteCookie(new SiteCookie(".AspNetCore.Identity.Application", typeof(SiteText), "Privacy.Cookies.Session", "Privacy.Cookies.SessionLife", Order: 1));
        services.AddSiteCookie(new SiteCookie("Identity.TwoFactorUserId", typeof(SiteText), "Privacy.Cookies.TwoFactor", "Privacy.Cookies.FiveMinutes", Order: 2));
        services.AddSiteCookie(new SiteCookie("Identity.TwoFactorRememberMe", typeof(SiteText), "Privacy.Cookies.RememberMachine", "Privacy.Cookies.FourteenDays", Order: 3));
        // Identity keeps a passkey ceremony's state (its challenge) in its external-sign-in cookie.
        services.AddSiteCookie(new SiteCookie("Identity.External", typeof(SiteText), "Privacy.Cookies.Passkey", "Privacy.Cookies.FiveMinutes", Order: 4));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = AccountLinks.SignIn;
            o.LogoutPath = AccountLinks.SignOut;
            o.AccessDeniedPath = "/error/403";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            };
            // A signed-in person without the role gets a 403 answer (and the error page), not a redirect;
            // an administrator or editor without two-factor sign-in is sent to set it up.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                if (StaffTwoFactor.IsPending(context.HttpContext.User) && !context.Request.Path.StartsWithSegments("/api"))
                {
                    context.Response.Redirect(AccountLinks.TwoFactorThenReturnTo(context.Request.PathBase + context.Request.Path + context.Request.QueryString));
                    return Task.CompletedTask;
                }
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = Scheme;
                o.DefaultAuthenticateScheme = Scheme;
                o.DefaultChallengeScheme = Scheme;
                o.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                ApiTokenAuthenticationHandler.HasBearerToken(context.Request)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        // The session lives on the server; the cookie only names it (SignInSessionStore).
        services.AddSingleton<SignInSessionStore>();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>, SignInSessionCookieSetup>();
        services.AddSingleton<PasswordResetRequests>();
        services.AddHostedService<PasswordResetWorker>();

        var postsPerMinute = builder.Configuration.GetValue("Accounts:FormPostsPerMinute", 10);
        services.AddRateLimiter(o => o.AddPolicy(FormsPolicy, context =>
            HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("show")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = postsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })));

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, p => p.RequireRole(Roles.Administrator))
            .AddPolicy(Policies.Editor, p => p.RequireRole(Roles.Editor, Roles.Administrator));
        // The administrators' pages (Features/Admin): accounts, roles, the mail outbox.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Admin", Policies.Administrator));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Shell.SignIn", AccountLinks.SignIn, "Sitemap.Account", Order: 301));
        services.AddSiteLink(new SiteLink(SiteSlots.Sitemap, typeof(SiteText), "Account.SignUp.Title", AccountLinks.SignUp, "Sitemap.Account", Order: 302));
        services.AddSiteLink(new SiteLink(SiteSlots.Account, typeof(SiteText), "Admin.Title", AccountLinks.Admin, Role: Roles.Administrator, Order: 100));
        services.AddSiteComponent(SiteSlots.HeaderTools, typeof(AccountMenuViewComponent), order: 0);
    }

    public override void UseMiddleware(WebApplication app) =>
        app.UseMiddleware<StaffAudit>(); // every staff POST, PUT and DELETE into staff_actions

    public override void MapEndpoints(WebApplication app) =>
        app.MapAccountsApi();         // /api/v1/account

    public override IEnumerable<Command> Commands() =>
    [
        UsersCommand.Create(),        // users create | list
    ];
}
