using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Normative.Features.Store.Admin;

/// <summary>The currency and VAT rules the store applies, with their legal basis: the regime file the configuration chose (<see cref="Tax.TaxRegime"/>).</summary>
public class TaxModel : PageModel
{
    public void OnGet()
    {
    }
}
