using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;

namespace Normative.Features.Development.Committees;

/// <summary>What standards development's tabs of a committee's home show at the top: the committee, its parent, secretariat and manager, and which tab is open.</summary>
public sealed record CommitteeHeader(Committee Committee, Committee? Parent, MemberBody? Secretariat, string? ManagerName, string Tab, bool CanManage)
{
    /// <summary>The top the catalogue draws for every tab (breadcrumbs, title, the registered tabs).</summary>
    public CommitteeTop Top => new(Committee, Parent, Tab);

    /// <summary>The committee at /committees/{slug}, or null when there is none.</summary>
    public static Task<CommitteeHeader?> LoadAsync(NormativeDb db, string slug, string tab, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        LoadAsync(db, c => c.Slug == slug, tab, user, ct);

    public static Task<CommitteeHeader?> LoadAsync(NormativeDb db, int id, string tab, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
        LoadAsync(db, c => c.Id == id, tab, user, ct);

    private static async Task<CommitteeHeader?> LoadAsync(NormativeDb db, Expression<Func<Committee, bool>> which, string tab, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(which, ct);
        if (committee is null)
        {
            return null;
        }
        var parent = committee.ParentId is { } p ? await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == p, ct) : null;
        var secretariat = committee.SecretariatMemberBodyId is { } s ? await db.MemberBodies.AsNoTracking().FirstOrDefaultAsync(m => m.Id == s, ct) : null;
        var manager = committee.ManagerUserId is { } m ? await db.Users.Where(u => u.Id == m).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(ct) : null;
        return new CommitteeHeader(committee, parent, secretariat, manager, tab, DevelopmentAccess.Manages(user, committee));
    }
}
