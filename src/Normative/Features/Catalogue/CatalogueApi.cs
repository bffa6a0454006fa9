using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Editing;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Catalogue.Search;
using Normative.Features.Shared;
using Normative.Web;

namespace Normative.Features.Catalogue;

/// <summary>
/// /api/v1: the catalogue for programs — search and read deliverables, committees and ICS codes,
/// and the open-data export in the import's own shape. Anonymous, cached, with ETags.
/// </summary>
public static class CatalogueApi
{
    public sealed record LocalizedText(string? En, string? Fr);

    public sealed record LocalizedPages(int? En, int? Fr);

    /// <param name="MatchedClause">The clause of the full text that matched the words searched, when one did (its number and title, never its text).</param>
    public sealed record DeliverableSummary(
        int Id, string Reference, string Title, string DeliverableType, string? SupplementType, string Status, string Stage,
        DateOnly? PublicationDate, string? OwnerCommittee, string Url, MatchedClauseResponse? MatchedClause = null);

    public sealed record MatchedClauseResponse(string? Number, string? Title, string Anchor, string Language);

    public sealed record FacetCount(string Value, int Count);

    public sealed record SearchFacetsResponse(
        IReadOnlyList<FacetCount> Type, IReadOnlyList<FacetCount> Status, IReadOnlyList<FacetCount> Stage, IReadOnlyList<FacetCount> Committee,
        IReadOnlyList<FacetCount> Ics, IReadOnlyList<FacetCount> Year, IReadOnlyList<FacetCount> Language, IReadOnlyList<FacetCount> Sdg);

    public sealed record DeliverableListResponse(
        int Total, int Page, int PageSize, int PageCount, string Mode, string? CorrectedQuery,
        IReadOnlyList<DeliverableSummary> Items, SearchFacetsResponse Facets);

    public sealed record DeliverableLink(int Id, string Reference, string Status, string Url);

    public sealed record DeliverableResponse(
        int Id, string DeliverableType, string? SupplementType, string Reference, LocalizedText Title, DateOnly? PublicationDate, int? Edition,
        IReadOnlyList<string> IcsCode, string? OwnerCommittee, int CurrentStage, IReadOnlyList<int> Replaces, IReadOnlyList<int> ReplacedBy,
        IReadOnlyList<string> Languages, LocalizedPages? Pages, LocalizedText? Scope,
        string Status, string Stage, string? Urn, string Url, int? CommitteeId,
        IReadOnlyList<DeliverableLink> Supplements, IReadOnlyList<DeliverableLink> PreviousEditions, IReadOnlyList<DeliverableLink> NextEditions,
        IReadOnlyList<int> Sdgs, int Version, IReadOnlyDictionary<string, string>? OtherTitles = null);

    /// <param name="Url">The committee in the API.</param>
    /// <param name="Page">The committee's home on the site.</param>
    public sealed record CommitteeSummary(int Id, string Reference, string Title, string Status, int? ParentId, string Url, string Page);

    public sealed record CommitteeResponse(
        int Id, string Reference, LocalizedText Title, string Status, string? Secretariat, int? ParentId, string? Scope, DateOnly? CreationDate,
        IReadOnlyList<string> PMembers, IReadOnlyList<string> OMembers, IReadOnlyList<CommitteeSummary> Subcommittees,
        int PublishedCount, int UnderDevelopmentCount, string Url);

