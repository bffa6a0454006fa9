using System.Net;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Mail;
using Normative.Web;

namespace Normative.Features.Content.Updates;

/// <summary>
/// The mails of email updates, in the subscriber's language, through the outbox. Every mail to a
/// confirmed subscriber carries the preferences link and the one-click unsubscribe headers.
/// </summary>
public static class UpdatesMail
{
    /// <summary>RFC 2369 and RFC 8058: mail programs show an "Unsubscribe" button that POSTs to the link.</summary>
    public static string ListUnsubscribeHeaders(string unsubscribeLink) =>
        $"List-Unsubscribe: <{unsubscribeLink}>\nList-Unsubscribe-Post: List-Unsubscribe=One-Click";

    public static void QueueConfirmation(NormativeDb db, IStringLocalizer<ContentText> t, string organization, Subscriber subscriber, string confirmLink)
    {
        using var _ = CultureScope.Use(subscriber.Language);
        Queue(db, subscriber.Email, t["Mail.Confirm.Subject", organization], [t["Mail.Confirm.Intro", organization], t["Mail.Confirm.Expiry"]],
            t["Mail.Confirm.Action"], confirmLink, t["Mail.Confirm.Outro"], t["Mail.Signature", organization], headers: null);
    }

    public static void QueueAlreadySubscribed(NormativeDb db, IStringLocalizer<ContentText> t, string organization, Subscriber subscriber, string preferencesLink)
    {
        using var _ = CultureScope.Use(subscriber.Language);
        Queue(db, subscriber.Email, t["Mail.Already.Subject", organization], [t["Mail.Already.Intro", organization]],
            t["Mail.Preferences.Action"], preferencesLink, t["Mail.Already.Outro"], t["Mail.Signature", organization], headers: null);
    }

    public static void QueueWelcome(NormativeDb db, IStringLocalizer<ContentText> t, string organization, Subscriber subscriber, string preferencesLink, string unsubscribeLink)
    {
        using var _ = CultureScope.Use(subscriber.Language);
        Queue(db, subscriber.Email, t["Mail.Welcome.Subject", organization], [t["Mail.Welcome.Intro", organization]],
            t["Mail.Preferences.Action"], preferencesLink, t["Mail.Welcome.Outro"], t["Mail.Signature", organization], ListUnsubscribeHeaders(unsubscribeLink));
    }

    private static void Queue(NormativeDb db, string to, string subject, IReadOnlyList<LocalizedString> paragraphs, string action, string link,
        string outro, string signature, string? headers)
    {
        var text = string.Join("\n\n", paragraphs.Select(p => p.Value)) + $"\n\n{action}:\n{link}\n\n{outro}\n\n{signature}\n";
        var h = (string s) => WebUtility.HtmlEncode(s);
        var html = string.Concat(paragraphs.Select(p => $"<p>{h(p.Value)}</p>\n"))
            + $"<p><a href=\"{h(link)}\">{h(action)}</a></p>\n<p>{h(outro)}</p>\n<p>{h(signature)}</p>\n";
        var message = Outbox.Enqueue(db, to, subject, text, html);
        message.Headers = headers;
    }
}
