using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Development.Committees;
using Normative.Features.Shared;
using Normative.Storage;

namespace Normative.Features.Development.Documents;

/// <summary>
/// /committees/{slug}/documents: the committee's register (the documents the reader may see) with
/// filters by type, project, date and words of the title; the upload form for its manager, its
/// secretariat and administrators. The form's file is buffered by ASP.NET (to disk past 64 KB, never
/// to memory); the configured limit is checked as it is stored. The API streams uploads instead.
/// </summary>
[DisableRequestSizeLimit]
[RequestFormLimits(MultipartBodyLengthLimit = long.MaxValue)]
public class IndexModel(NormativeDb db, IFileStore files, IOptions<DocumentLimits> limits, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public const string Tab = "documents";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Error.Document.Title")]
        [StringLength(CommitteeDocuments.MaxTitleLength, ErrorMessage = "Error.Document.Title")]
        public string? Title { get; set; }

        public DocumentType Type { get; set; } = DocumentType.WorkingDraft;

        public DocumentAudience Audience { get; set; } = DocumentAudience.Committee;

        [Required(ErrorMessage = "Error.Document.Date")]
        public DateOnly? Date { get; set; }

        public int? ProjectId { get; set; }

        [Range(1, int.MaxValue, ErrorMessage = "Error.Document.Supersedes")]
        public int? Supersedes { get; set; }

        [Required(ErrorMessage = "Error.Document.NoFile")]
        public IFormFile? File { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "type")]
    public DocumentType? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "project")]
    public int? ProjectId { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public CommitteeHeader Header { get; private set; } = null!;
    public bool CanUpload { get; private set; }
    public List<DocumentRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public Pager Pager { get; private set; } = null!;
    public List<(int Id, string Reference)> Projects { get; private set; } = [];
    public long MaxUploadBytes => limits.Value.MaxUploadBytes;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        Input.Date = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug)
    {
        if (!await LoadAsync(slug))
        {
            return NotFound();
        }
        if (!CanUpload)
        {
            return Forbid();
        }
        if (!ModelState.IsValid)
        {
            return Refused();
        }
        var draft = new CommitteeDocumentDraft(Input.File!.FileName, Input.Title!, Input.Type, Input.Date!.Value, Input.Audience, Input.ProjectId, Input.Supersedes, User.UserId());
        await using var content = Input.File.OpenReadStream();
        var result = await CommitteeDocuments.UploadAsync(db, files, limits.Value, Header.Committee.Id, draft, content, clock.GetUtcNow(), HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", t[result.Error.Key, result.Error.Args]);
            return Refused();
        }
        var reference = CommitteeDocuments.Reference(Header.Committee.Reference, result.Value.Number);
        TempData.SetNotice(t["Document.Registered", reference]);
        return Redirect(DocumentLinks.Document(slug, result.Value.Number));
    }

    private PageResult Refused()
    {
        // The annotations carry resource keys; show them in the reader's language.
        foreach (var entry in ModelState.Values)
        {
            for (var i = 0; i < entry.Errors.Count; i++)
            {
                var message = entry.Errors[i].ErrorMessage;
                if (message.StartsWith("Error.", StringComparison.Ordinal))
                {
                    entry.Errors[i] = new Microsoft.AspNetCore.Mvc.ModelBinding.ModelError(t[message, CommitteeDocuments.MaxTitleLength]);
                }
            }
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    /// <summary>This list's address with its filters, at <paramref name="page"/>.</summary>
    public string Href(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["type"] = Type?.ToString(), ["project"] = ProjectId?.ToString(CultureInfo.InvariantCulture),
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["q"] = string.IsNullOrWhiteSpace(Search) ? null : Search, ["p"] = page > 1 ? page.ToString(CultureInfo.InvariantCulture) : null,
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(DocumentLinks.Register(Header.Committee.Slug), query.Where(q => q.Value is not null));
    }

    private async Task<bool> LoadAsync(string slug)
    {
        var ct = HttpContext.RequestAborted;
        var header = await CommitteeHeader.LoadAsync(db, slug, Tab, User, ct);
        if (header is null)
        {
            return false;
        }
        Header = header;
        var committee = header.Committee;
        CanUpload = !CommitteeRules.IsDisbanded(committee) && await DocumentAccess.MayUploadAsync(db, User, committee, ct);
        var audiences = DocumentAccess.Audiences(await DocumentAccess.ReaderAsync(db, User, committee, ct));
        var rows = DocumentRegister.Rows(db, committee.Id, audiences, new DocumentFilter(Type, ProjectId, From, To, Search));
        Total = await rows.CountAsync(ct);
        var pages = Pager.Pages(Total, DocumentRegister.PageSize);
        PageNumber = Math.Clamp(PageNumber, 1, pages);
        Rows = await rows.Skip((PageNumber - 1) * DocumentRegister.PageSize).Take(DocumentRegister.PageSize).ToListAsync(ct);
        Pager = Pager.For(PageNumber, Total, DocumentRegister.PageSize, Href);
        Projects = (await db.Projects.AsNoTracking().Where(p => p.CommitteeId == committee.Id).OrderBy(p => p.Reference).Select(p => new { p.Id, p.Reference }).ToListAsync(ct))
            .Select(p => (p.Id, p.Reference)).ToList();
        return true;
    }
}
