using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;
using Normative.Mail;
using Normative.Web;

namespace Normative.Features.Development.Documents;

/// <summary>The daily mail of new committee documents: one per person, every committee of theirs in it, through the outbox.</summary>
public sealed class DocumentMail(IStringLocalizer<DevelopmentText> t, IConfiguration configuration, IOptions<OrganizationOptions> organization)
{
    public sealed record Person(string Email, string? Name);

    public void Queue(NormativeDb db, Person person, IReadOnlyList<(Committee Committee, List<CommitteeDocument> Documents)> news)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(news);
        using var _ = CultureScope.Use(Cultures.Default);
        var h = (string s) => WebUtility.HtmlEncode(s);
        var count = news.Sum(n => n.Documents.Count);
        var greeting = t["Mail.Greeting", person.Name ?? person.Email].Value;
        var intro = t["Mail.Documents.Intro"].Value;
        var settings = SiteLinks.Mail(configuration, DocumentLinks.MailSettings);
        var stop = t["Mail.Documents.Stop", settings].Value;
        var signature = t["Mail.Signature", organization.Value.Name].Value;
        var text = new StringBuilder($"{greeting}\n\n{intro}\n");
        var html = new StringBuilder($"<p>{h(greeting)}</p>\n<p>{h(intro)}</p>\n");
        foreach (var (committee, documents) in news)
        {
            text.Append('\n').Append(committee.Reference).Append(" — ").Append(committee.TitleEn).Append('\n');
            html.Append($"<h2>{h(committee.Reference)} — {h(committee.TitleEn)}</h2>\n<ul>\n");
            foreach (var d in documents.OrderBy(d => d.Number))
            {
                var line = $"{CommitteeDocuments.Reference(committee.Reference, d.Number)}: {d.Title} ({t["DocumentType." + d.Type]})";
                var link = SiteLinks.Mail(configuration, DocumentLinks.Document(committee.Slug, d.Number));
                text.Append("- ").Append(line).Append("\n  ").Append(link).Append('\n');
                html.Append($"<li><a href=\"{h(link)}\">{h(line)}</a></li>\n");
            }
            html.Append("</ul>\n");
        }
        text.Append('\n').Append(stop).Append("\n\n").Append(signature).Append('\n');
        html.Append($"<p>{h(t["Mail.Documents.StopHtml"])} <a href=\"{h(settings)}\">{h(settings)}</a></p>\n<p>{h(signature)}</p>\n");
        Outbox.Enqueue(db, person.Email, t["Mail.Documents.Subject", count], text.ToString(), html.ToString());
    }
}
