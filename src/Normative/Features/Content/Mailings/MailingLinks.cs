using Normative.Features.Content.Updates;
using Normative.Features.Shared;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// A mailing's text is written once for every reader; the reader's own signed links go in at send
/// time in place of these markers (they cannot occur in Markdown-free text we write ourselves).
/// </summary>
public static class MailingLinks
{
    public const string PreferencesPlaceholder = "{{preferences}}";
    public const string UnsubscribePlaceholder = "{{unsubscribe}}";

    /// <summary>The reader's preferences and one-click unsubscribe links, absolute, in the reader's language.</summary>
    public static (string Preferences, string Unsubscribe) For(SubscriptionTokens tokens, IConfiguration configuration, long subscriberId, string language)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var token = tokens.Preferences(subscriberId);
        return (SiteLinks.Mail(configuration, ContentLinks.Preferences(token, language)), SiteLinks.Mail(configuration, ContentLinks.Unsubscribe(token, language)));
    }

    public static string Fill(string body, string preferences, string unsubscribe) =>
        body.Replace(PreferencesPlaceholder, preferences, StringComparison.Ordinal).Replace(UnsubscribePlaceholder, unsubscribe, StringComparison.Ordinal);
}
