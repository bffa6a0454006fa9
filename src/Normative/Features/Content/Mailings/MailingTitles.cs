using Microsoft.Extensions.Localization;

namespace Normative.Features.Content.Mailings;

/// <summary>What Editors see a mailing called: a newsletter by its subject, a digest by its period ("Weekly digest, 2026-W49").</summary>
public static class MailingTitles
{
    public static string Title(IStringLocalizer<ContentText> t, Mailing mailing)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(mailing);
        if (mailing.Kind != MailingKind.Digest || mailing.PeriodKey is null)
        {
            return mailing.Subject;
        }
        // "digest:weekly:2026-W49", as Digests.PeriodKey writes it.
        var parts = mailing.PeriodKey.Split(':');
        return parts.Length == 3
            ? t[parts[1] == "daily" ? "Mailings.Digest.Daily" : "Mailings.Digest.Weekly", parts[2]].Value
            : mailing.PeriodKey;
    }
}
