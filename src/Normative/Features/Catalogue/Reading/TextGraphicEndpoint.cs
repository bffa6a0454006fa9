using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Normative.Data;

namespace Normative.Features.Catalogue.Reading;

/// <summary>
/// <c>GET /standard-texts/graphics/{sha256}</c>: an image of a text, at an address its content names
/// (the clauses' HTML, rendered at import, holds it), so it never changes and is cached for good: a
/// year and <c>immutable</c>, publicly for an image of the preview, privately for one of the licensed
/// clauses, which only a reader of the whole text gets. An SVG opened on its own runs nothing: the
/// response's content security policy allows no script, and sandboxes it.
/// </summary>
public static class TextGraphicEndpoint
{
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox";

    public static string Path(string sha256) => "/standard-texts/graphics/" + sha256;

    public static void MapTextGraphics(this IEndpointRouteBuilder app) =>
        app.MapGet("/standard-texts/graphics/{sha256:length(64)}", GetAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<IResult> GetAsync(string sha256, HttpContext context, NormativeDb db, IReadingLicences licences, IAuthorizationService authorization, CancellationToken ct)
    {
        var owners = await db.TextGraphics.AsNoTracking().Where(g => g.Sha256 == sha256)
            .Join(db.StandardTexts, g => g.TextId, t => t.Id, (g, t) => new { g.TextId, g.Name, g.Preview, g.ContentType, t.DeliverableId, t.Language })
            .Take(20).ToListAsync(ct);
        var open = owners.FirstOrDefault(o => o.Preview);
        if (open is null)
        {
            foreach (var o in owners.DistinctBy(o => (o.DeliverableId, o.Language)))
            {
                if (await ReadingAccess.ReadsEverythingAsync(context.User, authorization, licences, o.DeliverableId, o.Language, ct))
                {
                    open = o;
                    break;
                }
            }
        }
        // A licensed image is as unknown as a missing one to who may not read it.
        if (open is null)
        {
            return Results.NotFound();
        }
        var data = await db.TextGraphics.AsNoTracking().Where(g => g.TextId == open.TextId && g.Name == open.Name).Select(g => g.Data).SingleAsync(ct);
        context.Response.Headers.CacheControl = (open.Preview ? "public" : "private") + ", max-age=31536000, immutable";
        context.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        return Results.Bytes(data, open.ContentType, entityTag: new EntityTagHeaderValue($"\"{sha256}\""));
    }
}
