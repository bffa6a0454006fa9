using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;
using Normative.Features.Store.Organizations;

namespace Normative.Features.Store.Orders;

/// <summary>Who may see an order: its buyer, the administrators of the organisation it was bought for, and Editors. Anyone else gets 403.</summary>
public static class OrderAccess
{
    public enum Outcome
    {
        Allowed,
        NotFound,
        Forbidden,
    }

    public static async Task<(Order? Order, Outcome Outcome)> FindAsync(NormativeDb db, IAuthorizationService auth, HttpContext http, string number, bool ownerOnly, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking()
            .Include(o => o.Lines.OrderBy(l => l.LineNumber))
            .Include(o => o.Events.OrderBy(e => e.At).ThenBy(e => e.Id))
            .Include(o => o.Payments)
            .Include(o => o.Shipments.OrderBy(s => s.ShippedAt).ThenBy(s => s.Id))
            .AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Number == number, ct);
        if (order is null)
        {
            return (null, Outcome.NotFound);
        }
        if (order.UserId == http.User.UserId())
        {
            return (order, Outcome.Allowed);
        }
        if (!ownerOnly && order.OrganizationId is { } organizationId && await OrganizationActions.IsAdministratorAsync(db, organizationId, http.User.UserId(), ct))
        {
            return (order, Outcome.Allowed);
        }
        if (!ownerOnly && (await auth.AuthorizeAsync(http.User, Policies.Editor)).Succeeded)
        {
            return (order, Outcome.Allowed);
        }
        return (null, Outcome.Forbidden);
    }
}
