using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Content.Mailings;

/// <summary>
/// Writes a digest in one language, plain text and HTML, with the reader's links left as markers
/// (<see cref="MailingLinks"/>) so one text serves every reader of that language and topics.
/// </summary>
public static class DigestWriter
{
    /// <summary>Items listed per section; the rest are counted with a link to the full list.</summary>
    public const int MaxPerSection = 30;

    public static (string Subject, string Text, string Html) Write(IStringLocalizer<ContentText> t, IConfiguration configuration, string organization,
        string language, DateTimeOffset since, IReadOnlyList<string> topicNames, DigestItems items)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(topicNames);
        ArgumentNullException.ThrowIfNull(items);
        using var _ = CultureScope.Use(language);
        var text = new StringBuilder();
        var html = new StringBuilder();
        static string H(string s) => WebUtility.HtmlEncode(s);
        string Link(string path) => SiteLinks.Mail(configuration, path);

        var intro = t["Mail.Digest.Intro", since.UtcDateTime.ToString("D", CultureInfo.CurrentCulture)].Value;
        text.Append(intro).Append("\n\n");
        html.Append("<p>").Append(H(intro)).Append("</p>\n");
        if (topicNames.Count > 0)
        {
            var yours = t["Mail.Digest.Topics"].Value;
            text.Append(yours).Append('\n');
            html.Append("<p>").Append(H(yours)).Append("</p>\n<ul>\n");
            foreach (var name in topicNames)
            {
                text.Append("- ").Append(name).Append('\n');
                html.Append("<li>").Append(H(name)).Append("</li>\n");
            }
            text.Append('\n');
            html.Append("</ul>\n");
        }

        void Section(string title, IEnumerable<(string Title, string? Detail, string Url)> entries, int total, string allLink)
        {
            text.Append("== ").Append(title).Append(" ==\n\n");
            html.Append("<h2>").Append(H(title)).Append("</h2>\n<ul>\n");
            foreach (var (entry, detail, url) in entries)
            {
                text.Append(entry).Append('\n');
                if (detail is { Length: > 0 })
                {
                    text.Append(detail).Append('\n');
                }
                text.Append(url).Append("\n\n");
                html.Append("<li><a href=\"").Append(H(url)).Append("\">").Append(H(entry)).Append("</a>");
                if (detail is { Length: > 0 })
                {
                    html.Append("<br>").Append(H(detail));
                }
                html.Append("</li>\n");
            }
            html.Append("</ul>\n");
            if (total > MaxPerSection)
            {
                var more = t["Mail.Digest.More", total - MaxPerSection].Value;
                text.Append(more).Append(' ').Append(allLink).Append("\n\n");
                html.Append("<p><a href=\"").Append(H(allLink)).Append("\">").Append(H(more)).Append("</a></p>\n");
            }
        }

        string Standard(Deliverable d) => d.Reference + " — " + d.TitleIn(language).Text;
        if (items.Articles.Count > 0)
        {
            Section(t["Mail.Digest.Articles"], items.Articles.Take(MaxPerSection).Select(a => (a.Title, (string?)a.Summary, Link(ContentLinks.Article(a.Slug)))),
                items.Articles.Count, Link(ContentLinks.News));
        }
        if (items.Published.Count > 0)
        {
            Section(t["Mail.Digest.Published"], items.Published.Take(MaxPerSection).Select(d => (Standard(d), (string?)null, Link(CatalogueLinks.Standard(d.Id)))),
                items.Published.Count, Link(CatalogueLinks.Standards));
        }
        if (items.Withdrawn.Count > 0)
        {
            Section(t["Mail.Digest.Withdrawn"], items.Withdrawn.Take(MaxPerSection).Select(d => (Standard(d), (string?)null, Link(CatalogueLinks.Standard(d.Id)))),
                items.Withdrawn.Count, Link(CatalogueLinks.Standards));
        }

        var why = t["Mail.Digest.Why", organization].Value;
        var preferences = t["Mail.Preferences.Action"].Value;
        var unsubscribe = t["Mail.Unsubscribe.Action"].Value;
        var signature = t["Mail.Signature", organization].Value;
        text.Append(why).Append("\n\n")
            .Append(preferences).Append(":\n").Append(MailingLinks.PreferencesPlaceholder).Append("\n\n")
            .Append(unsubscribe).Append(":\n").Append(MailingLinks.UnsubscribePlaceholder).Append("\n\n")
            .Append(signature).Append('\n');
        html.Append("<hr>\n<p>").Append(H(why)).Append("</p>\n")
            .Append("<p><a href=\"").Append(MailingLinks.PreferencesPlaceholder).Append("\">").Append(H(preferences)).Append("</a> · ")
            .Append("<a href=\"").Append(MailingLinks.UnsubscribePlaceholder).Append("\">").Append(H(unsubscribe)).Append("</a></p>\n")
            .Append("<p>").Append(H(signature)).Append("</p>\n");
        return (t["Mail.Digest.Subject", organization].Value, text.ToString(), html.ToString());
    }
}
