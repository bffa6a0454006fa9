using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Development.Committees;

/// <summary>/development/committees/new: an administrator creates a TC, SC, WG, AG or JWG.</summary>
[Authorize(Roles = Roles.Administrator)]
public class NewModel(NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed class InputModel
    {
        public CommitteeKind Kind { get; set; } = CommitteeKind.TC;
        public int? ParentId { get; set; }
        [StringLength(40, ErrorMessage = "Validation.MaxLength")]
        public string? Prefix { get; set; }
        public int Number { get; set; }
        public string? TitleEn { get; set; }
        public string? TitleFr { get; set; }
        public string? Scope { get; set; }
        public string? JointWith { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The active committees a new one may belong to.</summary>
    public List<Committee> Parents { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await CommitteeActions.CreateAsync(db, new CommitteeDraft(Input.Kind, Input.ParentId, Input.Number, Input.TitleEn ?? "", Input.TitleFr, Input.Scope,
            Input.Prefix, Input.JointWith), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            var field = result.Error.Key switch
            {
                "Error.Committee.Number" or "Error.Committee.ReferenceTaken" => "Input.Number",
                "Error.Committee.Title" => "Input.TitleEn",
                "Error.Committee.JointWith" => "Input.JointWith",
                _ => "Input.ParentId",
            };
            ModelState.AddModelError(field, t[result.Error.Key, result.Error.Args]);
            Response.StatusCode = result.Error.Status;
            return Page();
        }
        TempData.SetNotice(t["Notice.CommitteeCreated", result.Value.Reference]);
        return Redirect(DevelopmentLinks.CommitteeSettings(result.Value.Slug));
    }

    private async Task LoadAsync() =>
        Parents = await db.Committees.AsNoTracking().Where(c => c.Status != CommitteeRules.Disbanded).OrderBy(c => c.Reference).ToListAsync();
}
