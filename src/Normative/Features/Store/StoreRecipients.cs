using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Store;

/// <summary>Where and in which language the store writes to its buyers: their account's address, in the language of their latest order.</summary>
public static class StoreRecipients
{
    public sealed record Recipient(string Email, string Culture);

    /// <summary>The recipients among <paramref name="userIds"/>; an account without an address is left out.</summary>
    public static async Task<Dictionary<string, Recipient>> OfAsync(NormativeDb db, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.ToList();
        var emails = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, ct);
        var cultures = await db.Orders.AsNoTracking()
            .Where(o => ids.Contains(o.UserId))
            .GroupBy(o => o.UserId)
            .Select(g => new { UserId = g.Key, g.OrderByDescending(o => o.PlacedAt).First().Culture })
            .ToDictionaryAsync(x => x.UserId, x => x.Culture, ct);
        return emails.Where(e => !string.IsNullOrEmpty(e.Value))
            .ToDictionary(e => e.Key, e => new Recipient(e.Value!, cultures.GetValueOrDefault(e.Key) ?? "en"));
    }
}
