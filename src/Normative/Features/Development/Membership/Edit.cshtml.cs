using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;

namespace Normative.Features.Development.Membership;

/// <summary>/members/{code}/edit: an administrator edits a member body, changes its category, suspends or reinstates it; its history.</summary>
[Authorize(Roles = Roles.Administrator)]
public class EditModel(NormativeDb db, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed record HistoryRow(MemberBodyEvent Event, string? By);

    /// <summary>The reason for a suspension or a reinstatement.</summary>
    public sealed class ReasonInput
    {
        public string? Note { get; set; }
    }

    [BindProperty]
    public MemberBodyInput Input { get; set; } = new();

    public MemberBody Member { get; private set; } = null!;
    public List<HistoryRow> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        Input = MemberBodyInput.From(Member);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await MemberBodyActions.UpdateAsync(db, Member.CountryCode, Input.ToDraft(), Input.Note, User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(MemberBodyInput.FieldFor(result.Error.Key), t[result.Error.Key, result.Error.Args]);
            Response.StatusCode = result.Error.Status;
            return Page();
        }
        TempData.SetNotice(t["Notice.MemberSaved", result.Value.Acronym]);
        return Redirect(DevelopmentLinks.Member(result.Value.CountryCode));
    }

    public Task<IActionResult> OnPostSuspendAsync(string code, ReasonInput reason) => SuspendAsync(code, true, reason);

    public Task<IActionResult> OnPostReinstateAsync(string code, ReasonInput reason) => SuspendAsync(code, false, reason);

    private async Task<IActionResult> SuspendAsync(string code, bool suspend, ReasonInput reason)
    {
        if (!await LoadAsync(code))
        {
            return NotFound();
        }
        var result = await MemberBodyActions.SuspendAsync(db, Member.CountryCode, suspend, reason.Note, User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            // The form shows the body as it is; the reason for the refusal is at the top.
            ModelState.Clear();
            Input = MemberBodyInput.From(Member);
            ModelState.AddModelError("", t[result.Error.Key, result.Error.Args]);
            Response.StatusCode = result.Error.Status;
            return Page();
        }
        TempData.SetNotice(t[suspend ? "Notice.MemberSuspended" : "Notice.MemberReinstated", result.Value.Acronym]);
        return Redirect(DevelopmentLinks.EditMember(result.Value.CountryCode));
    }

    private async Task<bool> LoadAsync(string code)
    {
        var member = await MemberBodies.FindAsync(db, code, HttpContext.RequestAborted);
        if (member is null)
        {
            return false;
        }
        Member = member;
        History = (await (from e in db.MemberBodyEvents
                          join u in db.Users on e.ByUserId equals u.Id into us
                          from u in us.DefaultIfEmpty()
                          where e.MemberBodyId == member.Id
                          orderby e.Id descending
                          select new { e, By = u == null ? null : u.DisplayName ?? u.Email }).AsNoTracking().ToListAsync())
            .Select(x => new HistoryRow(x.e, x.By)).ToList();
        return true;
    }
}
