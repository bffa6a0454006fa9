using System.Security.Claims;
using Microsoft.Extensions.Localization;

namespace Normative.Features.Catalogue;

/// <summary>The tabs the features registered for a committee's home, in order, read once at start-up.</summary>
public sealed class CommitteeTabs(IEnumerable<CommitteeTab> tabs, IStringLocalizerFactory localizers)
{
    private readonly CommitteeTab[] _tabs = tabs.OrderBy(t => t.Order).ThenBy(t => t.Id, StringComparer.Ordinal).ToArray();

    public IReadOnlyList<CommitteeTab> All => _tabs;

    /// <summary>The tabs <paramref name="user"/> may see on <paramref name="committee"/>'s pages.</summary>
    public IReadOnlyList<CommitteeTab> For(ClaimsPrincipal user, Committee committee) =>
        _tabs.Where(t => t.Visible is null || t.Visible(user, committee)).ToList();

    /// <summary>The tab's label in the current UI language.</summary>
    public string Text(CommitteeTab tab)
    {
        ArgumentNullException.ThrowIfNull(tab);
        return localizers.Create(tab.Text)[tab.TextKey];
    }
}
