using System.Globalization;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue;

/// <summary>The catalogue's pages and feeds, for links from any page, mail or feed (see <see cref="LinkToAttribute"/>).</summary>
public static class CatalogueLinks
{
    [LinkTo("/Catalogue/Standards")]
    public static string Standards => "/standards";

    [LinkTo("/Catalogue/Standard")]
    public static string Standard(int id) => $"/standard/{id}";

    [LinkTo("/Catalogue/StandardEdit")]
    public static string StandardEdit(int id) => $"/standard/{id}/edit";

    [LinkTo("/Catalogue/StandardNew")]
    public static string NewStandard => "/standards/new";

    [LinkTo("/Catalogue/StandardsBulk")]
    public static string BulkEdit => "/standards/bulk";

    /// <summary>The selection's CSV for a spreadsheet; the filters are the search's (see SearchQuery).</summary>
    [LinkTo("/Catalogue/StandardsBulk")]
    public static string BulkExport(string? committee = null, string? ics = null, int? sdg = null, string? type = null, string? status = null)
    {
        var parts = new[] { ("committee", committee), ("ics", ics), ("sdg", sdg?.ToString(CultureInfo.InvariantCulture)), ("type", type), ("status", status) }
            .Where(p => p.Item2 is not null)
            .Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!));
        return "/standards/bulk?handler=Export" + string.Concat(parts.Select(p => "&" + p));
    }

    /// <summary>What changed from edition <paramref name="from"/> to edition <paramref name="id"/> (see Changes/EditionDiff).</summary>
    [LinkTo("/Catalogue/Changes/Changes")]
    public static string Changes(int id, int from) => $"/standard/{id}/changes?from={from.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>A text filtered to its provisions, all or of one kind ("requirement"); see Provisions/ProvisionRules.</summary>
    [LinkTo("/Catalogue/Provisions/Provisions")]
    public static string Provisions(int id, string language, string? kind = null) =>
        $"/standard/{id}/provisions?lang={Uri.EscapeDataString(language)}" + (kind is null ? "" : "&kind=" + Uri.EscapeDataString(kind));

    [LinkTo("/Catalogue/StandardHistory")]
    public static string StandardHistory(int id) => $"/standard/{id}/history";

    [LinkTo("/Catalogue/Search")]
    public static string Search(string? q = null) => q is null ? "/search" : "/search?q=" + Uri.EscapeDataString(q);

    /// <summary>A search with filters: the query-string names the search page reads (SearchQuery).</summary>
    [LinkTo("/Catalogue/Search")]
    public static string SearchFor(string? q = null, string? ics = null, string? committee = null, string? status = null, string? sort = null, int? sdg = null)
    {
        var parts = new[] { ("q", q), ("ics", ics), ("committee", committee), ("status", status), ("sort", sort), ("sdg", sdg?.ToString(CultureInfo.InvariantCulture)) }
            .Where(p => p.Item2 is not null)
            .Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2!));
        var query = string.Join('&', parts);
        return query.Length == 0 ? "/search" : "/search?" + query;
    }

    [LinkTo("/Catalogue/Ics")]
    public static string IcsTree => "/ics";

    [LinkTo("/Catalogue/Ics")]
    public static string Ics(string code) => "/ics/" + Uri.EscapeDataString(code);

    [LinkTo("/Catalogue/Committees")]
    public static string Committees => "/committees";

    /// <summary>A committee's home (its overview tab), by its slug (<see cref="Catalogue.Committee.Slug"/>).</summary>
    [LinkTo("/Catalogue/Committee")]
    public static string Committee(string slug) => "/committees/" + Uri.EscapeDataString(slug);

    /// <summary>The committee's published standards, a page of them.</summary>
    [LinkTo("/Catalogue/CommitteeStandards")]
    public static string CommitteeStandards(string slug, int page = 1) =>
        Committee(slug) + "/standards" + (page == 1 ? "" : "?page=" + page.ToString(CultureInfo.InvariantCulture));

    [LinkTo("/Catalogue/Sectors")]
    public static string Sectors => "/sectors";

    [LinkTo("/Catalogue/Sector")]
    public static string Sector(string slug) => "/sectors/" + Uri.EscapeDataString(slug);

    [LinkTo("/Catalogue/SectorEdit")]
    public static string SectorEdit(string slug) => "/sectors/" + Uri.EscapeDataString(slug) + "/edit";

    [LinkTo("/Catalogue/Sdgs")]
    public static string Sdgs => "/sdgs";

    [LinkTo("/Catalogue/Sdg")]
    public static string Sdg(int number) => $"/sdgs/{number}";

    [LinkTo("/Catalogue/TopStandardsEdit")]
    public static string TopStandardsEdit => "/standards/top/edit";

    public static string Feed => "/standards/feed.atom";

    public static string IcsFeed(string code) => "/ics/" + Uri.EscapeDataString(code) + "/feed.atom";

    public static string CommitteeFeed(string slug) => Committee(slug) + "/feed.atom";
}
