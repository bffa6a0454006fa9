namespace Normative.Mail;

/// <summary>Mail: the outbox table, its worker and the sender (SMTP or .eml files).</summary>
public static class MailSetup
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<MailSettings>(builder.Configuration.GetSection("Mail"));
        services.AddSingleton<OutboxSignal>();
        // An SMTP server when one is configured; otherwise .eml files in the pickup folder.
        if (string.IsNullOrWhiteSpace(builder.Configuration["Mail:Smtp:Host"]))
        {
            services.AddSingleton<IMailSender, PickupMailSender>();
        }
        else
        {
            services.AddSingleton<IMailSender, SmtpMailSender>();
        }
        services.AddScoped<OutboxProcessor>();
        if (builder.Configuration.GetValue("Mail:Worker", true))
        {
            services.AddHostedService<OutboxWorker>();
        }
        return builder;
    }
}
