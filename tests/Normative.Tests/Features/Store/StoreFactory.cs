using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store;

/// <summary>The app for store tests: the alert job does not run on its own (tests run scans themselves), two downloads per licence.</summary>
public class StoreFactory : NormativeFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Store:Alerts:Enabled"] = "false",
        ["Store:DownloadLimit"] = "2",
        ["Store:BankAccount"] = "CH93 0076 2011 6238 5295 7",
        // A hundred requests at once share this many connections instead of taking the test cluster's.
        ["ConnectionStrings:Normative"] = ConnectionString + ";Maximum Pool Size=30",
    };
}
