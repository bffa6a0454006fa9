using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
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
        services.AddPooledDbContextFactory<NormativeDb>((sp, o) => o
            .UseNpgsql(sp.GetRequiredService<NormativeDatabase>().DataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_unused"))
            .AddInterceptors(sp.GetRequiredService<OutboxSignal>())
            // A feature that must know when something is written registers its own (the registry's cache).
            .AddInterceptors(sp.GetServices<IInterceptor>()));
        // Each request's NormativeDb comes from the primary's pool, or from the replica's for an
        // anonymous public read (ReadRouting); outside a request (jobs, commands) always the primary.
        services.AddHttpContextAccessor();
        services.AddSingleton<ReplicaContexts>();
        services.AddScoped<ReadRoute>();
        services.AddScoped(sp => sp.GetRequiredService<ReadRoute>().UsesReplica
            ? sp.GetRequiredService<ReplicaContexts>().Create()
            : sp.GetRequiredService<IDbContextFactory<NormativeDb>>().CreateDbContext());
        services.AddSingleton(TimeProvider.System);
        return builder;
    }

    /// <summary>
    /// Starts the embedded cluster if needed and brings the schema up to date, unless
    /// Database:MigrateOnStart is false (several nodes, or PgBouncer in front): then `normative migrate`
    /// does it, and until it has, /healthz/ready stays false so the balancer sends the node nothing.
    /// </summary>
    public static Task StartDatabaseAsync(this IServiceProvider services, CancellationToken ct = default) =>
        services.GetRequiredService<NormativeDatabase>().StartAsync(
            migrate: services.GetRequiredService<IConfiguration>().GetValue("Database:MigrateOnStart", true), ct: ct);
}
