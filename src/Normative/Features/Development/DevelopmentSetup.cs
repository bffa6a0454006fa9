using Normative.Features.Development.Ballots;

namespace Normative.Features.Development;

/// <summary>Standards development: the ballot mails and the worker that sends reminders and closes ballots at their date.</summary>
public static class DevelopmentSetup
{
    public static WebApplicationBuilder AddDevelopment(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<DevelopmentMail>();
        if (builder.Configuration.GetValue("Development:Jobs:Enabled", true))
        {
            services.AddHostedService<BallotWorker>();
        }
        return builder;
    }
}
