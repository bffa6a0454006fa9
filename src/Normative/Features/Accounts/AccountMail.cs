using System.Net;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Mail;

namespace Normative.Features.Accounts;

/// <summary>The account mails (confirm the address, reset the password), in the language of the page that caused them.</summary>
public static class AccountMail
{
    public static void QueueConfirmation(NormativeDb db, IStringLocalizer t, string organization, User user, string link) =>
        Queue(db, t, organization, user, "Mail.Confirm", link);

    public static void QueueAlreadyRegistered(NormativeDb db, IStringLocalizer t, string organization, User user, string link) =>
        Queue(db, t, organization, user, "Mail.Already", link);

    public static void QueueReset(NormativeDb db, IStringLocalizer t, string organization, User user, string link) =>
        Queue(db, t, organization, user, "Mail.Reset", link);

    private static void Queue(NormativeDb db, IStringLocalizer t, string organization, User user, string key, string link)
    {
        var greeting = t["Mail.Greeting", user.DisplayName ?? user.Email!].Value;
        var subject = t[key + ".Subject", organization].Value;
        var intro = t[key + ".Intro", organization].Value;
        var action = t[key + ".Action"].Value;
        var outro = t[key + ".Outro"].Value;
        var signature = t["Mail.Signature", organization].Value;
        var text = $"{greeting}\n\n{intro}\n\n{action}:\n{link}\n\n{outro}\n\n{signature}\n";
        var h = (string s) => WebUtility.HtmlEncode(s);
        var html = $"""
            <p>{h(greeting)}</p>
            <p>{h(intro)}</p>
            <p><a href="{h(link)}">{h(action)}</a></p>
            <p>{h(outro)}</p>
            <p>{h(signature)}</p>
            """;
        Outbox.Enqueue(db, user.Email!, subject, text, html);
    }
}
