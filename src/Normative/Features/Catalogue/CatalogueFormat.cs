using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;
using Normative.Features.Catalogue.Search;

namespace Normative.Features.Catalogue;

/// <summary>How the catalogue's pages write dates, languages, statuses and stages.</summary>
public static class CatalogueFormat
{
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A language's name in the page's language ("French", "français", "francés").</summary>
    public static string LanguageName(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            var name = culture.DisplayName;
            return string.IsNullOrEmpty(name) || name == code ? code : name;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    public static string StatusKey(DeliverableStatus status) => "Status." + status;

    public static string StatusClass(DeliverableStatus status) => "status status-" + SearchQuery.StatusSlug(status);

    public static string TypeKey(string type) => "Type." + type;

    /// <summary>The title in the page's language when there is one, else the best other (<see cref="Catalogue.LocalTitle.Pick"/>).</summary>
    public static string Title(Deliverable d) => LocalTitle(d).Text;

    /// <summary>The title in the page's language when there is one, with the language it is in.</summary>
    public static LocalTitle LocalTitle(Deliverable d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return d.TitleIn(Web.Cultures.Current);
    }

    /// <summary>The deliverable's titles in the languages other than <paramref name="shown"/>, English and French first.</summary>
    public static IEnumerable<LocalTitle> OtherTitles(Deliverable d, string shown)
    {
        ArgumentNullException.ThrowIfNull(d);
        var all = new List<LocalTitle>();
        if (!string.IsNullOrWhiteSpace(d.TitleEn))
        {
            all.Add(new(d.TitleEn, "en"));
        }
        if (!string.IsNullOrWhiteSpace(d.TitleFr))
        {
            all.Add(new(d.TitleFr, "fr"));
        }
        all.AddRange(d.OtherTitles.Where(t => !string.IsNullOrWhiteSpace(t.Value)).OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new LocalTitle(t.Value, t.Key)));
        return all.Where(t => t.Language != shown);
    }

    /// <summary>The label of an open-data field; a title in a language the texts do not name is labelled with its code.</summary>
    public static string FieldLabel(IStringLocalizer text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(field);
        var label = text["Field." + field];
        return label.ResourceNotFound && OpenData.DeliverableRecord.IsOtherTitleColumn(field, out var language) ? text["Field.title.other", language] : label;
    }

    public static string Scope(Deliverable d) =>
        ScopeText.ToPlainText(Web.Cultures.Current == "fr" && !string.IsNullOrWhiteSpace(d.ScopeFr) ? d.ScopeFr : d.ScopeEn ?? d.ScopeFr);

    /// <summary>A committee created from a deliverable's reference has no title of its own yet.</summary>
    public static string? CommitteeTitle(Committee c) => c.TitleEn == c.Reference ? null : Web.Cultures.Current == "fr" && !string.IsNullOrEmpty(c.TitleFr) ? c.TitleFr : c.TitleEn;

    /// <summary>Segments from the search engine, odd ones marked as matches; every segment is encoded as text.</summary>
    public static IHtmlContent Marked(IReadOnlyList<string> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var html = new HtmlContentBuilder(segments.Count * 3);
        for (var i = 0; i < segments.Count; i++)
        {
            if (i % 2 == 1)
            {
                html.AppendHtml("<mark>").Append(segments[i]).AppendHtml("</mark>");
            }
            else
            {
                html.Append(segments[i]);
            }
        }
        return html;
    }
}
