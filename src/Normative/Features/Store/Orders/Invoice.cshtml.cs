using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Shared;
using Normative.Features.Store.Pdf;
using Normative.Web;

namespace Normative.Features.Store.Orders;

/// <summary>The order's invoice as a PDF: pro-forma while unpaid, the invoice once paid. For the buyer and Editors only.</summary>
[Authorize]
public class InvoiceModel(NormativeDb db, IAuthorizationService auth, IStringLocalizer<StoreText> s, TimeProvider clock, IOptions<OrganizationOptions> organization, IOptions<StoreOptions> store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string number)
    {
        var (order, outcome) = await OrderAccess.FindAsync(db, auth, HttpContext, number, ownerOnly: false, HttpContext.RequestAborted);
        if (order is null)
        {
            return outcome == OrderAccess.Outcome.Forbidden ? Forbid() : NotFound();
        }
        var proForma = order.Status is OrderStatus.Placed or OrderStatus.Cancelled;
        byte[] pdf;
        using (CultureScope.Use(order.Culture))
        {
            pdf = InvoicePdf.Create(order, proForma, StoreSeller.From(organization.Value, store.Value), s, order.PaidAt ?? clock.GetUtcNow());
        }
        return File(pdf, "application/pdf", $"{(proForma ? "proforma" : "invoice")}-{order.Number}.pdf");
    }
}
