using Normative.Tests.Infrastructure;

namespace Normative.Tests.Data;

/// <summary>The app on a primary of its own, with ConnectionStrings:NormativeReplica naming its streaming replica (then the primary as the fallback).</summary>
public sealed class ReplicaFactory : NormativeFactory, IAsyncLifetime
{
    public ReplicaPair Pair { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Normative"] = Pair.PrimaryConnectionString,
        ["ConnectionStrings:NormativeReplica"] = Pair.ReplicaWithFallback,
        ["Catalogue:VersionPollSeconds"] = "0.2",
    };

    public Task InitializeAsync() => Pair.InitializeAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Pair.DisposeAsync();
    }
}