    public sealed record IcsResponse(string Code, string? Parent, string Title, string? TitleFr, IReadOnlyList<string> Notes, int Published, int UnderDevelopment);

    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Catalogue").AllowAnonymous().CacheOutput(CatalogueCachePolicy.Name).ReadFromReplica();
        api.MapGet("/deliverables", SearchDeliverablesAsync).WithName("SearchDeliverables")
            .WithSummary("Search the catalogue: identifiers or words in q, filters, sort and paging, with counts per filter value.");
        api.MapGet("/deliverables/{id:int}", GetDeliverableAsync).WithName("GetDeliverable")
            .WithSummary("One deliverable in the open-data shape, with its status, stage, URN, supplements and editions.");
        api.MapGet("/committees", ListCommitteesAsync).WithName("ListCommittees")
            .WithSummary("Committees; with parent, only that committee's subcommittees.");
        api.MapGet("/committees/{id:int}", GetCommitteeAsync).WithName("GetCommittee")
            .WithSummary("One committee with its subcommittees and how many standards it has.");
        api.MapGet("/ics", ListIcsAsync).WithName("ListIcs")
            .WithSummary("The ICS codes with the number of published and developing standards under each.");
        api.MapGet("/open-data/deliverables.jsonl", ExportJsonLinesAsync).WithName("ExportDeliverablesJsonLines")
            .WithSummary("Every deliverable as JSON Lines, in the shape 'normative import deliverables' reads.")
            .Produces<string>(StatusCodes.Status200OK, "application/jsonl");
        api.MapGet("/open-data/deliverables.csv", ExportCsvAsync).WithName("ExportDeliverablesCsv")
            .WithSummary("Every deliverable as CSV, in the shape 'normative import deliverables' reads.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        return app;
    }

