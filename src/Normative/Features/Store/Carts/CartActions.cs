using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Offers;
using Normative.Features.Store.Subscriptions;

namespace Normative.Features.Store.Carts;

/// <summary>
/// Finds and changes the cart of the person making the request: a signed-in buyer's open cart,
/// or the anonymous cart whose id is in the cart cookie. Anonymous carts expire after 30 days
/// without a change; at sign-in the anonymous cart is merged into the buyer's.
/// </summary>
public static class CartActions
{
    public const string CookieName = "Normative.Cart";

    /// <summary>The cart, if any, and whether the cookie pointed at a cart that has expired.</summary>
    public sealed record Lookup(Cart? Cart, bool Expired);

    public static async Task<Lookup> FindAsync(NormativeDb db, HttpContext http, DateTimeOffset now, CancellationToken ct)
    {
        if (http.User.UserId() is { } userId)
        {
            return new(await db.Carts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.UserId == userId && c.CheckedOutAt == null, ct), false);
        }
        if (!TryCookie(http, out var id))
        {
            return new(null, false);
        }
        var cart = await db.Carts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == id && c.UserId == null && c.CheckedOutAt == null, ct);
        return cart is null || CartRules.IsExpired(cart, now) ? new(null, true) : new(cart, false);
    }

    /// <summary>Forgets an expired cart's cookie, so its message is shown once.</summary>
    public static void ForgetCookie(HttpContext http) => http.Response.Cookies.Delete(CookieName);

    public static async Task<int> CountAsync(NormativeDb db, HttpContext http, DateTimeOffset now, CancellationToken ct)
    {
        IQueryable<Cart> carts;
        if (http.User.UserId() is { } userId)
        {
            carts = db.Carts.Where(c => c.UserId == userId && c.CheckedOutAt == null);
        }
        else if (TryCookie(http, out var id))
        {
            var since = now - CartRules.Lifetime;
            carts = db.Carts.Where(c => c.Id == id && c.UserId == null && c.CheckedOutAt == null && c.UpdatedAt >= since);
        }
        else
        {
            return 0;
        }
        return await carts.SelectMany(c => c.Lines).SumAsync(l => (int?)l.Quantity, ct) ?? 0;
    }

    /// <summary>Adds an offer (or more printed copies of it). Returns a resource key describing the problem, or null.</summary>
    /// <param name="maxSeats">The most seats of a multi-user PDF licence (<see cref="StoreOptions.MaxSeats"/>).</param>
    public static async Task<string?> AddAsync(NormativeDb db, HttpContext http, int deliverableId, ProductFormat format, string language, int quantity, DateTimeOffset now, CancellationToken ct,
        int maxSeats = 1)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAddAsync(db, http, deliverableId, format, language, quantity, now, maxSeats, ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Another request (a second tab, a double click) created the cart or the line first: do it again on top of theirs.
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<string?> TryAddAsync(NormativeDb db, HttpContext http, int deliverableId, ProductFormat format, string language, int quantity, DateTimeOffset now,
        int maxSeats, CancellationToken ct)
    {
        if (!Enum.IsDefined(format))
        {
            return "Cart.Error.UnknownOffer";
        }
        if (CartRules.CheckQuantity(format, quantity, maxSeats) is { } problem)
        {
            return problem;
        }
        var deliverable = await db.Deliverables.AsNoTracking().SingleOrDefaultAsync(d => d.Id == deliverableId, ct);
        if (deliverable is null)
        {
            return "Cart.Error.UnknownOffer";
        }
        var prices = await Pricing.LoadAsync(db, [deliverableId], ct);
        if (prices.Find(deliverable, format, language) is null)
        {
            return "Cart.Error.UnknownOffer";
        }

        var cart = await GetOrCreateAsync(db, http, now, ct);
        var line = cart.Lines.FirstOrDefault(l => l.DeliverableId == deliverableId && l.Format == format && l.Language == language);
        if (line is null)
        {
            if (cart.Lines.Count >= CartRules.MaxLines)
            {
                return "Cart.Error.TooManyLines";
            }
            cart.Lines.Add(new CartLine { DeliverableId = deliverableId, Format = format, Language = language, Quantity = quantity, AddedAt = now });
        }
        else if (format == ProductFormat.Paper)
        {
            if (CartRules.CheckQuantity(format, line.Quantity + quantity) is { } tooMany)
            {
                return tooMany;
            }
            line.Quantity += quantity;
        }
        Touch(cart, now);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Adds a year's subscription to a collection on sale (once: a second add changes nothing). Returns a resource key describing the problem, or null.</summary>
    public static async Task<string?> AddSubscriptionAsync(NormativeDb db, HttpContext http, int collectionId, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryAddSubscriptionAsync(db, http, collectionId, now, ct);
            }
            catch (DbUpdateException e) when (attempt < 3 && e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<string?> TryAddSubscriptionAsync(NormativeDb db, HttpContext http, int collectionId, DateTimeOffset now, CancellationToken ct)
    {
        if (!await db.Collections.AnyAsync(c => c.Id == collectionId && c.OnSale, ct))
        {
            return "Cart.Error.UnknownOffer";
        }
        var cart = await GetOrCreateAsync(db, http, now, ct);
        if (cart.Lines.Any(l => l.CollectionId == collectionId))
        {
            return null;
        }
        if (cart.Lines.Count >= CartRules.MaxLines)
        {
            return "Cart.Error.TooManyLines";
        }
        cart.Lines.Add(new CartLine { CollectionId = collectionId, Format = ProductFormat.Subscription, Language = Collection.AllLanguages, Quantity = 1, AddedAt = now });
        Touch(cart, now);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <param name="maxSeats">The most seats of a multi-user PDF licence (<see cref="StoreOptions.MaxSeats"/>).</param>
    public static async Task<string?> SetQuantityAsync(NormativeDb db, HttpContext http, long lineId, int quantity, DateTimeOffset now, CancellationToken ct, int maxSeats = 1)
    {
        var (cart, _) = await FindAsync(db, http, now, ct);
        var line = cart?.Lines.FirstOrDefault(l => l.Id == lineId);
        if (cart is null || line is null)
        {
            return "Cart.Error.UnknownLine";
        }
        if (CartRules.CheckQuantity(line.Format, quantity, maxSeats) is { } problem)
        {
            return problem;
        }
        line.Quantity = quantity;
        Touch(cart, now);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static async Task<string?> RemoveAsync(NormativeDb db, HttpContext http, long lineId, DateTimeOffset now, CancellationToken ct)
    {
        var (cart, _) = await FindAsync(db, http, now, ct);
        var line = cart?.Lines.FirstOrDefault(l => l.Id == lineId);
        if (cart is null || line is null)
        {
            return "Cart.Error.UnknownLine";
        }
        cart.Lines.Remove(line);
        Touch(cart, now);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>At sign-in: moves the anonymous cart's lines into the buyer's open cart and forgets the anonymous one.</summary>
    public static async Task MergeAsync(NormativeDb db, HttpContext http, string userId, DateTimeOffset now, CancellationToken ct)
    {
        if (!TryCookie(http, out var id))
        {
            return;
        }
        var anonymous = await db.Carts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.Id == id && c.UserId == null && c.CheckedOutAt == null, ct);
        ForgetCookie(http);
        if (anonymous is null)
        {
            return;
        }
        if (!CartRules.IsExpired(anonymous, now) && anonymous.Lines.Count > 0)
        {
            var mine = await db.Carts.Include(c => c.Lines).SingleOrDefaultAsync(c => c.UserId == userId && c.CheckedOutAt == null, ct);
            if (mine is null)
            {
                // The anonymous cart simply becomes the buyer's.
                anonymous.UserId = userId;
                Touch(anonymous, now);
                await db.SaveChangesAsync(ct);
                return;
            }
            CartRules.Merge(mine, anonymous, now);
        }
        db.Carts.Remove(anonymous);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Deletes anonymous carts long expired and carts closed by an order (the order keeps its own copy).</summary>
    public static Task<int> DeleteStaleAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct)
    {
        var expired = now - CartRules.Lifetime - TimeSpan.FromDays(7);
        var closed = now - TimeSpan.FromDays(7);
        return db.Carts
            .Where(c => (c.UserId == null && c.CheckedOutAt == null && c.UpdatedAt < expired) || (c.CheckedOutAt != null && c.CheckedOutAt < closed))
            .ExecuteDeleteAsync(ct);
    }

    private static async Task<Cart> GetOrCreateAsync(NormativeDb db, HttpContext http, DateTimeOffset now, CancellationToken ct)
    {
        var (cart, _) = await FindAsync(db, http, now, ct);
        if (cart is not null)
        {
            return cart;
        }
        cart = new Cart { Id = Guid.NewGuid(), UserId = http.User.UserId(), CreatedAt = now, UpdatedAt = now };
        db.Carts.Add(cart);
        if (cart.UserId is null)
        {
            http.Response.Cookies.Append(CookieName, cart.Id.ToString("N"), new CookieOptions
            {
                HttpOnly = true,
                IsEssential = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                MaxAge = CartRules.Lifetime,
            });
        }
        return cart;
    }

    private static void Touch(Cart cart, DateTimeOffset now)
    {
        cart.UpdatedAt = now;
        cart.Revision++;
    }

    private static bool TryCookie(HttpContext http, out Guid id)
    {
        id = Guid.Empty;
        return http.Request.Cookies.TryGetValue(CookieName, out var value) && Guid.TryParseExact(value, "N", out id);
    }
}
