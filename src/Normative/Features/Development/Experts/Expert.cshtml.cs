using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Shared;

namespace Normative.Features.Development.Experts;

/// <summary>
/// /experts/{id}: an expert (one of their nominations names them) and every committee they are an
/// expert of. Personal data: for the person, the committee, the nominating body or liaison and
/// administrators; anyone else is told there is no such page.
/// </summary>
[Authorize]
public class ExpertModel(NormativeDb db) : PageModel
{
    public sealed record Place(int CommitteeId, string Slug, string Reference, string Title, string? Nominator, DateTimeOffset Since);

    public CommitteeExpert Expert { get; private set; } = null!;
    public List<Place> Committees { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id)
    {
        var expert = await db.CommitteeExperts.AsNoTracking().Include(e => e.Committee).FirstOrDefaultAsync(e => e.Id == id);
        if (expert is null || !await MaySeeAsync(expert))
        {
            return NotFound();
        }
        Expert = expert;
        Committees = (await db.CommitteeExperts.AsNoTracking().Include(e => e.Committee).Include(e => e.MemberBody).Include(e => e.Liaison).ThenInclude(l => l!.OtherCommittee)
                .Where(e => e.Email == expert.Email).ToListAsync())
            .OrderBy(e => e.Committee!.Reference, StringComparer.Ordinal)
            .Select(e => new Place(e.CommitteeId, e.Committee!.Slug, e.Committee.Reference, e.Committee.TitleEn, e.MemberBody?.Acronym ?? e.Liaison?.Organization ?? e.Liaison?.OtherCommittee?.Reference, e.NominatedAt))
            .ToList();
        return Page();
    }

    private async Task<bool> MaySeeAsync(CommitteeExpert expert)
    {
        var me = User.UserId();
        var ct = HttpContext.RequestAborted;
        if (me is not null && await DevelopmentAccess.Mine(db, me).AnyAsync(e => e.Id == expert.Id, ct))
        {
            return true;
        }
        return await DevelopmentAccess.MaySeeExpertsAsync(db, User, expert.Committee!, ct)
            || (expert.MemberBodyId is { } body && await DevelopmentAccess.ManagesMemberBodyAsync(db, User, body, ct))
            || (expert.LiaisonId is { } liaison && await DevelopmentAccess.RepresentsLiaisonAsync(db, User, liaison, ct));
    }
}
