using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Store.Payments;

/// <summary>
/// The test provider's hosted payment page. It plays the provider's part: no card is asked for;
/// Pay marks the session paid and sends the buyer back to the store, as Stripe would.
/// </summary>
public class TestPaymentModel(NormativeDb db, CardPayments cards, TimeProvider clock) : PageModel
{
    public TestPaymentSession Session { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid session)
    {
        if (!cards.TestProvider)
        {
            return NotFound();
        }
        var found = await db.Set<TestPaymentSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == session);
        if (found is null)
        {
            return NotFound();
        }
        Session = found;
        return Page();
    }

    public Task<IActionResult> OnPostPayAsync(Guid session) => CompleteAsync(session, paid: true);

    public Task<IActionResult> OnPostCancelAsync(Guid session) => CompleteAsync(session, paid: false);

    private async Task<IActionResult> CompleteAsync(Guid session, bool paid)
    {
        if (!cards.TestProvider)
        {
            return NotFound();
        }
        await TestPaymentProvider.CompleteAsync(db, session, paid, clock.GetUtcNow(), HttpContext.RequestAborted);
        var found = await db.Set<TestPaymentSession>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == session);
        if (found is null)
        {
            return NotFound();
        }
        // A second click on Pay (the session is already paid) goes back to the store the same way.
        return found.Status switch
        {
            "Paid" => Redirect(found.SuccessUrl.Replace("{CHECKOUT_SESSION_ID}", found.Id.ToString(), StringComparison.Ordinal)),
            _ => Redirect(found.CancelUrl),
        };
    }
}
