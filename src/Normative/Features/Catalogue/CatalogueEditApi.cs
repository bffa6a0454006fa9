using System.ComponentModel;
using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.Editing;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Shared;
using Normative.Web;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Normative.Features.Catalogue;

/// <summary>
/// /api/v1/deliverables for Editors' programs: change a record or create one, in the open-data
/// shape the export writes, with the browser's checks and history. A personal API token of an
/// Editor or an Administrator; never cached.
/// </summary>
public static class CatalogueEditApi
{
    public sealed record ChangeResponse(int Id, int Version, IReadOnlyList<FieldChange> Changes, string Url);

    public static IEndpointRouteBuilder MapCatalogueEditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deliverables").WithTags("Catalogue").RequireAuthorization(Policies.Editor);
        group.MapPut("/{id:int}", ChangeAsync).WithName("ChangeDeliverable")
            .WithSummary("Changes a deliverable: the whole record in the open-data shape (a record without sdgs keeps its goals). If-Match: the version from GET, or 412.")
            .AddOpenApiOperationTransformer(DescribeRecordBody).WithBodyExample(ChangeExample);
        group.MapPost("/", CreateAsync).WithName("CreateDeliverable")
            .WithSummary("Creates a deliverable from a record in the open-data shape; its id is given here.")
            .AddOpenApiOperationTransformer(DescribeRecordBody).WithBodyExample(CreateExample);
        return app;
    }

    private const string ChangeExample = """
        {"id": 62085, "deliverableType": "IS", "supplementType": null, "reference": "ISO 9001:2015",
         "title": {"en": "Quality management systems — Requirements", "fr": "Systèmes de management de la qualité — Exigences"},
         "publicationDate": "2015-09-15", "edition": 5, "icsCode": ["03.100.70", "03.120.10"], "ownerCommittee": "ISO/TC 176/SC 2",
         "currentStage": 9092, "replaces": [46486], "replacedBy": null, "languages": ["en", "fr", "es", "ru"], "pages": {"en": 29},
         "scope": {"en": "Requirements for a quality management system."}, "sdgs": [9]}
        """;

    private const string CreateExample = """
        {"deliverableType": "IS", "reference": "ISO 9010", "title": {"en": "Quality management — Guidance for small organizations"},
         "icsCode": ["03.120.10"], "ownerCommittee": "ISO/TC 176", "currentStage": 1000, "languages": ["en"]}
        """;

    /// <summary>
    /// The body is read as JSON by the importer's own reader (so that the API, the file import and the
    /// export agree), which leaves the document no type to describe; this is the open-data record's shape.
    /// </summary>
    private static Task DescribeRecordBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        static OpenApiSchema Of(JsonSchemaType type, string? description = null, IOpenApiSchema? items = null, IOpenApiSchema? values = null) =>
            new() { Type = type, Description = description, Items = items, AdditionalProperties = values };
        var text = Of(JsonSchemaType.String);
        var record = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A deliverable in the shape of ISO's open-data file iso_deliverables_metadata, as /api/v1/open-data/deliverables.jsonl writes it.",
            Required = new HashSet<string>(DeliverableRecord.SignatureFields.Where(f => f != "id").Append("title"), StringComparer.Ordinal),
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["id"] = Of(JsonSchemaType.Integer | JsonSchemaType.Null, "Left out on creation, where the platform gives the id; on a change, the deliverable's own id or left out."),
                ["deliverableType"] = Of(JsonSchemaType.String, "IS, TS, TR, PAS, IWA, Guide, …"),
                ["supplementType"] = Of(JsonSchemaType.String | JsonSchemaType.Null, "Amd or Cor for a supplement."),
                ["reference"] = Of(JsonSchemaType.String, "The identifier, such as ISO 9001:2015."),
                ["title"] = Of(JsonSchemaType.Object, "The title by language; English is required.", values: text),
                ["publicationDate"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date" },
                ["edition"] = Of(JsonSchemaType.Integer | JsonSchemaType.Null),
                ["icsCode"] = Of(JsonSchemaType.Array | JsonSchemaType.Null, "ICS codes such as 03.120.10.", items: text),
                ["ownerCommittee"] = Of(JsonSchemaType.String | JsonSchemaType.Null, "A committee reference such as ISO/TC 176/SC 2."),
                ["currentStage"] = Of(JsonSchemaType.Integer, "The harmonized stage code without its dot: 6060 for 60.60."),
                ["replaces"] = Of(JsonSchemaType.Array | JsonSchemaType.Null, "Ids of the editions this one replaces.", items: Of(JsonSchemaType.Integer)),
                ["replacedBy"] = Of(JsonSchemaType.Array | JsonSchemaType.Null, "Ids of the editions that replace this one.", items: Of(JsonSchemaType.Integer)),
                ["languages"] = Of(JsonSchemaType.Array | JsonSchemaType.Null, "Language codes the deliverable is published in.", items: text),
                ["pages"] = Of(JsonSchemaType.Object | JsonSchemaType.Null, "Pages by language.", values: Of(JsonSchemaType.Integer)),
                ["scope"] = Of(JsonSchemaType.Object | JsonSchemaType.Null, "The scope by language.", values: text),
                ["sdgs"] = Of(JsonSchemaType.Array | JsonSchemaType.Null, "UN Sustainable Development Goals, 1 to 17.", items: Of(JsonSchemaType.Integer)),
            },
        };
        foreach (var media in (operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>()).Values)
        {
            media.Schema = record;
        }
        return Task.CompletedTask;
    }

    private static async Task<Results<Ok<ChangeResponse>, ValidationProblem, NotFound, ProblemHttpResult>> ChangeAsync(
        int id, JsonElement record, ClaimsPrincipal user, NormativeDb db, CatalogueVersion version, TimeProvider clock,
        IStringLocalizer<CatalogueText> text, [FromHeader(Name = "If-Match"), Description("The deliverable's version as GET gives it (\"3\"), so a stale change is refused.")] string? ifMatch,
        CancellationToken ct)
    {
        var d = await db.Deliverables.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (d is null)
        {
            return TypedResults.NotFound();
        }
        var (after, problems) = await ReadAsync(db, record, id, clock, text, ct);
        if (after is null)
        {
            return TypedResults.ValidationProblem(problems, title: "The record cannot be saved.");
        }
        var expected = (ifMatch ?? "").Trim('"', ' ');
        if (expected.Length > 0 && expected != d.RowVersion.ToString(CultureInfo.InvariantCulture))
        {
            return Stale(d);
        }
        var changes = DeliverableEdits.Change(db, d, after, user.Email() ?? user.Identity?.Name ?? "?", clock.GetUtcNow());
        if (changes.Count > 0)
        {
            if (expected.Length > 0)
            {
                db.Entry(d).Property(x => x.RowVersion).OriginalValue = int.Parse(expected, CultureInfo.InvariantCulture);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Stale(d);
            }
            await DeliverableEdits.AddTitleWordsAsync(db, DeliverableEdits.TitlesOf(after), ct);
            await version.RefreshAsync(ct);
        }
        return TypedResults.Ok(new ChangeResponse(id, d.RowVersion, changes, $"/api/v1/deliverables/{id}"));
    }

    private static async Task<Results<Created<ChangeResponse>, ValidationProblem>> CreateAsync(
        JsonElement record, ClaimsPrincipal user, NormativeDb db, CatalogueVersion version, TimeProvider clock, IStringLocalizer<CatalogueText> text, CancellationToken ct)
    {
        var id = (int)(await db.Database.SqlQuery<long>($"SELECT nextval('deliverable_local_ids') AS \"Value\"").ToListAsync(ct)).Single();
        var (created, problems) = await ReadAsync(db, record, id, clock, text, ct);
        if (created is null)
        {
            return TypedResults.ValidationProblem(problems, title: "The record cannot be created.");
        }
        var d = new Deliverable { Id = id, DeliverableType = created.DeliverableType, Reference = created.Reference, TitleEn = created.TitleEn };
        db.Deliverables.Add(d);
        var nothing = new DeliverableRecord(id, "", null, "", "", null, null, null, [], null, 0, [], [], [], null, null, null, null, []);
        var changes = DeliverableEdits.Diff(nothing, created with { Sdgs = created.Sdgs ?? [] });
        var by = user.Email() ?? user.Identity?.Name ?? "?";
        var at = clock.GetUtcNow();
        DeliverableEdits.Apply(d, created);
        db.DeliverableChanges.AddRange(changes.Select(c => new DeliverableChange { DeliverableId = id, At = at, By = by, Field = c.Field, NewValue = c.NewValue }));
        await db.SaveChangesAsync(ct);
        await DeliverableEdits.AddTitleWordsAsync(db, DeliverableEdits.TitlesOf(created), ct);
        await version.RefreshAsync(ct);
        return TypedResults.Created($"/api/v1/deliverables/{id}", new ChangeResponse(id, d.RowVersion, changes, $"/api/v1/deliverables/{id}"));
    }

    /// <summary>Reads the record as the import does (with this id), then runs the catalogue's checks; problems by field.</summary>
    private static async Task<(DeliverableRecord? Record, Dictionary<string, string[]> Problems)> ReadAsync(
        NormativeDb db, JsonElement body, int id, TimeProvider clock, IStringLocalizer<CatalogueText> text, CancellationToken ct)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, new() { ["record"] = ["The body must be one deliverable as a JSON object, in the shape of the open-data export."] });
        }
        if (body.TryGetProperty("id", out var given) && given.ValueKind != JsonValueKind.Null && !(given.ValueKind == JsonValueKind.Number && given.TryGetInt32(out var n) && n == id))
        {
            return (null, new() { ["id"] = [$"The record's id must be {id} (or left out)."] });
        }
        DeliverableRecord record;
        try
        {
            var node = JsonNode.Parse(body.GetRawText())!.AsObject();
            node["id"] = id;
            using var json = JsonDocument.Parse(node.ToJsonString());
            record = DeliverableRecord.Read(new JsonRecordFields(json.RootElement, 1));
        }
        catch (BadLineException e)
        {
            return (null, new() { ["record"] = [e.Message] });
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException)
        {
            // A name given twice, or a text escaping half a UTF-16 pair: JSON the record cannot be read from.
            return (null, new() { ["record"] = ["The body is not a record the catalogue can read: " + e.Message] });
        }
        var problems = await DeliverableChecks.CheckAsync(db, record, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return problems.Count == 0
            ? (record, [])
            : (null, problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => text[p.Key, p.Args].Value).ToArray()));
    }

    private static ProblemHttpResult Stale(Deliverable now) =>
        TypedResults.Problem(title: "The record changed since you read it.",
            detail: $"Its version is now {now.RowVersion}: read it again, then send your change with If-Match: \"{now.RowVersion}\".",
            statusCode: StatusCodes.Status412PreconditionFailed);
}
