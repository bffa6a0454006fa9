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
            .WithSummary("Changes a deliverable: the whole record in the open-data shape (a record without sdgs keeps its goals). If-Match: the version from GET, or 412.");
        group.MapPost("/", CreateAsync).WithName("CreateDeliverable")
            .WithSummary("Creates a deliverable from a record in the open-data shape; its id is given here.");
        return app;
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
        if (body.TryGetProperty("id", out var given) && given.ValueKind != JsonValueKind.Null && !(given.TryGetInt32(out var n) && n == id))
        {
            return (null, new() { ["id"] = [$"The record's id must be {id} (or left out)."] });
        }
        var node = JsonNode.Parse(body.GetRawText())!.AsObject();
        node["id"] = id;
        using var json = JsonDocument.Parse(node.ToJsonString());
        DeliverableRecord record;
        try
        {
            record = DeliverableRecord.Read(new JsonRecordFields(json.RootElement, 1));
        }
        catch (BadLineException e)
        {
            return (null, new() { ["record"] = [e.Message] });
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
