using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Comments;

/// <summary>/development/consultations: enquiry drafts open for comments from the public.</summary>
public class ConsultationsModel(NormativeDb db, TimeProvider clock) : PageModel
{
    public sealed record Row(int BallotId, string Reference, string Title, string? Scope, string CommitteeSlug, string Committee, DateTimeOffset ClosesAt, int Comments);

    public List<Row> Open { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        Open = (await db.Ballots.AsNoTracking().Include(b => b.Project)
                .Where(b => b.PublicConsultation && b.Status == BallotStatus.Open && b.ClosesAt > now)
                .OrderBy(b => b.ClosesAt)
                .Select(b => new { b, Committee = db.Committees.First(c => c.Id == b.CommitteeId).Reference, Slug = db.Committees.First(c => c.Id == b.CommitteeId).Slug, Comments = db.BallotComments.Count(c => c.BallotId == b.Id && c.IsPublic) })
                .ToListAsync())
            .Select(x => new Row(x.b.Id, ProjectReference.AtStage(x.b.Project!.Reference, StageCodes.DisBallot), x.b.Project.TitleEn, x.b.Project.Scope,
                x.Slug, x.Committee, x.b.ClosesAt, x.Comments)).ToList();
    }
}
