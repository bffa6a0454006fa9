namespace Normative.Mail;

/// <summary>Mail: the outbox table, its worker and the sender (SMTP or .eml files).</summary>
public static class MailSetup
{
    public static WebApplicationBuilder AddMail(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<MailSettings>(builder.Configuration.GetSection("Mail"));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IMailSender, SmtpMailSender>();
        services.AddScoped<OutboxProcessor>();
        if (builder.Configuration.GetValue("Mail:Worker", true))
        {
            services.AddHostedService<OutboxWorker>();
        }
        return builder;
    }
}
