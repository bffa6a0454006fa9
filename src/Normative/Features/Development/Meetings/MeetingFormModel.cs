using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Meetings;

/// <summary>What the New and Edit pages share: the meeting form and the member bodies that may host.</summary>
public abstract class MeetingFormModel(NormativeDb db) : PageModel
{
    protected NormativeDb Db { get; } = db;

    [BindProperty]
    public MeetingInput Input { get; set; } = new();

    public List<MemberBody> Hosts { get; private set; } = [];

    protected async Task LoadHostsAsync() =>
        Hosts = await Db.MemberBodies.AsNoTracking().Where(b => b.Category == MemberCategory.MemberBody).OrderBy(b => b.Acronym).ToListAsync();

    /// <summary>The form again, as typed, with the reason; nothing was stored.</summary>
    protected async Task<IActionResult> RefusedAsync(DevelopmentError? error, Microsoft.Extensions.Localization.IStringLocalizer<DevelopmentText> t)
    {
        if (error is not null)
        {
            ModelState.AddModelError("", t[error.Key, error.Args]);
        }
        await LoadHostsAsync();
        Response.StatusCode = error?.Status ?? StatusCodes.Status400BadRequest;
        return Page();
    }
}
