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
        Counts = await db.MemberBodies.GroupBy(m => m.Category).ToDictionaryAsync(g => g.Key, g => g.Count());
        Total = Counts.Values.Sum();
        var lang = Cultures.Current;
        var found = await MemberBodies.Matching(db.MemberBodies.AsNoTracking(), Category, Region, Q, lang).ToListAsync();
        // Sorted here by the country's name in the reader's language and culture, which the database's collation does not know.
        var culture = System.Globalization.CultureInfo.CurrentCulture;
        Members = found.OrderBy(m => m.Country(lang), StringComparer.Create(culture, true)).ToList();
    }
}
