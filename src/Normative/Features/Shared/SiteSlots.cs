namespace Normative.Features.Shared;

/// <summary>
/// The places on the shared pages where features put their parts. A feature registers a
/// <see cref="SiteLink"/> or a <see cref="SiteComponent"/> for a slot at start-up; the shared page
/// shows whatever is registered, so it never names a feature. A feature can own slots of its own
/// (the catalogue's standard page has one for the store's offers).
/// </summary>
public static class SiteSlots
{
    /// <summary>The header, beside the language menu (components).</summary>
    public const string HeaderTools = "header-tools";

    /// <summary>The main navigation under the header (links).</summary>
    public const string Navigation = "navigation";

    /// <summary>The footer's first column (components).</summary>
    public const string FooterLead = "footer-lead";

    /// <summary>The site's own pages, grouped (components): in the footer and on the sitemap page.</summary>
    public const string Pages = "pages";

    /// <summary>The member directory's introduction, above the directory (components).</summary>
    public const string MembersLead = "members-lead";

    /// <summary>The "structure" page, after its text: the live figures of committees and members (components).</summary>
    public const string Structure = "structure";

    /// <summary>The footer's links.</summary>
    public const string Footer = "footer";

    /// <summary>The home page's cards, side by side (<see cref="SiteCard"/>).</summary>
    public const string HomeCards = "home-cards";

    /// <summary>The home page's column beside "Top standards" (components): the featured articles.</summary>
    public const string HomeFeatured = "home-featured";

    /// <summary>"My account": links to a feature's pages for the signed-in person.</summary>
    public const string Account = "account";

    /// <summary>The administrators' overview: links, a card per <see cref="SiteLink.Group"/>.</summary>
    public const string AdminHub = "admin-hub";

    /// <summary>The sitemap page: links, grouped by <see cref="SiteLink.Group"/>.</summary>
    public const string Sitemap = "sitemap";
}
