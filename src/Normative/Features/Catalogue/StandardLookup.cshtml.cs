using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>
/// /standard/ISO 9001:2015 (a reference instead of an id, typed any old way) redirects to the
/// deliverable's page; without a year, to the edition in force.
/// </summary>
public sealed class StandardLookupModel(NormativeDb db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? reference, CancellationToken ct)
    {
        // A slash encoded as %2F stays encoded in the path; decode it here.
        var text = Uri.UnescapeDataString(reference ?? "");
        return await DeliverableFinder.FindAsync(db, text, ct) is { } id ? Redirect(CatalogueLinks.Standard(id)) : NotFound();
    }
}
