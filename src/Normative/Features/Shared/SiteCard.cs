namespace Normative.Features.Shared;

/// <summary>
/// A card a feature puts in a slot of a shared page (the home page's "Buy standards"): a title, a
/// sentence and an action, all keys of the feature's resources (<paramref name="Text"/>).
/// </summary>
public sealed record SiteCard(string Slot, Type Text, string TitleKey, string BodyKey, string ActionKey, string Href, int Order = 0);
