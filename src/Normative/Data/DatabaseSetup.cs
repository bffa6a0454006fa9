using Microsoft.EntityFrameworkCore;
using Normative.Mail;

namespace Normative.Data;

/// <summary>PostgreSQL through EF Core. The data source is resolved once the configuration is final (see NormativeDatabase).</summary>
public static class DatabaseSetup
{
    public static WebApplicationBuilder AddDatabase(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<NormativeDatabase>();
        services.AddSingleton(sp => sp.GetRequiredService<NormativeDatabase>().DataSource);
        services.AddDbContextPool<NormativeDb>((sp, o) => o
            .UseNpgsql(sp.GetRequiredService<NormativeDatabase>().DataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_unused"))
            .AddInterceptors(sp.GetRequiredService<OutboxSignal>()));
        services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>Starts the embedded cluster if needed and brings the schema up to date.</summary>
    public static Task StartDatabaseAsync(this IServiceProvider services, CancellationToken ct = default) =>
        services.GetRequiredService<NormativeDatabase>().StartAsync(ct: ct);
}
