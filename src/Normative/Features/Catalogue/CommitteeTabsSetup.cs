namespace Normative.Features.Catalogue;

/// <summary>How a feature adds a tab to every committee's home (see <see cref="CommitteeTab"/>).</summary>
public static class CommitteeTabsSetup
{
    public static IServiceCollection AddCommitteeTab(this IServiceCollection services, CommitteeTab tab) =>
        services.AddSingleton(tab);
}
