using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Web;

namespace Normative.Features.Store.Subscriptions;

/// <summary>The collections on sale, each sold as a yearly subscription with its updates.</summary>
[OutputCache(PolicyName = CatalogueCachePolicy.Name)]
public class CollectionsModel(NormativeDb db) : PageModel
{
    public List<Collection> Collections { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var language = Cultures.Current;
        Collections = (await db.Collections.AsNoTracking().Where(c => c.OnSale).ToListAsync(HttpContext.RequestAborted))
            .OrderBy(c => c.NameIn(language), StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }
}
