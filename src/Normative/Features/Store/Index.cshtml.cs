using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Shared;
using Normative.Features.Store.Carts;
using Normative.Features.Store.Offers;
using Normative.Features.Store.Shipping;

namespace Normative.Features.Store;

/// <summary>The store's front page: find a standard by its reference, the cart, how buying works, prices, shipping and VAT.</summary>
public class IndexModel(NormativeDb db, TimeProvider clock, IAuthorizationService auth) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Reference { get; set; }

    public List<Deliverable> Matches { get; private set; } = [];
    public bool Searched { get; private set; }
    public int CartCount { get; private set; }
    public bool IsEditor { get; private set; }
    public List<PriceBand> Bands { get; private set; } = [];
    public List<Deliverable> WithFiles { get; private set; } = [];
    /// <summary>The collections on sale, by English name: the store sells a few.</summary>
    public List<Subscriptions.Collection> Collections { get; private set; } = [];
    public List<ShippingZone> ShippingZones { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var typed = Reference?.Trim();
        if (!string.IsNullOrEmpty(typed))
        {
            Searched = true;
            typed = typed.Length > 200 ? typed[..200] : typed;
            var canonical = PublicationIdentifier.TryParse(typed, out var id, out _) ? id.ToString() : typed;
            var exact = await db.Deliverables.AsNoTracking().Where(d => d.Reference == canonical).ToListAsync(ct);
            if (exact.Count == 1)
            {
                return Redirect(StoreLinks.Product(exact[0].Id));
            }
            var pattern = SqlLike.Contains(canonical);
            Matches = exact.Count > 0
                ? exact
                : await db.Deliverables.AsNoTracking().Where(d => EF.Functions.ILike(d.Reference, pattern)).OrderBy(d => d.Reference).Take(20).ToListAsync(ct);
        }
        CartCount = await CartActions.CountAsync(db, HttpContext, clock.GetUtcNow(), ct);
        IsEditor = User.Identity?.IsAuthenticated == true && (await auth.AuthorizeAsync(User, Policies.Editor)).Succeeded;
        Bands = await db.PriceBands.AsNoTracking().OrderBy(b => b.MinPages).ToListAsync(ct);
        var ids = await db.SourceFiles.AsNoTracking().Select(f => f.DeliverableId).Distinct().OrderBy(id => id).Take(12).ToListAsync(ct);
        WithFiles = await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id)).OrderBy(d => d.Reference).ToListAsync(ct);
        Collections = await db.Collections.AsNoTracking().Where(c => c.OnSale).OrderBy(c => c.NameEn).Take(12).ToListAsync(ct);
        ShippingZones = await ShippingRates.LoadAsync(db, ct);
        return Page();
    }
}
