using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Catalogue;

/// <summary>The top of every page of a committee's home: breadcrumbs, reference and title, and the tabs with <paramref name="Tab"/> open.</summary>
public sealed record CommitteeTop(Committee Committee, Committee? Parent, string Tab)
{
    /// <summary>The partial that draws it, for the pages of other features' tabs.</summary>
    public const string Partial = "~/Features/Catalogue/_CommitteeTop.cshtml";

    /// <summary>The committee with this slug and its parent, or null when there is none.</summary>
    public static async Task<CommitteeTop?> LoadAsync(NormativeDb db, string slug, string tab, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Slug == slug, ct);
        if (committee is null)
        {
            return null;
        }
        var parent = committee.ParentId is { } parentId ? await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == parentId, ct) : null;
        return new CommitteeTop(committee, parent, tab);
    }
}
