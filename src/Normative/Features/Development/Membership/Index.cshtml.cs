using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Development.Membership;

/// <summary>/members: the directory of member bodies, by category and region, searchable by country, acronym or name.</summary>
public class IndexModel(NormativeDb db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Region { get; set; }

    public List<MemberBody> Members { get; private set; } = [];
    public Dictionary<MemberCategory, int> Counts { get; private set; } = [];
    public int Total { get; private set; }

    public async Task OnGetAsync()
    {
        var all = await db.MemberBodies.AsNoTracking().ToListAsync();
        Total = all.Count;
        Counts = all.GroupBy(m => m.Category).ToDictionary(g => g.Key, g => g.Count());
        IEnumerable<MemberBody> list = all;
        if (Enum.TryParse<MemberCategory>(Category, true, out var category))
        {
            list = list.Where(m => m.Category == category);
        }
        if (Enum.TryParse<Region>(Region, true, out var region))
        {
            list = list.Where(m => m.Region == region);
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            list = list.Where(m => m.Acronym.Contains(q, StringComparison.CurrentCultureIgnoreCase)
                || m.Name.Contains(q, StringComparison.CurrentCultureIgnoreCase)
                || m.Country(Cultures.Current).Contains(q, StringComparison.CurrentCultureIgnoreCase)
                || m.CountryEn.Contains(q, StringComparison.CurrentCultureIgnoreCase)
                || m.CountryCode.Equals(q, StringComparison.OrdinalIgnoreCase));
        }
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        Members = list.OrderBy(m => m.Country(Cultures.Current), StringComparer.Create(culture, true)).ToList();
    }
}
