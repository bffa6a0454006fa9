using System.Collections.Frozen;
using System.Security.Claims;
using Microsoft.Extensions.Localization;

namespace Normative.Features.Shared;

/// <summary>What the features registered for the shared pages' slots, in order, read once at start-up.</summary>
public sealed class SiteParts
{
    private readonly FrozenDictionary<string, SiteLink[]> _links;
    private readonly FrozenDictionary<string, SiteComponent[]> _components;
    private readonly FrozenDictionary<string, SiteCard[]> _cards;
    private readonly SiteCookie[] _cookies;
    private readonly IStringLocalizerFactory _localizers;

    public SiteParts(IEnumerable<SiteLink> links, IEnumerable<SiteComponent> components, IEnumerable<SiteCard> cards, IEnumerable<SiteCookie> cookies, IStringLocalizerFactory localizers)
    {
        _cookies = cookies.OrderBy(c => c.Order).ThenBy(c => c.Name, StringComparer.Ordinal).ToArray();
        _cards = cards.GroupBy(c => c.Slot).ToFrozenDictionary(g => g.Key, g => g.OrderBy(c => c.Order).ToArray());
        _links = links.GroupBy(l => l.Slot).ToFrozenDictionary(g => g.Key, g => g.OrderBy(l => l.Order).ToArray());
        _components = components.GroupBy(c => c.Slot).ToFrozenDictionary(g => g.Key, g => g.OrderBy(c => c.Order).ToArray());
        _localizers = localizers;
    }

    public IReadOnlyList<SiteComponent> Components(string slot) => _components.GetValueOrDefault(slot) ?? [];

    public IReadOnlyList<SiteCard> Cards(string slot) => _cards.GetValueOrDefault(slot) ?? [];

    /// <summary>Every cookie the features said they may set, for the privacy notice.</summary>
    public IReadOnlyList<SiteCookie> Cookies => _cookies;

    /// <summary>A text of a cookie's row (its purpose or lifetime) in the current UI language.</summary>
    public string Text(SiteCookie cookie, string key)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        return _localizers.Create(cookie.Text)[key];
    }

    /// <summary>A text of a card (its title, body or action) in the current UI language.</summary>
    public string Text(SiteCard card, string key)
    {
        ArgumentNullException.ThrowIfNull(card);
        return _localizers.Create(card.Text)[key];
    }

    /// <summary>The slot's links that <paramref name="user"/> may see.</summary>
    public IReadOnlyList<SiteLink> Links(string slot, ClaimsPrincipal? user = null) =>
        (_links.GetValueOrDefault(slot) ?? []).Where(l => l.Role is null || user?.IsInRole(l.Role) == true).ToList();

    /// <summary>The link's text in the current UI language.</summary>
    public string Text(SiteLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return _localizers.Create(link.Text)[link.TextKey];
    }

    /// <summary>The name of the link's group: in the feature's resources, or else in the site's.</summary>
    public string GroupText(SiteLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        var own = _localizers.Create(link.Text)[link.Group ?? ""];
        return own.ResourceNotFound ? _localizers.Create(typeof(SiteText))[link.Group ?? ""] : own;
    }

    /// <summary>The slot's links that <paramref name="user"/> may see, by group, groups in the order of their first link.</summary>
    public IReadOnlyList<IGrouping<string, SiteLink>> Groups(string slot, ClaimsPrincipal? user = null) =>
        Links(slot, user).GroupBy(l => l.Group ?? "").ToList();
}
