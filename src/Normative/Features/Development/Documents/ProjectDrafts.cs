using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Documents;

/// <summary>
/// A project's drafts in the committee's register: the list by stage, the draft a stage or a ballot
/// works on (the one named by its N-number, or the latest of its type), and the rule that a draft a
/// ballot has named is never replaced.
/// </summary>
public static class ProjectDrafts
{
    /// <summary>The project's drafts that a reader of <paramref name="audiences"/> may see, in stage order (WD, CD, DIS, FDIS, proof), each type by number.</summary>
    public static async Task<List<DraftEntry>> ListAsync(NormativeDb db, int projectId, string committeeReference, IReadOnlyCollection<DocumentAudience> audiences,
        CancellationToken ct = default)
    {
        var types = DraftRules.Drafts.ToList();
        var all = await db.CommitteeDocuments.AsNoTracking()
            .Where(d => d.ProjectId == projectId && types.Contains(d.Type))
            .OrderBy(d => d.Number)
            .ToListAsync(ct);
        // Numbered among all the project's drafts of the type, so a hidden WD 1 still leaves this one WD 2.
        var superseded = all.Where(d => d.SupersedesId is not null).Select(d => d.SupersedesId!.Value).ToHashSet();
        return all.GroupBy(d => d.Type)
            .OrderBy(g => types.IndexOf(g.Key))
            .SelectMany(g => g.Select((d, i) => new DraftEntry(d, DraftRules.Label(g.Key, i + 1, g.Count()), CommitteeDocuments.Reference(committeeReference, d.Number), superseded.Contains(d.Id))))
            .Where(d => audiences.Contains(d.Document.Audience))
            .ToList();
    }

    /// <summary>
    /// The draft of <paramref name="type"/> that a stage or ballot works on: the project's document
    /// numbered <paramref name="number"/>, or without a number the latest of the type. Refused (409)
    /// when the project has none (with <paramref name="missingKey"/>), or when the number names another project's or another type's
    /// document, or one a later draft superseded.
    /// </summary>
    public static async Task<Attempt<CommitteeDocument>> FindAsync(NormativeDb db, Project project, DocumentType? type, int? number, string typeName,
        string missingKey = "Error.Draft.Missing", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var query = db.CommitteeDocuments.AsNoTracking().Where(d => d.CommitteeId == project.CommitteeId && d.ProjectId == project.Id);
        if (type is { } t)
        {
            query = query.Where(d => d.Type == t);
        }
        if (number is { } n)
        {
            var named = await query.FirstOrDefaultAsync(d => d.Number == n, ct);
            if (named is null)
            {
                return DevelopmentError.Conflict("Error.Draft.NotThisProject", n, typeName);
            }
            // A replaced draft is history: the stage or ballot works on the draft that replaced it.
            return await db.CommitteeDocuments.AnyAsync(d => d.SupersedesId == named.Id, ct) ? DevelopmentError.Conflict("Error.Draft.Superseded", n) : named;
        }
        var latest = await query.OrderByDescending(d => d.Number).FirstOrDefaultAsync(ct);
        return latest is null ? DevelopmentError.Conflict(missingKey, typeName) : latest;
    }

    /// <summary>Why <paramref name="documentId"/> may not be replaced (a ballot has named it), or null when it may.</summary>
    public static async Task<DevelopmentError?> CheckReplaceAsync(NormativeDb db, int documentId, CancellationToken ct = default)
    {
        var ballot = await db.Ballots.AsNoTracking().Where(b => b.DocumentId == documentId).OrderBy(b => b.OpenedAt).Select(b => new { b.Id, b.Kind }).FirstOrDefaultAsync(ct);
        return ballot is null ? null : DevelopmentError.Conflict("Error.Draft.UnderBallot", ballot.Kind.ToString(), ballot.Id);
    }
}
