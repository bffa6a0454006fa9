namespace Normative.Features.Shared;

/// <summary>
/// A link a feature puts in a slot of a shared page: its text is <paramref name="TextKey"/> in the
/// feature's resources (<paramref name="Text"/>, the marker class of its .resx); <paramref name="Group"/>
/// names the group it belongs to where the slot groups links (a key of the feature's resources, or
/// else of SiteText); a link with a <paramref name="Role"/> is shown only to people in that role.
/// </summary>
public sealed record SiteLink(string Slot, Type Text, string TextKey, string Href, string? Group = null, string? Role = null, int Order = 0);
