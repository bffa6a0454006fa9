using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Committees;

/// <summary>
/// The figures of the "structure" page, drawn from the data: active committees by kind, member
/// bodies by category, P- and O-memberships of active committees, projects under development and
/// published deliverables, the bodies that are not technical (policy and governance committees,
/// "ISO/CASCO"), and every active technical committee with its secretariat and members. A few
/// set-based queries, however many committees there are.
/// </summary>
public static class StructureSummary
{
    public sealed record Body(string Slug, string Reference, string Title, bool TitleInEnglish);

    public sealed record TechnicalCommittee(string Slug, string Reference, string Title, bool TitleInEnglish, string? Secretariat, int PMembers, int OMembers);

    public sealed record Figures(int TechnicalCommittees, int Subcommittees, int WorkingGroups, int AdvisoryGroups,
        IReadOnlyDictionary<MemberCategory, int> MemberBodies, int PMemberships, int OMemberships,
        int ProjectsUnderDevelopment, int PublishedDeliverables, IReadOnlyList<Body> Governance, IReadOnlyList<TechnicalCommittee> Committees);

    private sealed record Row(int Id, string Slug, string Reference, string TitleEn, string? TitleFr, int? ParentId, string? Secretariat);

    public static async Task<Figures> ReadAsync(NormativeDb db, string language, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var committees = await db.Committees.AsNoTracking()
            .Where(c => c.Status == CommitteeRules.Active)
            .Select(c => new Row(c.Id, c.Slug, c.Reference, c.TitleEn, c.TitleFr, c.ParentId,
                db.MemberBodies.Where(m => m.Id == c.SecretariatMemberBodyId).Select(m => m.Acronym).FirstOrDefault() ?? c.Secretariat))
            .ToListAsync(ct);
        var memberships = await db.CommitteeMemberships.AsNoTracking()
            .Where(m => db.Committees.Any(c => c.Id == m.CommitteeId && c.Status == CommitteeRules.Active))
            .GroupBy(m => new { m.CommitteeId, m.Status })
            .Select(g => new { g.Key.CommitteeId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var bodies = await db.MemberBodies.AsNoTracking().GroupBy(m => m.Category).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var projects = await db.Projects.CountAsync(p => p.Stage < StageCodes.Published && p.Stage % 100 != 98, ct);
        var published = await db.Deliverables.CountAsync(d => d.Status == DeliverableStatus.Published, ct);

        var members = memberships.ToDictionary(m => (m.CommitteeId, m.Status), m => m.Count);
        var kinds = committees.ToDictionary(c => c.Id, c => CommitteeRules.KindOf(c.Reference));
        int Count(CommitteeKind kind) => kinds.Values.Count(k => k == kind);
        // Titles are kept in English and sometimes French: a French reader gets the French one where there is one.
        bool English(Row c) => language != "en" && !(language == "fr" && c.TitleFr is not null);
        string Title(Row c) => language == "fr" && c.TitleFr is not null ? c.TitleFr : c.TitleEn;
        var byReference = StringComparer.Create(System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.NumericOrdering);
        var governance = committees.Where(c => kinds[c.Id] is null && c.ParentId is null).OrderBy(c => c.Reference, byReference)
            .Select(c => new Body(c.Slug, c.Reference, Title(c), English(c))).ToList();
        var technical = committees.Where(c => kinds[c.Id] == CommitteeKind.TC).OrderBy(c => c.Reference, byReference)
            .Select(c => new TechnicalCommittee(c.Slug, c.Reference, Title(c), English(c), c.Secretariat,
                members.GetValueOrDefault((c.Id, MembershipStatus.P)), members.GetValueOrDefault((c.Id, MembershipStatus.O))))
            .ToList();
        return new Figures(Count(CommitteeKind.TC), Count(CommitteeKind.SC), Count(CommitteeKind.WG) + Count(CommitteeKind.JWG), Count(CommitteeKind.AG),
            bodies, memberships.Where(m => m.Status == MembershipStatus.P).Sum(m => m.Count), memberships.Where(m => m.Status == MembershipStatus.O).Sum(m => m.Count),
            projects, published, governance, technical);
    }
}
