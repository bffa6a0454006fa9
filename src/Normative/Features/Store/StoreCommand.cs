using System.CommandLine;
using Normative.Cli;
using Normative.Data;
using Normative.Features.Store.Alerts;

namespace Normative.Features.Store;

/// <summary>`normative store alerts`: looks for changes to bought standards now and mails their buyers (as the background job does).</summary>
public static class StoreCommand
{
    public static Command Create()
    {
        var store = new Command("store", "The store's tools.");
        // The command line host hands each command its services (sp); a command is its own composition root.
        store.Subcommands.Add(NormativeCli.Command("alerts", "Mail buyers about new editions, amendments, corrigenda and withdrawals of what they bought, and subscribers about what joined their collections (once per change).", async (sp, ct) =>
        {
            var mails = await StoreAlerts.ScanAsync(sp.GetRequiredService<NormativeDb>(), sp.GetRequiredService<StoreMail>(),
                sp.GetRequiredService<TimeProvider>().GetUtcNow(), sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StoreAlerts)), ct);
            Console.WriteLine($"Store alerts: {mails} mails queued.");
            return 0;
        }));
        return store;
    }
}
