using System.CommandLine;
using Normative.Cli;
using Normative.Features.Store.Alerts;

namespace Normative.Features.Store;

/// <summary>`normative store alerts`: looks for changes to bought standards now and mails their buyers (as the background job does).</summary>
public static class StoreCommand
{
    public static Command Create()
    {
        var store = new Command("store", "The store's tools.");
        store.Subcommands.Add(NormativeCli.Command("alerts", "Mail buyers about new editions, amendments, corrigenda and withdrawals of what they bought (once per change).", async (sp, ct) =>
        {
            var mails = await sp.GetRequiredService<StoreAlerts>().ScanAsync(ct);
            Console.WriteLine($"Store alerts: {mails} mails queued.");
            return 0;
        }));
        return store;
    }
}
