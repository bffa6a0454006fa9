using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue;

/// <summary>/sectors/{slug}/edit: Editors choose which ICS codes and committees make up a sector.</summary>
[Authorize(Policy = Policies.Editor)]
public sealed class SectorEditModel(NormativeDb db, CatalogueVersion version, TimeProvider clock, IStringLocalizer<CatalogueText> text) : PageModel
{
    public Sector Sector { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public string? IcsCodes { get; set; }

        public string? Committees { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!Find(slug))
        {
            return NotFound();
        }
        var mapping = await db.SectorMappings.AsNoTracking().FirstOrDefaultAsync(m => m.Slug == slug, ct);
        Input = new InputModel
        {
            IcsCodes = string.Join("\n", mapping?.IcsCodes ?? []),
            Committees = string.Join("\n", mapping?.Committees ?? []),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (!Find(slug))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var codes = Lines(Input.IcsCodes);
        var committees = Lines(Input.Committees);
        if (codes.Count > 200 || committees.Count > 200)
        {
            ModelState.AddModelError("", text["SectorEdit.TooMany", 200]);
            return Page();
        }
        var knownCodes = await db.IcsCodes.Where(i => codes.Contains(i.Code)).Select(i => i.Code).ToListAsync(ct);
        var unknownCodes = codes.Except(knownCodes).ToList();
        if (unknownCodes.Count > 0)
        {
            ModelState.AddModelError("Input.IcsCodes", text["SectorEdit.UnknownIcs", string.Join(", ", unknownCodes)]);
        }
        var knownCommittees = await db.Committees.Where(c => committees.Contains(c.Reference)).Select(c => c.Reference).ToListAsync(ct);
        var unknownCommittees = committees.Except(knownCommittees).ToList();
        if (unknownCommittees.Count > 0)
        {
            ModelState.AddModelError("Input.Committees", text["SectorEdit.UnknownCommittees", string.Join(", ", unknownCommittees)]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var mapping = await db.SectorMappings.FirstOrDefaultAsync(m => m.Slug == slug, ct);
        if (mapping is null)
        {
            mapping = new SectorMapping { Slug = slug };
            db.SectorMappings.Add(mapping);
        }
        mapping.IcsCodes = codes;
        mapping.Committees = committees;
        mapping.UpdatedAt = clock.GetUtcNow();
        mapping.UpdatedBy = User.Identity?.Name;
        await db.SaveChangesAsync(ct);
        await version.RefreshAsync(ct);
        TempData.SetNotice(text["SectorEdit.Saved"]);
        return RedirectToPage(new { slug });
    }

    private bool Find(string slug)
    {
        var sector = Sector.All.FirstOrDefault(s => s.Slug == slug);
        if (sector is not null)
        {
            Sector = sector;
        }
        return sector is not null;
    }

    /// <summary>One value a line (commas also separate ICS codes), trimmed, without repeats.</summary>
    private static List<string> Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(l => l.Contains('/', StringComparison.Ordinal) ? [l] : l.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).ToList();
}