    private static async Task<Results<Ok<DeliverableListResponse>, StatusCodeHttpResult, ValidationProblem>> SearchDeliverablesAsync(
        HttpContext context, CatalogueSearch search,
        [Description("Identifiers (\"iso9001:2015\") or words.")] string? q,
        [Description("IS, TS, TR, PAS, IWA, Guide, …")] string? type,
        [Description("published, under-development, withdrawn or deleted")] string? status,
        [Description("A harmonized stage code such as 60.60.")] string? stage,
        [Description("A committee reference such as ISO/TC 176 (its subcommittees included).")] string? committee,
        [Description("An ICS code: field, group or sub-group.")] string? ics,
        [Description("A UN Sustainable Development Goal's number, 1 to 17.")] string? sdg,
        [Description("Published in or after this year.")] string? from,
        [Description("Published in or before this year.")] string? to,
        [Description("A language code such as fr.")] string? language,
        [Description("relevance (default with q), newest (default without), reference")] string? sort,
        [Description("From 1.")] string? page,
        [Description("From 1 to 100; 20 by default.")] string? pageSize,
        CancellationToken ct)
    {
        var query = SearchQuery.Read(context.Request.Query, out var errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.GroupBy(e => e.Split(':')[0]).ToDictionary(g => g.Key, g => g.Select(e => e[(e.IndexOf(':', StringComparison.Ordinal) + 2)..]).ToArray()),
                title: "The search could not be read.");
        }
        if (CatalogueHttpCache.IsNotModified(context))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var result = await search.SearchAsync(query, Cultures.Current, ct);
        var f = result.Facets;
        static IReadOnlyList<FacetCount> Counts(IReadOnlyList<FacetValue> values) => values.Select(v => new FacetCount(v.Value, v.Count)).ToList();
        var stages = f.Stages.Select(v => new FacetCount(HarmonizedStages.Format(int.Parse(v.Value, CultureInfo.InvariantCulture)), v.Count)).ToList();
        var statuses = f.Statuses.Select(v => new FacetCount(SearchQuery.StatusSlug(Enum.Parse<DeliverableStatus>(v.Value)), v.Count)).ToList();
        return TypedResults.Ok(new DeliverableListResponse(
            result.Total, query.Page, query.PageSize, result.PageCount, result.Mode.ToString().ToLowerInvariant(), result.CorrectedQuery,
            result.Hits.Select(h => new DeliverableSummary(
                h.Id, h.Reference, h.Title, h.DeliverableType, h.SupplementType, SearchQuery.StatusSlug(h.Status), HarmonizedStages.Format(h.Stage),
                h.PublicationDate, h.OwnerCommittee, $"/api/v1/deliverables/{h.Id}",
                h.Clause is { } c ? new MatchedClauseResponse(c.Number, c.Title, c.Anchor, c.Language) : null)).ToList(),
            new SearchFacetsResponse(Counts(f.Types), statuses, stages, Counts(f.Committees), Counts(f.IcsFields), Counts(f.Years), Counts(f.Languages), Counts(f.Sdgs))));
    }

    private static async Task<Results<Ok<DeliverableResponse>, ProblemHttpResult, StatusCodeHttpResult>> GetDeliverableAsync(
        int id, HttpContext context, NormativeDb db, CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(context))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var d = await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return TypedResults.Problem(title: "No such deliverable.", detail: $"There is no deliverable with id {id}.", statusCode: StatusCodes.Status404NotFound);
        }
        var linked = d.Replaces.Concat(d.ReplacedBy).ToList();
        var family = await db.Deliverables.AsNoTracking()
            .Where(x => (d.BaseKey != null && x.BaseKey == d.BaseKey) || linked.Contains(x.Id) || x.SupplementOf == d.Reference)
            .ToListAsync(ct);
        var life = d.SupplementOf is null ? LifeCycle.Build(d, family) : LifeCycle.Build(d, family.Where(x => x.SupplementOf == d.Reference));
        var committeeId = d.OwnerCommittee is null ? null : await db.Committees.Where(c => c.Reference == d.OwnerCommittee).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        static DeliverableLink Link(Deliverable x) => new(x.Id, x.Reference, SearchQuery.StatusSlug(x.Status), $"/api/v1/deliverables/{x.Id}");
        return TypedResults.Ok(new DeliverableResponse(
            d.Id, d.DeliverableType, d.SupplementType, d.Reference, new LocalizedText(d.TitleEn, d.TitleFr), d.PublicationDate, d.Edition,
            d.IcsCodes, d.OwnerCommittee, d.CurrentStage, d.Replaces, d.ReplacedBy, d.Languages,
            d.PagesEn is null && d.PagesFr is null ? null : new LocalizedPages(d.PagesEn, d.PagesFr),
            d.ScopeEn is null && d.ScopeFr is null ? null : new LocalizedText(d.ScopeEn, d.ScopeFr),
            SearchQuery.StatusSlug(d.Status), HarmonizedStages.Format(d.CurrentStage),
            PublicationIdentifier.TryParse(d.Reference, out var parsed, out _) ? parsed.ToUrn() : null,
            CatalogueLinks.Standard(d.Id), committeeId,
            life.Supplements.Select(Link).ToList(), life.Previous.Select(Link).ToList(), life.Next.Select(Link).ToList(),
            d.Sdgs, d.RowVersion, d.OtherTitles.Count == 0 ? null : d.OtherTitles));
    }

    private static async Task<Results<Ok<List<CommitteeSummary>>, StatusCodeHttpResult, ValidationProblem>> ListCommitteesAsync(
        HttpContext context, NormativeDb db, [Description("Only the subcommittees of this committee id.")] string? parent, CancellationToken ct)
    {
        int? parentId = null;
        if (parent is not null)
        {
            if (!int.TryParse(parent, NumberStyles.None, CultureInfo.InvariantCulture, out var p))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["parent"] = ["must be a committee id"] });
            }
            parentId = p;
        }
        if (CatalogueHttpCache.IsNotModified(context))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var list = await db.Committees.AsNoTracking().Where(c => parentId == null || c.ParentId == parentId).ToListAsync(ct);
        return TypedResults.Ok(list.OrderBy(c => CatalogueCounts.NaturalKey(c.Reference), StringComparer.Ordinal).Select(Summary).ToList());
    }

    private static async Task<Results<Ok<CommitteeResponse>, ProblemHttpResult, StatusCodeHttpResult>> GetCommitteeAsync(
        int id, HttpContext context, NormativeDb db, CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(context))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var c = await db.Committees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null)
        {
            return TypedResults.Problem(title: "No such committee.", detail: $"There is no committee with id {id}.", statusCode: StatusCodes.Status404NotFound);
        }
        var children = await db.Committees.AsNoTracking().Where(x => x.ParentId == id).ToListAsync(ct);
        var counts = await CatalogueCounts.ByCommitteeAsync(db, ct);
        var count = CatalogueCounts.WithSubcommittees(c.Reference, counts);
        return TypedResults.Ok(new CommitteeResponse(
            c.Id, c.Reference, new LocalizedText(c.TitleEn == c.Reference ? null : c.TitleEn, c.TitleFr), c.Status, c.Secretariat, c.ParentId, c.Scope,
            c.CreationDate, c.PMembers, c.OMembers,
            children.OrderBy(x => CatalogueCounts.NaturalKey(x.Reference), StringComparer.Ordinal).Select(Summary).ToList(),
            count.Published, count.UnderDevelopment, CatalogueLinks.Committee(c.Slug)));
    }

    private static async Task<Results<Ok<List<IcsResponse>>, StatusCodeHttpResult>> ListIcsAsync(HttpContext context, NormativeDb db, CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(context))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var codes = await db.IcsCodes.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        var counts = (await db.Database.SqlQuery<CatalogueCounts.Count>($"""
            SELECT p AS "Key", count(*) FILTER (WHERE status = 'Published')::int AS "Published", count(*) FILTER (WHERE status = 'UnderDevelopment')::int AS "UnderDevelopment"
            FROM deliverables, unnest(ics_paths) AS p WHERE supplement_of IS NULL GROUP BY p
            """).ToListAsync(ct)).ToDictionary(c => c.Key);
        return TypedResults.Ok(codes.Select(i =>
        {
            var count = counts.GetValueOrDefault(i.Code);
            return new IcsResponse(i.Code, i.Parent, i.Title, i.TitleFr, i.Notes, count?.Published ?? 0, count?.UnderDevelopment ?? 0);
        }).ToList());
    }

    private static CommitteeSummary Summary(Committee c) =>
        new(c.Id, c.Reference, c.TitleEn == c.Reference ? "" : c.TitleEn, c.Status, c.ParentId, $"/api/v1/committees/{c.Id}", CatalogueLinks.Committee(c.Slug));

    /// <summary>Streams every deliverable (by id, in constant memory) as JSON Lines.</summary>
    private static async Task ExportJsonLinesAsync(HttpContext context, NormativeDb db, CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(context))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = "application/jsonl; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"deliverables.jsonl\"";
        var output = context.Response.BodyWriter.AsStream();
        await using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var newline = "\n"u8.ToArray();
        var count = 0;
        await foreach (var record in AllRecordsAsync(db, ct))
        {
            record.WriteJson(writer);
            await writer.FlushAsync(ct);
            writer.Reset();
            await output.WriteAsync(newline, ct);
            if (++count % 1000 == 0)
            {
                await output.FlushAsync(ct);
            }
        }
    }

    /// <summary>Streams every deliverable as CSV with ISO's column names.</summary>
    private static async Task ExportCsvAsync(HttpContext context, NormativeDb db, CancellationToken ct)
    {
        if (CatalogueHttpCache.IsNotModified(context))
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        context.Response.ContentType = "text/csv; charset=utf-8";
        context.Response.Headers.ContentDisposition = "attachment; filename=\"deliverables.csv\"";
        // The open-data export is data for programs: values exactly as stored, so that export → import → export changes nothing.
        await using var csv = Csv.ForData(context.Response.BodyWriter.AsStream(), leaveOpen: true);
        // The goals' column only when some record has goals: a catalogue without them exports ISO's columns alone.
        var withSdgs = await db.Deliverables.AnyAsync(d => d.Sdgs.Count > 0, ct);
        // Likewise a column per language beyond English and French, only for the languages some record has a title in.
        var languages = await DeliverableEdits.OtherTitleLanguagesAsync(db, ct);
        csv.WriteRecord([.. DeliverableRecord.CsvColumns, .. withSdgs ? [DeliverableRecord.SdgsColumn] : Array.Empty<string>(), .. languages.Select(DeliverableRecord.TitleColumn)]);
        await foreach (var record in AllRecordsAsync(db, ct))
        {
            await csv.WriteRecordAsync([.. record.CsvValues(withSdgs, languages).Select(v => v!)], ct);
        }
        await csv.FlushAsync(ct);
    }

    private static async IAsyncEnumerable<DeliverableRecord> AllRecordsAsync(NormativeDb db, [EnumeratorCancellation] CancellationToken ct)
    {
        var rows = db.Deliverables.AsNoTracking().OrderBy(d => d.Id)
            .Select(d => new DeliverableRecord(
                d.Id, d.DeliverableType, d.SupplementType, d.Reference, d.TitleEn, d.TitleFr, d.PublicationDate, d.Edition, d.IcsCodes,
                d.OwnerCommittee, d.CurrentStage, d.Replaces, d.ReplacedBy, d.Languages, d.PagesEn, d.PagesFr, d.ScopeEn, d.ScopeFr, d.Sdgs, d.OtherTitles))
            .AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(ct))
        {
            yield return row;
        }
    }
}
