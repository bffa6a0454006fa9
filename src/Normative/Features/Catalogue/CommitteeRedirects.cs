using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>
/// Committees' old addresses, by id, answer 301 to the committee's home (/committees/{slug}):
/// /committee/{id} (with ?page=n, the standards tab), its feed, and every /committees/{id}/… page.
/// Features with committee pages of their own elsewhere redirect them through <see cref="ToAsync"/>.
/// </summary>
public static class CommitteeRedirects
{
    private static readonly string[] Methods = [HttpMethods.Get, HttpMethods.Head];

    public static IEndpointRouteBuilder MapCommitteeRedirects(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").ExcludeFromDescription().AllowAnonymous();
        group.MapMethods("/committee/{id:int}", Methods, (int id, int? page, HttpContext context, NormativeDb db, CancellationToken ct) =>
            ToAsync(context, db, id, slug => page is > 1 ? CatalogueLinks.CommitteeStandards(slug) : CatalogueLinks.Committee(slug), ct));
        group.MapMethods("/committee/{id:int}/feed.atom", Methods, (int id, HttpContext context, NormativeDb db, CancellationToken ct) =>
            ToAsync(context, db, id, CatalogueLinks.CommitteeFeed, ct));
        // Constrained to an integer, this outranks /committees/{slug}/… for old addresses only.
        group.MapMethods("/committees/{id:int}/{**rest}", Methods, (int id, string? rest, HttpContext context, NormativeDb db, CancellationToken ct) =>
            ToAsync(context, db, id, slug => CatalogueLinks.Committee(slug) + (string.IsNullOrEmpty(rest) ? "" : "/" + rest), ct));
        return app;
    }

    /// <summary>301 to <paramref name="target"/> of the committee's slug, with the request's query string; 404 for no such committee.</summary>
    public static async Task<IResult> ToAsync(HttpContext context, NormativeDb db, int id, Func<string, string> target, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        var slug = await db.Committees.AsNoTracking().Where(c => c.Id == id).Select(c => c.Slug).FirstOrDefaultAsync(ct);
        if (slug is null)
        {
            return TypedResults.NotFound();
        }
        var location = target(slug);
        var query = context.Request.QueryString;
        if (query.HasValue)
        {
            location += (location.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query.Value![1..];
        }
        return TypedResults.Redirect(location, permanent: true);
    }
}
