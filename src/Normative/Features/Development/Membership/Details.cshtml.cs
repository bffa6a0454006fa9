using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;

namespace Normative.Features.Development.Membership;

/// <summary>
/// /members/{code}: a member body, its committee participation and its secretariats. Administrators
/// register and remove its delegates here.
/// </summary>
public class DetailsModel(NormativeDb db, UserManager<User> users, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed record Participation(int CommitteeId, string Reference, string Title, MembershipStatus Status, DateOnly Since);

    public sealed record Secretariat(int CommitteeId, string Reference, string Title);

    public sealed record Delegate(string UserId, string Email, string? Name, DateTimeOffset Since);

    public MemberBody Member { get; private set; } = null!;
    public List<Participation> Committees { get; private set; } = [];
    public List<Secretariat> Secretariats { get; private set; } = [];
    public List<Delegate> Delegates { get; private set; } = [];
    public bool IsAdministrator { get; private set; }
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    [BindProperty]
    public string? DelegateEmail { get; set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        var member = await MemberBodies.FindAsync(db, code, HttpContext.RequestAborted);
        if (member is null)
        {
            return NotFound();
        }
        if (member.CountryCode != code)
        {
            return RedirectPermanent(DevelopmentLinks.Member(member.CountryCode));
        }
        await LoadAsync(member);
        return Page();
    }

    public async Task<IActionResult> OnPostAddDelegateAsync(string code)
    {
        var member = await MemberBodies.FindAsync(db, code, HttpContext.RequestAborted);
        if (member is null)
        {
            return NotFound();
        }
        if (!DevelopmentAccess.IsAdministrator(User))
        {
            return Forbid();
        }
        var user = string.IsNullOrWhiteSpace(DelegateEmail) ? null : await users.FindByEmailAsync(DelegateEmail.Trim());
        if (user is null)
        {
            Error = t["Members.Delegates.NoAccount", DelegateEmail ?? ""];
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        else if (await db.MemberBodyDelegates.AnyAsync(d => d.MemberBodyId == member.Id && d.UserId == user.Id))
        {
            Error = t["Members.Delegates.Already", user.Email!];
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        else
        {
            // Registering a delegate gives the account the Delegate role it needs to vote.
            if (!await users.IsInRoleAsync(user, Roles.Delegate))
            {
                await users.AddToRoleAsync(user, Roles.Delegate);
            }
            db.MemberBodyDelegates.Add(new MemberBodyDelegate { MemberBodyId = member.Id, UserId = user.Id, AddedAt = clock.GetUtcNow() });
            await db.SaveChangesAsync();
            Message = t["Members.Delegates.Added", user.Email!, member.Acronym];
            DelegateEmail = null;
        }
        await LoadAsync(member);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveDelegateAsync(string code, string userId)
    {
        var member = await MemberBodies.FindAsync(db, code, HttpContext.RequestAborted);
        if (member is null)
        {
            return NotFound();
        }
        if (!DevelopmentAccess.IsAdministrator(User))
        {
            return Forbid();
        }
        var removed = await db.MemberBodyDelegates.Where(d => d.MemberBodyId == member.Id && d.UserId == userId).ExecuteDeleteAsync();
        if (removed > 0)
        {
            Message = t["Members.Delegates.Removed"];
        }
        await LoadAsync(member);
        return Page();
    }

    private async Task LoadAsync(MemberBody member)
    {
        Member = member;
        IsAdministrator = DevelopmentAccess.IsAdministrator(User);
        Committees = await (from m in db.CommitteeMemberships
                            join c in db.Committees on m.CommitteeId equals c.Id
                            where m.MemberBodyId == member.Id
                            orderby m.Status, c.Reference
                            select new Participation(c.Id, c.Reference, c.TitleEn, m.Status, m.Since)).AsNoTracking().ToListAsync();
        Secretariats = await db.Committees.AsNoTracking().Where(c => c.SecretariatMemberBodyId == member.Id).OrderBy(c => c.Reference)
            .Select(c => new Secretariat(c.Id, c.Reference, c.TitleEn)).ToListAsync();
        if (IsAdministrator)
        {
            Delegates = await (from d in db.MemberBodyDelegates
                               join u in db.Users on d.UserId equals u.Id
                               where d.MemberBodyId == member.Id
                               orderby u.Email
                               select new Delegate(u.Id, u.Email!, u.DisplayName, d.AddedAt)).AsNoTracking().ToListAsync();
        }
    }
}
