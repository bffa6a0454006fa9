using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Comments;

/// <summary>/development/consultations: enquiry drafts open for comments from the public.</summary>
public class ConsultationsModel(NormativeDb db, TimeProvider clock) : PageModel
{
    /// <param name="Draft">The N-reference of the draft under consultation, if the ballot names one.</param>
    public sealed record Row(int BallotId, string Reference, string Title, string? Scope, string CommitteeSlug, string Committee, DateTimeOffset ClosesAt, int Comments, string? Draft = null);

    public List<Row> Open { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var now = clock.GetUtcNow();
        Open = (await db.Ballots.AsNoTracking().Include(b => b.Project)
                .Where(b => b.PublicConsultation && b.Status == BallotStatus.Open && b.ClosesAt > now)
                .OrderBy(b => b.ClosesAt)
                .Select(b => new
                {
                    b,
                    Committee = db.Committees.First(c => c.Id == b.CommitteeId).Reference,
                    Slug = db.Committees.First(c => c.Id == b.CommitteeId).Slug,
                    Comments = db.BallotComments.Count(c => c.BallotId == b.Id && c.IsPublic),
                    // A public consultation's draft is public (BallotActions.OpenAsync checks it).
                    Draft = db.CommitteeDocuments.Where(d => d.Id == b.DocumentId && d.Audience == DocumentAudience.Public).Select(d => (int?)d.Number).FirstOrDefault(),
                })
                .ToListAsync())
            .Select(x => new Row(x.b.Id, ProjectReference.AtStage(x.b.Project!.Reference, StageCodes.DisBallot), x.b.Project.TitleEn, x.b.Project.Scope,
                x.Slug, x.Committee, x.b.ClosesAt, x.Comments, x.Draft is { } n ? CommitteeDocuments.Reference(x.Committee, n) : null)).ToList();
    }
}
