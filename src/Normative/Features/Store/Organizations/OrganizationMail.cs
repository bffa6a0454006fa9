using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Mail;

namespace Normative.Features.Store.Organizations;

/// <summary>
/// The mail of organisation accounts, queued in the caller's unit of work and written in the
/// language of the page that caused it: an invitation to join, and the news that a seat of a
/// multi-user licence is someone's now.
/// </summary>
public sealed class OrganizationMail(IStringLocalizer<OrganizationText> t, IConfiguration configuration, IOptions<OrganizationOptions> site)
{
    public void QueueInvitation(NormativeDb db, string email, string organization, string inviter, string token, DateTimeOffset expires)
    {
        var siteName = site.Value.Name;
        var paragraphs = new[]
        {
            t["Mail.Invitation.Intro", inviter, organization, siteName].Value,
            t["Mail.Invitation.How"].Value,
            t["Mail.Invitation.Expires", expires.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value,
        };
        Queue(db, email, t["Mail.Invitation.Subject", organization, siteName].Value, paragraphs,
            (t["Mail.Invitation.Action"].Value, SiteLinks.Mail(configuration, OrganizationLinks.Invitation(token))), siteName);
    }

    /// <param name="reference">The standard, with its language ("ISO 9001:2015, English").</param>
    public void QueueSeatAssigned(NormativeDb db, string email, string holderName, string organization, string reference)
    {
        var siteName = site.Value.Name;
        var paragraphs = new[] { t["Mail.Seat.Intro", organization, reference].Value, t["Mail.Seat.Stamp", holderName].Value };
        Queue(db, email, t["Mail.Seat.Subject", siteName, reference].Value, paragraphs,
            (t["Mail.Seat.Action"].Value, SiteLinks.Mail(configuration, StoreLinks.Downloads())), siteName);
    }

    private void Queue(NormativeDb db, string to, string subject, IEnumerable<string> paragraphs, (string Text, string Url) action, string siteName)
    {
        var greeting = t["Mail.Greeting"].Value;
        var signature = t["Mail.Signature", siteName].Value;
        var text = new StringBuilder().Append(greeting).Append("\n\n");
        var html = new StringBuilder().Append("<p>").Append(H(greeting)).Append("</p>\n");
        foreach (var p in paragraphs)
        {
            text.Append(p).Append("\n\n");
            html.Append("<p>").Append(H(p)).Append("</p>\n");
        }
        text.Append(action.Text).Append(":\n").Append(action.Url).Append("\n\n").Append(signature).Append('\n');
        html.Append("<p><a href=\"").Append(H(action.Url)).Append("\">").Append(H(action.Text)).Append("</a></p>\n")
            .Append("<p>").Append(H(signature)).Append("</p>\n");
        Outbox.Enqueue(db, to, subject, text.ToString(), html.ToString());
    }

    private static string H(string s) => WebUtility.HtmlEncode(s);
}
