using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Experts;
using Normative.Features.Shared;

namespace Normative.Features.Development.Membership;

/// <summary>
/// /members/{code}: a member body, its committee participation and its secretariats. Administrators
/// and the body's own administrators register and remove its delegates here; administrators name the body's administrators.
/// </summary>
public class DetailsModel(NormativeDb db, UserManager<User> users, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed record Participation(int CommitteeId, string Slug, string Reference, string Title, MembershipStatus Status, DateOnly Since);

    public sealed record Secretariat(int CommitteeId, string Slug, string Reference, string Title);

    public sealed record Delegate(string UserId, string Email, string? Name, DateTimeOffset Since);

    public MemberBody Member { get; private set; } = null!;
    public List<Participation> Committees { get; private set; } = [];
    public List<Secretariat> Secretariats { get; private set; } = [];
    public List<Delegate> Delegates { get; private set; } = [];
    public List<Delegate> Administrators { get; private set; } = [];
    public bool IsAdministrator { get; private set; }

    /// <summary>An administrator or one of the body's own administrators: they register its delegates.</summary>
    public bool ManagesDelegates { get; private set; }

    /// <summary>An account to register as a delegate of the member body, by its e-mail address.</summary>
    public sealed class DelegateInput
    {
        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(256, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Email")]
        public string? Email { get; set; }
    }

    public sealed record ExpertRow(int Id, int CommitteeId, string Slug, string Committee, string Name, string Email, bool HasAccount, DateTimeOffset Since);

    /// <summary>The body's experts, for those who manage its delegates.</summary>
    public List<ExpertRow> Experts { get; private set; } = [];

    /// <summary>Where the body may nominate experts: the committees it is a P-member of and their groups.</summary>
    public List<Committee> ExpertCommittees { get; private set; } = [];

    /// <summary>A person nominated as an expert to one of the committees the body is a P-member of (or their groups).</summary>
    public sealed class ExpertInput
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Field.Committee")]
        public int? Committee { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(ExpertActions.MaxName, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.PersonName")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Validation.Required"), EmailAddress(ErrorMessage = "Validation.Email"), StringLength(ExpertActions.MaxEmail, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Field.Email")]
        public string? Email { get; set; }
    }

    /// <summary>What was typed in the expert form, shown again when it is refused.</summary>
    public ExpertInput NewExpert { get; private set; } = new();

    public async Task<IActionResult> OnPostNominateExpertAsync(string code, ExpertInput newExpert)
    {
        var member = await MemberBodies.FindAsync(db, code, HttpContext.RequestAborted);
        if (member is null)
        {
            return NotFound();
        }
        if (!await DevelopmentAccess.ManagesMemberBodyAsync(db, User, member.Id, HttpContext.RequestAborted))
        {
            return Forbid();
        }
        NewExpert = newExpert;
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(member, StatusCodes.Status400BadRequest);
        }
        var result = await ExpertActions.NominateAsync(db, new ExpertNomination(newExpert.Committee!.Value, newExpert.Name, newExpert.Email, member.Id, null),
            User.UserId(), clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("newExpert", t[result.Error.Key, result.Error.Args]);
            return await RefusedAsync(member, result.Error.Status);
        }
        var committee = await db.Committees.Where(c => c.Id == result.Value.CommitteeId).Select(c => c.Reference).FirstAsync();
        TempData.SetNotice(t["Expert.Nominated", result.Value.Name, committee]);
        return Redirect(DevelopmentLinks.Member(member.CountryCode));
    }

    public async Task<IActionResult> OnPostWithdrawExpertAsync(string code, int expertId)
    {
        var member = await MemberBodies.FindAsync(db, code, HttpContext.RequestAborted);
        if (member is null)
        {
            return NotFound();
        }
        if (!await DevelopmentAccess.ManagesMemberBodyAsync(db, User, member.Id, HttpContext.RequestAborted))
        {
            return Forbid();
        }
        if (await db.CommitteeExperts.Where(e => e.Id == expertId && e.MemberBodyId == member.Id).ExecuteDeleteAsync() > 0)
        {
            TempData.SetNotice(t["Expert.Withdrawn"]);
        }
        return Redirect(DevelopmentLinks.Member(member.CountryCode));
    }

    /// <summary>What was typed in the delegate form, shown again when it is refused.</summary>
    public DelegateInput NewDelegate { get; private set; } = new();

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

    public async Task<IActionResult> OnPostAddDelegateAsync(string code, DelegateInput newDelegate)
    {
        var member = await MemberBodies.FindAsync(db, code, HttpContext.RequestAborted);
        if (member is null)
        {
            return NotFound();
        }
        if (!await DevelopmentAccess.ManagesMemberBodyAsync(db, User, member.Id, HttpContext.RequestAborted))
        {
            return Forbid();
        }
        NewDelegate = newDelegate;
        var user = ModelState.IsValid ? await users.FindByEmailAsync(newDelegate.Email!.Trim()) : null;
        if (ModelState.IsValid && user is null)
        {
            ModelState.AddModelError("newDelegate.Email", t["Members.Delegates.NoAccount", newDelegate.Email!]);
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(member, StatusCodes.Status400BadRequest);
        }
        if (await db.MemberBodyDelegates.AnyAsync(d => d.MemberBodyId == member.Id && d.UserId == user!.Id))
        {
            ModelState.AddModelError("newDelegate.Email", t["Members.Delegates.Already", user!.Email!]);
            return await RefusedAsync(member, StatusCodes.Status409Conflict);
        }
        // Registering a delegate gives the account the Delegate role it needs to vote.
        if (!await users.IsInRoleAsync(user!, Roles.Delegate))
        {
            await users.AddToRoleAsync(user!, Roles.Delegate);
        }
        db.MemberBodyDelegates.Add(new MemberBodyDelegate { MemberBodyId = member.Id, UserId = user!.Id, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        TempData.SetNotice(t["Members.Delegates.Added", user.Email!, member.Acronym]);
        return Redirect(DevelopmentLinks.Member(member.CountryCode));
    }

    /// <param name="userId">The delegate's account, from the remove button's address.</param>
    public async Task<IActionResult> OnPostRemoveDelegateAsync(string code, string userId)
    {
        var member = await MemberBodies.FindAsync(db, code, HttpContext.RequestAborted);
        if (member is null)
        {
            return NotFound();
        }
        if (!await DevelopmentAccess.ManagesMemberBodyAsync(db, User, member.Id, HttpContext.RequestAborted))
        {
            return Forbid();
        }
        var removed = await db.MemberBodyDelegates.Where(d => d.MemberBodyId == member.Id && d.UserId == userId).ExecuteDeleteAsync();
        if (removed > 0)
        {
            TempData.SetNotice(t["Members.Delegates.Removed"]);
        }
        return Redirect(DevelopmentLinks.Member(member.CountryCode));
    }

    /// <summary>An administrator names a person (by the e-mail address of their account) as one of the body's own administrators.</summary>
    public async Task<IActionResult> OnPostAddAdministratorAsync(string code, DelegateInput newAdministrator)
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
        var user = ModelState.IsValid ? await users.FindByEmailAsync(newAdministrator.Email!.Trim()) : null;
        if (ModelState.IsValid && user is null)
        {
            ModelState.AddModelError("newAdministrator.Email", t["Members.Delegates.NoAccount", newAdministrator.Email!]);
        }
        if (!ModelState.IsValid)
        {
            return await RefusedAsync(member, StatusCodes.Status400BadRequest);
        }
        if (await db.MemberBodyAdministrators.AnyAsync(a => a.MemberBodyId == member.Id && a.UserId == user!.Id))
        {
            ModelState.AddModelError("newAdministrator.Email", t["Members.Administrators.Already", user!.Email!]);
            return await RefusedAsync(member, StatusCodes.Status409Conflict);
        }
        if (!await users.IsInRoleAsync(user!, Roles.MemberBodyAdministrator))
        {
            await users.AddToRoleAsync(user!, Roles.MemberBodyAdministrator);
        }
        db.MemberBodyAdministrators.Add(new MemberBodyAdministrator { MemberBodyId = member.Id, UserId = user!.Id, AddedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync();
        TempData.SetNotice(t["Members.Administrators.Added", user.Email!, member.Acronym]);
        return Redirect(DevelopmentLinks.Member(member.CountryCode));
    }

    public async Task<IActionResult> OnPostRemoveAdministratorAsync(string code, string userId)
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
        if (await db.MemberBodyAdministrators.Where(a => a.MemberBodyId == member.Id && a.UserId == userId).ExecuteDeleteAsync() > 0)
        {
            TempData.SetNotice(t["Members.Administrators.Removed"]);
        }
        return Redirect(DevelopmentLinks.Member(member.CountryCode));
    }

    /// <summary>The page as it is (nothing was changed), with the reason in the model state.</summary>
    private async Task<IActionResult> RefusedAsync(MemberBody member, int status)
    {
        await LoadAsync(member);
        Response.StatusCode = status;
        return Page();
    }

    private async Task LoadAsync(MemberBody member)
    {
        Member = member;
        IsAdministrator = DevelopmentAccess.IsAdministrator(User);
        ManagesDelegates = await DevelopmentAccess.ManagesMemberBodyAsync(db, User, member.Id, HttpContext.RequestAborted);
        Committees = await (from m in db.CommitteeMemberships
                            join c in db.Committees on m.CommitteeId equals c.Id
                            where m.MemberBodyId == member.Id
                            orderby m.Status, c.Reference
                            select new Participation(c.Id, c.Slug, c.Reference, c.TitleEn, m.Status, m.Since)).AsNoTracking().ToListAsync();
        Secretariats = await db.Committees.AsNoTracking().Where(c => c.SecretariatMemberBodyId == member.Id).OrderBy(c => c.Reference)
            .Select(c => new Secretariat(c.Id, c.Slug, c.Reference, c.TitleEn)).ToListAsync();
        if (ManagesDelegates)
        {
            Delegates = await (from d in db.MemberBodyDelegates
                               join u in db.Users on d.UserId equals u.Id
                               where d.MemberBodyId == member.Id
                               orderby u.Email
                               select new Delegate(u.Id, u.Email!, u.DisplayName, d.AddedAt)).AsNoTracking().ToListAsync();
            Experts = await (from e in db.CommitteeExperts
                             join c in db.Committees on e.CommitteeId equals c.Id
                             where e.MemberBodyId == member.Id
                             orderby c.Reference, e.Name
                             select new ExpertRow(e.Id, c.Id, c.Slug, c.Reference, e.Name, e.Email, e.UserId != null, e.NominatedAt)).AsNoTracking().ToListAsync();
            var pCommittees = db.CommitteeMemberships.Where(m => m.MemberBodyId == member.Id && m.Status == MembershipStatus.P).Select(m => m.CommitteeId);
            ExpertCommittees = await db.Committees.AsNoTracking()
                .Where(c => c.Status != CommitteeRules.Disbanded && (pCommittees.Contains(c.Id) || (c.ParentId != null && pCommittees.Contains(c.ParentId.Value))))
                .OrderBy(c => c.Reference).ToListAsync();
        }
        if (IsAdministrator)
        {
            Administrators = await (from a in db.MemberBodyAdministrators
                                    join u in db.Users on a.UserId equals u.Id
                                    where a.MemberBodyId == member.Id
                                    orderby u.Email
                                    select new Delegate(u.Id, u.Email!, u.DisplayName, a.AddedAt)).AsNoTracking().ToListAsync();
        }
    }
}
