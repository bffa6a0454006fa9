using System.Security.Claims;

namespace Normative.Features.Catalogue;

/// <summary>
/// A tab of a committee's home (/committees/{slug}): <paramref name="Id"/> names it for the page that
/// is open, <paramref name="TextKey"/> is its label in <paramref name="Text"/>'s resources,
/// <paramref name="Href"/> its address for a committee, and <paramref name="Visible"/>, when given,
/// who sees it (the settings tab is for the committee's managers). Features register theirs with
/// <see cref="CommitteeTabsSetup.AddCommitteeTab"/>; the tabs show in <paramref name="Order"/>.
/// </summary>
public sealed record CommitteeTab(string Id, int Order, Type Text, string TextKey, Func<Committee, string> Href,
    Func<ClaimsPrincipal, Committee, bool>? Visible = null);
