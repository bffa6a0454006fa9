using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Development.Committees;

namespace Normative.Features.Development.Documents;

/// <summary>
/// /committees/{slug}/documents/{number}: a document's record (type, date, project, what it
/// supersedes and what supersedes it, its file's size and SHA-256) and its download, for whoever may
/// read it: 403 for others signed in, 404 for anonymous visitors.
/// </summary>
public class DetailsModel(NormativeDb db) : PageModel
{
    public CommitteeHeader Header { get; private set; } = null!;
    public DocumentRow Row { get; private set; } = null!;
    public string? UploadedBy { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int number)
    {
        var ct = HttpContext.RequestAborted;
        var header = await CommitteeHeader.LoadAsync(db, slug, IndexModel.Tab, User, ct);
        if (header is null)
        {
            return NotFound();
        }
        var reader = await DocumentAccess.ReaderAsync(db, User, header.Committee, ct);
        var row = await DocumentRegister.Rows(db, header.Committee.Id, DocumentAccess.Audiences(reader), new DocumentFilter(Number: number)).FirstOrDefaultAsync(ct);
        if (row is null)
        {
            // Whether it exists at all is for those signed in to learn.
            var exists = reader.SignedIn && await db.CommitteeDocuments.AnyAsync(d => d.CommitteeId == header.Committee.Id && d.Number == number, ct);
            return exists ? StatusCode(StatusCodes.Status403Forbidden) : NotFound();
        }
        Header = header;
        Row = row;
        UploadedBy = row.Document.UploadedByUserId is { } by ? await db.Users.Where(u => u.Id == by).Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync(ct) : null;
        return Page();
    }
}
