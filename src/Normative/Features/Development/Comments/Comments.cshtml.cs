using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Liaisons;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;
using Normative.Features.Shared;
using Normative.Storage;

namespace Normative.Features.Development.Comments;

/// <summary>
/// /development/ballots/{id}/comments: the member bodies' comments in the commenting template's
/// columns — entered here, uploaded as CSV or .docx, downloaded compiled in clause order; the committee
/// manager fills in the observations. /development/ballots/{id}/public-comments: the public
/// consultation's comments, kept apart.
/// </summary>
public class CommentsModel(NormativeDb db, IFileStore files, TimeProvider clock, IStringLocalizer<DevelopmentText> t) : PageModel
{
    public sealed class InputModel
    {
        public string? MemberBody { get; set; }
        public string? LineNumber { get; set; }
        public string? Clause { get; set; }
        public string? Paragraph { get; set; }
        public string? Type { get; set; }
        public string? Comment { get; set; }
        public string? ProposedChange { get; set; }
    }

    /// <summary>A comments file (CSV or .docx in the template's columns) for one of the delegate's member bodies.</summary>
    public sealed class UploadInput
    {
        public IFormFile? File { get; set; }

        public string? MemberBody { get; set; }
    }

    /// <summary>The committee manager's observations on one comment.</summary>
    public sealed class ObservationInput
    {
        public long CommentId { get; set; }

        public string? Observations { get; set; }
    }

    /// <summary>The comment typed in (the add form); kept when the comment is refused, so nothing typed is lost.</summary>
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Ballot Ballot { get; private set; } = null!;
    public Project Project { get; private set; } = null!;
    public Committee Committee { get; private set; } = null!;
    public string Reference { get; private set; } = "";
    public bool IsPublic { get; private set; }
    public bool CanManage { get; private set; }
    public bool CanRead { get; private set; }
    public bool AcceptsComments { get; private set; }
    /// <summary>The member bodies the person may comment for (delegates), empty for the public page.</summary>
    public List<MemberBody> Bodies { get; private set; } = [];
    public bool MayComment { get; private set; }
    /// <summary>The liaison the person represents in the committee, who comments for it (and never votes); null for delegates.</summary>
    public string? Liaison { get; private set; }
    public List<BallotComment> Items { get; private set; } = [];
    public List<CommentRowError> FileErrors { get; private set; } = [];
    /// <summary>The draft the ballot is about, if it names one (read for its clauses when it is STS XML and the reader may see it).</summary>
    public BallotDraft? Draft { get; private set; }

    /// <summary>The draft's clauses and lines, which the comment form offers and checks; null when the draft is not STS XML.</summary>
    public StsOutline? Outline => Draft?.Text?.Outline;

    /// <summary>Where a comment's clause is in the draft's text: on the public page the text beside the form, elsewhere the draft page; null when the draft has no such clause.</summary>
    public string? ClauseLink(string clause) =>
        Outline?.Find(clause) is { } c ? (IsPublic ? "" : DevelopmentLinks.BallotDraft(Ballot.Id)) + "#" + c.Anchor : null;

    public async Task<IActionResult> OnGetAsync(int id, string set) => await LoadAsync(id, set) ?? Page();

    public async Task<IActionResult> OnGetDocxAsync(int id, string set)
    {
        if (await LoadAsync(id, set) is { } refused)
        {
            return refused;
        }
        if (!CanReadAll())
        {
            return Forbid();
        }
        var comments = await CommentActions.CompiledAsync(db, id, IsPublic);
        var title = t[IsPublic ? "Comments.PublicDocTitle" : "Comments.DocTitle", Reference].Value;
        var subtitle = t["Comments.DocSubtitle", Committee.Reference, t["BallotKind." + Ballot.Kind], DevelopmentFormat.Time(clock.GetUtcNow()), comments.Count].Value;
        var bytes = CommentTables.Docx(title, subtitle, CommentTables.Headings(t), comments, t["Comments.PublicLabel"]);
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", CommentTables.FileName(Project, Ballot, IsPublic, "docx"));
    }

    public async Task<IActionResult> OnGetCsvAsync(int id, string set)
    {
        if (await LoadAsync(id, set) is { } refused)
        {
            return refused;
        }
        if (!CanReadAll())
        {
            return Forbid();
        }
        var comments = await CommentActions.CompiledAsync(db, id, IsPublic);
        return File(CommentTables.Csv(CommentTables.Headings(t), comments, t["Comments.PublicLabel"]), "text/csv; charset=utf-8", CommentTables.FileName(Project, Ballot, IsPublic, "csv"));
    }

    public async Task<IActionResult> OnPostAddAsync(int id, string set)
    {
        if (await LoadAsync(id, set) is { } refused)
        {
            return refused;
        }
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (!ModelState.IsValid)
        {
            return Refused(StatusCodes.Status400BadRequest);
        }
        var input = new CommentInput(IsPublic ? null : Input.MemberBody, Input.LineNumber, Input.Clause, Input.Paragraph, Input.Type, Input.Comment, Input.ProposedChange);
        var result = !IsPublic && Bodies.Count == 0 && Liaison is not null
            ? await CommentActions.AddFromLiaisonAsync(db, id, User.UserId()!, input, "browser", clock.GetUtcNow(), Outline)
            : await CommentActions.AddAsync(db, id, User.UserId()!, Bodies, input, IsPublic, "browser", clock.GetUtcNow(), Outline);
        if (!result.Succeeded)
        {
            return Refused(result.Error);
        }
        TempData.SetNotice(t["Comments.Added", result.Value.Clause]);
        return Redirect(Link());
    }

