using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Checkout;

namespace Normative.Features.Store.Admin;

/// <summary>The VAT rules the store applies, with their legal basis (the tax_rules table; a new rate is a new row from a date).</summary>
public class TaxModel(NormativeDb db) : PageModel
{
    public List<TaxRule> Rules { get; private set; } = [];

    public async Task OnGetAsync() =>
        Rules = (await db.TaxRules.AsNoTracking().ToListAsync())
            .OrderBy(r => r.Country == TaxRule.AnyOtherCountry).ThenBy(r => r.Country).ThenBy(r => r.Format).ThenByDescending(r => r.ValidFrom).ToList();
}
