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

/// <summary>
/// The order's invoice as a PDF — pro-forma while unpaid, the invoice once paid — or, once refunded,
/// its credit note. For the buyer and Editors only.
/// </summary>
[Authorize]
public class InvoiceModel(NormativeDb db, Tax.TaxRegime regime, IAuthorizationService auth, IStringLocalizer<StoreText> s, TimeProvider clock, IOptions<OrganizationOptions> organization, IOptions<StoreOptions> store) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string number, string document)
    {
        var (order, outcome) = await OrderAccess.FindAsync(db, auth, HttpContext, number, ownerOnly: false, HttpContext.RequestAborted);
        if (order is null)
        {
            return outcome == OrderAccess.Outcome.Forbidden ? Forbid() : NotFound();
        }
        var creditNote = document == "credit-note";
        if (creditNote && order.CreditNoteNumber is null)
        {
            return NotFound();
        }
        var kind = creditNote ? InvoicePdf.Kind.CreditNote
            : order.Status is OrderStatus.Placed or OrderStatus.Cancelled ? InvoicePdf.Kind.ProForma
            : InvoicePdf.Kind.Invoice;
        byte[] pdf;
        using (CultureScope.Use(order.Culture))
        {
            var issued = (creditNote ? order.RefundedAt : order.PaidAt) ?? clock.GetUtcNow();
            pdf = InvoicePdf.Create(order, kind, StoreSeller.From(organization.Value, store.Value), regime.Currency, s, issued);
        }
        var name = kind switch
        {
            InvoicePdf.Kind.CreditNote => $"credit-note-{order.CreditNoteNumber}",
            InvoicePdf.Kind.Invoice => $"invoice-{order.InvoiceNumber ?? order.Number}",
            _ => $"proforma-{order.Number}",
        };
        return File(pdf, "application/pdf", name + ".pdf");
    }
}
