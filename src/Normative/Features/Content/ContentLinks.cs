using Normative.Features.Shared;

namespace Normative.Features.Content;

/// <summary>Links to the content feature's pages.</summary>
public static class ContentLinks
{
    /// <summary>Email updates: the sign-up form (the footer's form posts here too).</summary>
    [LinkTo("/Content/Updates/Index")]
    public static string Updates => "/updates";

    /// <summary>"Almost done!": the answer to every sign-up.</summary>
    [LinkTo("/Content/Updates/AlmostDone")]
    public static string AlmostDone => "/updates/almost-done";

    /// <summary>The link in the confirmation mail.</summary>
    [LinkTo("/Content/Updates/Confirm")]
    public static string Confirm(string token, string? culture = null) => "/updates/confirm?token=" + Uri.EscapeDataString(token) + Culture(culture);

    /// <summary>A subscriber's preferences (topics, language, unsubscribe), by the signed link in every mail.</summary>
    [LinkTo("/Content/Updates/Preferences")]
    public static string Preferences(string token, string? culture = null) => "/updates/preferences?token=" + Uri.EscapeDataString(token) + Culture(culture);

    /// <summary>Links in mail carry the subscriber's language, so the page (and the words recorded as agreed to) are in it.</summary>
    private static string Culture(string? culture) => culture is null ? "" : "&culture=" + Uri.EscapeDataString(culture);

    /// <summary>The List-Unsubscribe address: GET asks, POST (one-click, RFC 8058) unsubscribes.</summary>
    [LinkTo("/Content/Updates/Unsubscribe")]
    public static string Unsubscribe(string token, string? culture = null) => "/updates/unsubscribe?token=" + Uri.EscapeDataString(token) + Culture(culture);
}
