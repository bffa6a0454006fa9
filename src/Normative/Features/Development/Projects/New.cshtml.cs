using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Shared;

namespace Normative.Features.Development.Projects;

/// <summary>/development/projects/new?committee={id}: the committee manager registers a project in the work programme.</summary>
[Authorize]
public class NewModel(NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed class InputModel
    {
        public string? Reference { get; set; }
        public string? TitleEn { get; set; }
        public string? TitleFr { get; set; }
        public string? Scope { get; set; }
        public int TrackMonths { get; set; } = 36;
        public string? Leader { get; set; }
        public int StartStage { get; set; } = StageCodes.ProposalRegistered;
        public string? Replaces { get; set; }
        public int? WorkingGroup { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Committee Committee { get; private set; } = null!;

    /// <summary>The committee's active WGs and JWGs, one of which may develop the project.</summary>
    public List<Committee> WorkingGroups { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int committee) => await LoadAsync(committee) is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostAsync(int committee)
    {
        if (await LoadAsync(committee) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrWhiteSpace(Input.Reference))
        {
            ModelState.AddModelError("Input.Reference", t["Error.Project.ReferenceMissing"]);
        }
        if (string.IsNullOrWhiteSpace(Input.TitleEn))
        {
            ModelState.AddModelError("Input.TitleEn", t["Error.Project.Title"]);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await ProjectActions.CreateAsync(db, new ProjectDraft(committee, Input.Reference!, Input.TitleEn!, Input.TitleFr, Input.Scope,
            Input.TrackMonths, Input.Leader, Input.StartStage, Input.Replaces, Input.WorkingGroup), User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            var field = result.Error.Key switch
            {
                "Error.Project.Track" => "Input.TrackMonths",
                "Error.Project.StartStage" => "Input.StartStage",
                "Error.Project.ReplacesMissing" => "Input.Replaces",
                "Error.Project.Title" => "Input.TitleEn",
                "Error.Project.WorkingGroup" => "Input.WorkingGroup",
                _ => "Input.Reference",
            };
            ModelState.AddModelError(field, t[result.Error.Key, result.Error.Args]);
            Response.StatusCode = result.Error.Status;
            return Page();
        }
        TempData.SetNotice(t["Notice.ProjectRegistered", ProjectReference.Current(result.Value)]);
        return Redirect(DevelopmentLinks.Project(result.Value.Id));
    }

    private async Task<IActionResult?> LoadAsync(int committee)
    {
        var c = await db.Committees.AsNoTracking().FirstOrDefaultAsync(x => x.Id == committee);
        if (c is null)
        {
            return NotFound();
        }
        if (!DevelopmentAccess.Manages(User, c))
        {
            return Forbid();
        }
        Committee = c;
        WorkingGroups = (await db.Committees.AsNoTracking().Where(x => x.ParentId == c.Id).OrderBy(x => x.Reference).ToListAsync())
            .Where(x => ProjectRules.IsWorkingGroupOf(x, c)).ToList();
        return null;
    }
}
