using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Storage;

namespace Normative.Features.Content.Articles;

/// <summary>
/// Lead images: setting one (both renditions kept in the file store in one transaction, the old
/// files deleted with it) and serving them. An image is public once its article is; before that
/// only Editors see it (the preview), and never from a shared cache.
/// </summary>
public static class ArticleImages
{
    /// <summary>Replaces <paramref name="article"/>'s lead image with <paramref name="prepared"/> and sets the words that describe it in <paramref name="version"/>'s language.</summary>
    public static async Task SetAsync(NormativeDb db, IFileStore files, Article article, ArticleVersion version, LeadImages.Prepared prepared, string alt,
        string? by, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(prepared);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var name = article.Slug + ".jpg";
        StoredFile large, small;
        using (var content = new MemoryStream(prepared.Large.Jpeg, writable: false))
        {
            large = await files.SaveAsync(db, content, new FileUpload(name, LeadImages.ContentType, LeadImages.MaxUploadBytes), ct);
        }
        using (var content = new MemoryStream(prepared.Small.Jpeg, writable: false))
        {
            small = await files.SaveAsync(db, content, new FileUpload(name, LeadImages.ContentType, LeadImages.MaxUploadBytes), ct);
        }
        Guid?[] old = [article.ImageFileId, article.ImageSmallFileId];
        article.ImageFileId = large.Id;
        article.ImageSmallFileId = small.Id;
        article.ImageWidth = prepared.Large.Width;
        article.ImageHeight = prepared.Large.Height;
        article.UpdatedAt = now;
        version.ImageAlt = alt.Trim();
        article.Events.Add(new ArticleEvent { At = now, By = by, Kind = ArticleEventKind.ImageChanged, Note = $"{prepared.Large.Width} × {prepared.Large.Height}" });
        await db.SaveChangesAsync(ct);
        await DeleteAsync(db, old, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Takes the lead image away (the article then shows none) and deletes its files.</summary>
    public static async Task RemoveAsync(NormativeDb db, Article article, string? by, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(article);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Guid?[] old = [article.ImageFileId, article.ImageSmallFileId];
        article.ImageFileId = article.ImageSmallFileId = null;
        article.ImageWidth = article.ImageHeight = null;
        article.UpdatedAt = now;
        article.Events.Add(new ArticleEvent { At = now, By = by, Kind = ArticleEventKind.ImageRemoved });
        await db.SaveChangesAsync(ct);
        await DeleteAsync(db, old, ct);
        await tx.CommitAsync(ct);
    }

    private static async Task DeleteAsync(NormativeDb db, Guid?[] ids, CancellationToken ct)
    {
        var gone = ids.OfType<Guid>().ToList();
        if (gone.Count > 0)
        {
            await db.StoredFiles.Where(f => gone.Contains(f.Id)).ExecuteDeleteAsync(ct);
        }
    }

    /// <summary>GET /news/images/{id}.jpg.</summary>
    public static IEndpointRouteBuilder MapArticleImages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/news/images/{name}", ServeAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(string name, HttpContext context, NormativeDb db, IFileStore files, IAuthorizationService authorization,
        TimeProvider clock, CancellationToken ct)
    {
        if (!name.EndsWith(".jpg", StringComparison.Ordinal) || !Guid.TryParseExact(name[..^4], "N", out var id))
        {
            return TypedResults.NotFound();
        }
        var article = await db.Articles.AsNoTracking()
            .Where(a => a.ImageFileId == id || a.ImageSmallFileId == id)
            .Select(a => new { a.Status, a.PublishAt })
            .FirstOrDefaultAsync(ct);
        if (article is null)
        {
            return TypedResults.NotFound();
        }
        var visible = ArticleRules.IsLive(article.Status, article.PublishAt, clock.GetUtcNow()) || article.Status == ArticleStatus.Archived;
        if (!visible && !(await authorization.AuthorizeAsync(context.User, Policies.Editor)).Succeeded)
        {
            return TypedResults.NotFound();
        }
        var file = await db.StoredFiles.AsNoTracking().SingleAsync(f => f.Id == id, ct);
        var etag = new EntityTagHeaderValue($"\"{file.Sha256}\"");
        // The address names one upload for good: browsers and proxies may keep it a year. A draft's stays private.
        context.Response.Headers.CacheControl = visible ? "public, max-age=31536000, immutable" : "private, no-store";
        if (context.Request.Headers.IfNoneMatch.ToString() == etag.ToString())
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        context.Response.ContentLength = file.Size;
        return TypedResults.Stream(await files.OpenReadAsync(db, file, ct), file.ContentType, lastModified: file.CreatedAt, entityTag: etag);
    }
}
