using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Normative.Features.Content.Updates;

/// <summary>
/// The signed links of email updates, made with the site's data-protection keys (kept in the
/// database, so every instance reads them): the confirmation link (a subscriber, the nonce of the
/// sign-up and an expiry, which is in the signed text so that an expired link is told apart from a
/// forged one) and the preferences link (a subscriber, no expiry: it is in every mail).
/// </summary>
public sealed class SubscriptionTokens(IDataProtectionProvider provider)
{
    public static readonly TimeSpan ConfirmationLifetime = TimeSpan.FromDays(7);

    private readonly IDataProtector _confirm = provider.CreateProtector("Normative.Content.Updates.Confirm");
    private readonly IDataProtector _preferences = provider.CreateProtector("Normative.Content.Updates.Preferences");

    public string Confirmation(long subscriberId, string nonce, DateTimeOffset expires) =>
        _confirm.Protect(string.Create(CultureInfo.InvariantCulture, $"{subscriberId}|{nonce}|{expires.ToUnixTimeSeconds()}"));

    /// <summary>The confirmation link's content, or null when it was not signed by this site (or was altered).</summary>
    public ConfirmationToken? ReadConfirmation(string? token)
    {
        var parts = Unprotect(_confirm, token)?.Split('|');
        if (parts is not { Length: 3 }
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }
        return new ConfirmationToken(id, parts[1], DateTimeOffset.FromUnixTimeSeconds(seconds));
    }

    public string Preferences(long subscriberId) => _preferences.Protect(subscriberId.ToString(CultureInfo.InvariantCulture));

    /// <summary>The subscriber a preferences (or unsubscribe) link names, or null when it was not signed by this site.</summary>
    public long? ReadPreferences(string? token) =>
        long.TryParse(Unprotect(_preferences, token), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    private static string? Unprotect(IDataProtector protector, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
