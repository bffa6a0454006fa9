using System.ComponentModel;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue.Reading;

namespace Normative.Features.Catalogue.Provisions;

/// <summary>
/// /api/v1/deliverables/{id}/provisions: the provisions of a standard's text as data — counts per
/// kind for everyone; each provision, with its identifier, clause and link into the reader, for a
/// holder of a licence for that text (and the Editors), as the reader's own rules say.
/// </summary>
public static class ProvisionsApi
{
    public sealed record ProvisionResponse(
        string Identifier, string Kind, bool Negative, string? Clause, string? ClauseTitle, string Anchor, int Ordinal, string Text, string Url);

    /// <param name="Counts">Provisions per kind (requirement, recommendation, permission, possibility), for everyone.</param>
    /// <param name="Provisions">Every provision in reading order; null without a licence for the text.</param>
    public sealed record ProvisionsResponse(
        int DeliverableId, string Reference, string Language, int? Edition, int Total, IReadOnlyDictionary<string, int> Counts, bool Licensed,
        IReadOnlyList<ProvisionResponse>? Provisions);

    public static void MapProvisionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1").WithTags("Provisions").ReadFromReplica()
            .MapGet("/deliverables/{id:int}/provisions", GetProvisionsAsync).WithName("GetProvisions")
            .WithSummary("The provisions (requirements, recommendations, permissions, possibilities) of a standard's text")
            .WithDescription("Counts per kind for everyone; each provision with its stable identifier and its clause for a licence holder.");
    }

    private static async Task<Results<Ok<ProvisionsResponse>, ProblemHttpResult>> GetProvisionsAsync(
        int id, HttpContext context, NormativeDb db, IReadingLicences licences, IAuthorizationService authorization,
        [Description("The language of the text (en, fr …); by default English, else the first loaded.")] string? lang,
        [Description("Only provisions of this kind: requirement, recommendation, permission or possibility.")] string? kind,
        CancellationToken ct)
    {
        if (lang is not null && (lang.Length is < 2 or > 3 || !lang.All(char.IsAsciiLetterLower)))
        {
            return TypedResults.Problem(title: "The language could not be read.", detail: "lang is a language code such as en or fr.", statusCode: StatusCodes.Status400BadRequest);
        }
        ProvisionKind? only = null;
        if (kind is not null)
        {
            if (!Enum.TryParse<ProvisionKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || kind.Any(char.IsDigit))
            {
                return TypedResults.Problem(title: "The kind could not be read.", detail: "kind is requirement, recommendation, permission or possibility.", statusCode: StatusCodes.Status400BadRequest);
            }
            only = parsed;
        }
        var text = await TextReading.FindAsync(db, id, lang, "en", ct);
        if (text is null)
        {
            return TypedResults.Problem(title: "No such text.", detail: $"Deliverable {id} has no text{(lang is null ? "" : " in " + lang)}.", statusCode: StatusCodes.Status404NotFound);
        }
        var counts = await db.TextProvisions.AsNoTracking().Where(p => p.TextId == text.TextId)
            .GroupBy(p => p.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var byKind = Enum.GetValues<ProvisionKind>().ToDictionary(k => Name(k), k => counts.FirstOrDefault(c => c.Key == k)?.Count ?? 0);
        var licensed = await ReadingAccess.ReadsEverythingAsync(context.User, authorization, licences, id, text.Language, ct);
        List<ProvisionResponse>? provisions = null;
        if (licensed)
        {
            var rows = await (
                    from p in db.TextProvisions.AsNoTracking()
                    join c in db.TextClauses on new { p.TextId, Ordinal = p.ClauseOrdinal } equals new { c.TextId, c.Ordinal }
                    where p.TextId == text.TextId && (only == null || p.Kind == only)
                    orderby p.ClauseOrdinal, p.Ordinal
                    select new { p.Identifier, p.Kind, p.Negative, c.Number, c.Title, c.Anchor, p.Ordinal, p.Text })
                .ToListAsync(ct);
            provisions = rows.Select(r => new ProvisionResponse(r.Identifier, Name(r.Kind), r.Negative, r.Number, r.Title, r.Anchor, r.Ordinal, r.Text,
                ReadingLinks.Clause(id, text.Language, r.Anchor))).ToList();
        }
        return TypedResults.Ok(new ProvisionsResponse(id, text.DeliverableReference, text.Language, text.Edition, byKind.Values.Sum(), byKind, licensed, provisions));
    }

    private static string Name(ProvisionKind kind) => kind.ToString().ToLowerInvariant();
}
