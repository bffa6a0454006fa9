using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Normative.Data;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// The texts and their terms as JSON: <c>GET /api/v1/terms</c> (public: every term and definition),
/// and <c>GET /api/v1/deliverables/{id}/text</c> (the preview for everyone, every clause for a
/// licence holder, who calls with a personal API token).
/// </summary>
public static class ReadingApi
{
    public static void MapReadingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Texts").AllowAnonymous().ReadFromReplica();
        api.MapGet("/terms", SearchTermsAsync).WithName("SearchTerms")
            .WithSummary("Search the terms and definitions of every standard online: words, beginnings, accents ignored, misspellings tolerated.");
        api.MapGet("/deliverables/{id:int}/text", GetTextAsync).WithName("GetDeliverableText")
            .WithSummary("A deliverable's text: its clauses as HTML; the licensed ones carry no HTML unless the caller holds a licence.");
    }

    private static async Task<Results<Ok<TermsResponse>, ValidationProblem>> SearchTermsAsync(
        NormativeDb db,
        [Description("The term to look for: a word, the beginning of one, with or without accents.")] string? q,
        [Description("Only terms in this language (en, fr …).")] string? lang,
        [Description("From 1.")] string? page,
        CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        q = q?.Trim();
        if (string.IsNullOrEmpty(q) || q.Length > TermSearch.MaxQueryLength)
        {
            errors["q"] = [$"q is required, at most {TermSearch.MaxQueryLength} characters."];
        }
        if (lang is not null && (lang.Length is < 2 or > 3 || !lang.All(char.IsAsciiLetterLower)))
        {
            errors["lang"] = ["lang is a language code such as en or fr."];
        }
        var pageNumber = 1;
        if (page is not null && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out pageNumber) || pageNumber is < 1 or > 1000))
        {
            errors["page"] = ["page is a number from 1 to 1000."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The terms search could not be read.");
        }
        var r = await TermSearch.SearchAsync(db, q!, lang, pageNumber, ct);
        return TypedResults.Ok(new TermsResponse(r.Query, r.Language, r.Page, r.PageSize, r.Total,
            r.Hits.Select(h => new TermHitResponse(h.Term, h.Language, h.Definitions.Select(d => new TermDefinitionResponse(
                d.DeliverableId, d.Reference, d.Number, d.Status.ToString().ToLowerInvariant(), d.DefinitionHtml, d.NotesHtml, d.ExamplesHtml, d.Source,
                d.Synonyms.Select(Name).ToList(), d.OtherLanguages.Select(Name).ToList(),
                ReadingLinks.Clause(d.DeliverableId, d.TextLanguage, d.ClauseAnchor))).ToList())).ToList()));
    }

    private static TermNameResponse Name(TermName n) => new(n.Term, n.Language, n.Status.ToString().ToLowerInvariant());

    private static async Task<Results<Ok<TextResponse>, ProblemHttpResult>> GetTextAsync(
        int id, HttpContext context, NormativeDb db, IReadingLicences licences, IAuthorizationService authorization,
        [Description("The language of the text (en, fr …); by default English, else the first loaded.")] string? lang,
        CancellationToken ct)
    {
        if (lang is not null && (lang.Length is < 2 or > 3 || !lang.All(char.IsAsciiLetterLower)))
        {
            return TypedResults.Problem(title: "The language could not be read.", detail: "lang is a language code such as en or fr.", statusCode: StatusCodes.Status400BadRequest);
        }
        var text = await TextReading.FindAsync(db, id, lang, "en", ct);
        if (text is null)
        {
            return TypedResults.Problem(title: "No such text.", detail: $"Deliverable {id} has no text{(lang is null ? "" : " in " + lang)}.", statusCode: StatusCodes.Status404NotFound);
        }
        var licensed = await ReadingAccess.ReadsEverythingAsync(context.User, authorization, licences, id, text.Language, ct);
        var clauses = await TextReading.ClausesAsync(db, text.TextId, licensed, ct);
        return TypedResults.Ok(new TextResponse(text.DeliverableId, text.DeliverableReference, text.Reference, text.Language, text.Publisher,
            text.Title, text.Edition, text.ReleaseDate, text.Urn, text.Languages, licensed,
            clauses.Select(c => new ClauseResponse(c.Anchor, c.Number, c.Title, c.Level, c.Kind.ToString(), c.Preview, c.Locked, c.Html,
                TextReading.ClauseUrn(text.Urn, c))).ToList()));
    }

    public sealed record TermsResponse(string Query, string? Language, int Page, int PageSize, int Total, IReadOnlyList<TermHitResponse> Hits);

    public sealed record TermHitResponse(string Term, string Language, IReadOnlyList<TermDefinitionResponse> Definitions);

    /// <summary>One standard's definition; <c>Url</c> opens the reader at the entry.</summary>
    public sealed record TermDefinitionResponse(int DeliverableId, string Reference, string? Entry, string Status, string Definition,
        IReadOnlyList<string> Notes, IReadOnlyList<string> Examples, string? Source, IReadOnlyList<TermNameResponse> Synonyms,
        IReadOnlyList<TermNameResponse> OtherLanguages, string Url);

    public sealed record TermNameResponse(string Term, string Language, string Status);

    /// <summary>A text; <c>Licensed</c> says whether the caller reads every clause.</summary>
    public sealed record TextResponse(int DeliverableId, string DeliverableReference, string Reference, string Language, string Publisher,
        string Title, int? Edition, DateOnly? ReleaseDate, string? Urn, IReadOnlyList<string> Languages, bool Licensed, IReadOnlyList<ClauseResponse> Clauses);

    /// <summary>A clause; <c>Html</c> is null when it is locked (licence holders only).</summary>
    public sealed record ClauseResponse(string Anchor, string? Number, string? Title, short Level, string Kind, bool Preview, bool Locked, string? Html, string? Urn);
}
