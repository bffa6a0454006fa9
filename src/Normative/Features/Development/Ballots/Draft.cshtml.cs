using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Projects;
using Normative.Storage;

namespace Normative.Features.Development.Ballots;

/// <summary>
/// /development/ballots/{id}/draft: the draft the ballot is about — an STS draft as text with an anchor
/// per clause and line (where the compiled comments link), any draft as its file. Only for those its
/// audience lets read it: 403 for someone signed in, 404 for an anonymous visitor.
/// </summary>
public class DraftModel(NormativeDb db, IFileStore files) : PageModel
{
    public Ballot Ballot { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public Committee Committee { get; private set; } = null!;
    public string Reference { get; private set; } = "";
    public BallotDraft Draft { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id, read: true) ?? Page();

    /// <summary>The draft's file, streamed from the store; its SHA-256 checked as it goes, and given in the Digest header.</summary>
    public async Task<IActionResult> OnGetFileAsync(int id)
    {
        if (await LoadAsync(id, read: false) is { } refused)
        {
            return refused;
        }
        var stream = await files.OpenReadAsync(db, Draft.File, HttpContext.RequestAborted);
        Response.Headers["Digest"] = "sha-256=" + Convert.ToBase64String(Convert.FromHexString(Draft.File.Sha256));
        Response.Headers["X-Content-SHA256"] = Draft.File.Sha256;
        return File(stream, Draft.Document.ContentType, Draft.Document.FileName);
    }

    private async Task<IActionResult?> LoadAsync(int id, bool read)
    {
        var ballot = await db.Ballots.AsNoTracking().Include(b => b.Project).FirstOrDefaultAsync(b => b.Id == id);
        if (ballot is null)
        {
            return NotFound();
        }
        Ballot = ballot;
        Project = ballot.Project!;
        Committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == ballot.CommitteeId);
        Reference = ProjectReference.ForBallot(Project, ballot.Kind);
        if (ballot.DocumentId is null)
        {
            return NotFound();
        }
        var document = await db.CommitteeDocuments.AsNoTracking().SingleAsync(d => d.Id == ballot.DocumentId);
        if (!await DocumentAccess.CanReadAsync(db, User, Committee, document))
        {
            return StatusCode(DocumentAccess.RefusalStatus(await DocumentAccess.ReaderAsync(db, User, Committee)));
        }
        Draft = (await BallotDraft.LoadAsync(db, files, ballot, Committee.Reference, read))!;
        return null;
    }
}
