namespace Normative.Features.Shared;

/// <summary>How a feature registers its parts of the shared pages (see <see cref="SiteSlots"/>).</summary>
public static class SitePartsSetup
{
    public static IServiceCollection AddSiteLink(this IServiceCollection services, SiteLink link) =>
        services.AddSingleton(link);

    public static IServiceCollection AddSiteCard(this IServiceCollection services, SiteCard card) =>
        services.AddSingleton(card);

    public static IServiceCollection AddSiteCookie(this IServiceCollection services, SiteCookie cookie) =>
        services.AddSingleton(cookie);

    public static IServiceCollection AddSiteComponent(this IServiceCollection services, string slot, Type component, int order = 0) =>
        services.AddSingleton(new SiteComponent(slot, component, order));
}