    public async Task<IActionResult> OnPostUploadAsync(int id, string set, UploadInput upload)
    {
        if (await LoadAsync(id, set) is { } refused)
        {
            return refused;
        }
        if (User.Identity?.IsAuthenticated != true)
        {
            return Challenge();
        }
        if (IsPublic)
        {
            return Forbid();
        }
        var file = upload.File;
        if (file is null || file.Length == 0)
        {
            return Refused(DevelopmentError.Invalid("Error.File.Missing"));
        }
        if (file.Length > CommentFiles.MaxBytes)
        {
            return Refused(DevelopmentError.Invalid("Error.File.TooBig", CommentFiles.MaxBytes / (1024 * 1024)));
        }
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".docx"))
        {
            return Refused(DevelopmentError.Invalid("Error.File.Type"));
        }
        if (!ModelState.IsValid)
        {
            return Refused(StatusCodes.Status400BadRequest);
        }
        CommentFile parsed;
        await using (var stream = new MemoryStream())
        {
            await file.CopyToAsync(stream);
            stream.Position = 0;
            parsed = extension == ".csv" ? CommentFiles.ReadCsv(stream) : CommentFiles.ReadDocx(stream);
        }
        var result = await CommentActions.ImportAsync(db, id, User.UserId()!, Bodies, upload.MemberBody, parsed, false, clock.GetUtcNow(), Outline);
        if (!result.Succeeded)
        {
            return Refused(result.Error);
        }
        if (result.Value.Errors.Count > 0)
        {
            FileErrors = [.. result.Value.Errors];
            return Refused(DevelopmentError.Invalid("Error.File.Rejected", file.FileName, FileErrors.Count));
        }
        TempData.SetNotice(t.Plural("Comments.Uploaded", result.Value.Saved, file.FileName));
        return Redirect(Link());
    }

    public async Task<IActionResult> OnPostObserveAsync(int id, string set, ObservationInput observation)
    {
        if (await LoadAsync(id, set) is { } refused)
        {
            return refused;
        }
        if (!CanManage)
        {
            return Forbid();
        }
        if (!await db.BallotComments.AnyAsync(c => c.Id == observation.CommentId && c.BallotId == id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return Refused(StatusCodes.Status400BadRequest);
        }
        var result = await CommentActions.ObserveAsync(db, observation.CommentId, observation.Observations);
        if (!result.Succeeded)
        {
            return Refused(result.Error);
        }
        TempData.SetNotice(t["Comments.Observed"]);
        return Redirect(Link());
    }

    /// <summary>This page (the member bodies' comments or the public's); with a handler (Docx, Csv), its compiled table as a file.</summary>
    public string Link(string? handler = null) => IsPublic ? DevelopmentLinks.PublicComments(Ballot.Id, handler) : DevelopmentLinks.Comments(Ballot.Id, handler);

    /// <summary>Formats a row's error for the page.</summary>
    public string Describe(CommentRowError e) =>
        e.Row == 0 ? t[e.Key, e.Args] : t["Error.File.Row", e.Row, t[e.Key, e.Args]];

    private bool CanReadAll() => CanManage || (!IsPublic && CanRead);

    /// <summary>The page as loaded before the refused change (nothing was changed), with the reason in the model state.</summary>
    private PageResult Refused(DevelopmentError error)
    {
        ModelState.AddModelError("", t[error.Key, error.Args]);
        return Refused(error.Status);
    }

    private PageResult Refused(int status)
    {
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, string set)
    {
        var ballot = await db.Ballots.AsNoTracking().Include(b => b.Project).FirstOrDefaultAsync(b => b.Id == id);
        if (ballot is null)
        {
            return NotFound();
        }
        IsPublic = set == "public-comments";
        if (IsPublic && !ballot.PublicConsultation)
        {
            return NotFound();
        }
        Ballot = ballot;
        Project = ballot.Project!;
        Committee = await db.Committees.AsNoTracking().SingleAsync(c => c.Id == ballot.CommitteeId);
        Reference = ProjectReference.ForBallot(Project, ballot.Kind);
        CanManage = DevelopmentAccess.Manages(User, Committee);
        AcceptsComments = ballot.AcceptsVotes(clock.GetUtcNow());
        var userId = User.UserId();
        if (ballot.DocumentId is { } draftId)
        {
            var document = await db.CommitteeDocuments.AsNoTracking().SingleAsync(d => d.Id == draftId);
            // The draft's text shows only to those its audience lets read it (a public consultation's draft is public).
            if (await DocumentAccess.CanReadAsync(db, User, Committee, document))
            {
                Draft = await BallotDraft.LoadAsync(db, files, ballot, Committee.Reference, read: true);
            }
        }
        if (IsPublic)
        {
            MayComment = AcceptsComments && userId is not null;
            // The public see their own comments only; an anonymous visitor sees none.
            Items = CanManage
                ? await CommentActions.CompiledAsync(db, id, true)
                : userId is null ? [] : await CommentActions.CompiledAsync(db, id, true, userId);
            return null;
        }
        if (userId is null)
        {
            return Challenge();
        }
        var memberIds = await db.BallotMembers.Where(m => m.BallotId == id).Select(m => m.MemberBodyId).ToListAsync();
        Bodies = (await DevelopmentAccess.DelegateBodiesAsync(db, User)).Where(b => memberIds.Contains(b.Id)).ToList();
        Liaison = Bodies.Count == 0 ? await LiaisonActions.RepresentedAsync(db, userId, ballot.CommitteeId) : null;
        CanRead = CanManage || Bodies.Count > 0 || Liaison is not null;
        if (!CanRead)
        {
            return Forbid();
        }
        MayComment = AcceptsComments && (Bodies.Count > 0 || Liaison is not null);
        Items = await CommentActions.CompiledAsync(db, id, false);
        return null;
    }
}
