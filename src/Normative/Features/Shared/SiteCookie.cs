namespace Normative.Features.Shared;

/// <summary>
/// A cookie the site may set, for the privacy notice's table: the feature that sets it registers it
/// (<see cref="SitePartsSetup.AddSiteCookie"/>), so the notice lists what the running site really
/// uses. <paramref name="Name"/> ends with <c>*</c> for a family of cookies (the antiforgery
/// cookie carries a suffix); <paramref name="PurposeKey"/> and <paramref name="LifetimeKey"/> are
/// keys of the feature's resources (<paramref name="Text"/>).
/// </summary>
public sealed record SiteCookie(string Name, Type Text, string PurposeKey, string LifetimeKey, int Order = 0)
{
    /// <summary>Whether a cookie the browser holds is this one.</summary>
    public bool Matches(string cookieName) =>
        Name.EndsWith('*') ? cookieName.StartsWith(Name[..^1], StringComparison.Ordinal) : cookieName == Name;
}
