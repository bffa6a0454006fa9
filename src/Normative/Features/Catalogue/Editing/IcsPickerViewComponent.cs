using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Web;

namespace Normative.Features.Catalogue.Editing;

/// <summary>
/// The ICS tree under the record form's ICS field: a field per fold, each code a checkbox, so an
/// Editor picks codes from the tree instead of remembering them (no script needed). Codes the
/// record already has are shown ticked and fixed; they are removed from the box above.
/// </summary>
public sealed class IcsPickerViewComponent(NormativeDb db) : ViewComponent
{
    public sealed record Node(string Code, string Title, int Level, bool Present, bool Picked);

    public sealed record Model(IReadOnlyList<(Node Field, IReadOnlyList<Node> Codes)> Fields);

    public async Task<IViewComponentResult> InvokeAsync(IReadOnlyCollection<string> present, IReadOnlyCollection<string> picked)
    {
        var language = Cultures.Current;
        var codes = await db.IcsCodes.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Code, c.Title, c.TitleFr }).ToListAsync(HttpContext.RequestAborted);
        var nodes = codes.Select(c => new Node(c.Code, language == "fr" && !string.IsNullOrEmpty(c.TitleFr) ? c.TitleFr : c.Title,
            c.Code.Count(ch => ch == '.'), present.Contains(c.Code), picked.Contains(c.Code))).ToList();
        var fields = nodes.Where(n => n.Level == 0)
            .Select(f => (f, (IReadOnlyList<Node>)nodes.Where(n => n.Level > 0 && n.Code.StartsWith(f.Code + ".", StringComparison.Ordinal)).ToList()))
            .ToList();
        return View("~/Features/Catalogue/Editing/IcsPicker.cshtml", new Model(fields));
    }
}
