using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Shared;
using Npgsql;

namespace Normative.Features.Catalogue.Reading;

/// <summary>/standard/{id}/text: an Editor loads an STS file (or a .zip package of one and its graphics) as the standard's text (a tab of the edit pages) and sees the texts loaded.</summary>
[Authorize(Policy = Policies.Editor)]
[RequestSizeLimit(StsPackage.MaxUnpackedBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = StsPackage.MaxUnpackedBytes + 1_000_000)]
public sealed class TextUploadModel(NormativeDb db, TimeProvider clock, IStringLocalizer<ReadingText> text) : PageModel
{
    public sealed class InputModel
    {
        /// <summary>An STS XML file (at most <see cref="StsXml.MaxBytes"/>) or a .zip of one and its graphics (<see cref="StsPackage.MaxUnpackedBytes"/>).</summary>
        public IFormFile? File { get; set; }
    }

    public sealed record LoadedText(string Language, string Publisher, string Reference, int Clauses, int Terms, DateTimeOffset ImportedAt);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public int DeliverableId { get; private set; }
    public string Reference { get; private set; } = "";
    public List<LoadedText> Texts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        if (Input.File is not { Length: > 0 })
        {
            ModelState.AddModelError("Input.File", text["Upload.Missing"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var file = Input.File!;
        var zip = file.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
        var limit = zip ? StsPackage.MaxUnpackedBytes : StsXml.MaxBytes;
        if (file.Length > limit)
        {
            ModelState.AddModelError("Input.File", text["Upload.Failed", $"{file.FileName}: more than {limit / (1024 * 1024)} MB"]);
            return Page();
        }
        try
        {
            StsPackage package;
            if (zip)
            {
                await using var stream = file.OpenReadStream();
                package = StsPackage.FromZip(file.FileName, stream);
            }
            else
            {
                using var buffer = new MemoryStream((int)file.Length);
                await file.CopyToAsync(buffer, ct);
                package = StsPackage.Of(file.FileName, buffer.ToArray());
            }
            var r = await StsImport.ImportAsync(db, package, new StsImportOptions(id, By: User.Email()), clock.GetUtcNow(), ct);
            var notice = r.Kind == StsImportKind.Unchanged
                ? text["Upload.Unchanged"].Value
                : text["Upload.Done", r.DeliverableReference, CatalogueFormat.LanguageName(r.Language), r.Clauses, r.Terms].Value;
            if (r.Graphics > 0)
            {
                notice += " " + text.Plural("Upload.Graphics", r.Graphics);
            }
            if (r.Problems.Count > 0)
            {
                notice += " " + text["Upload.GraphicProblems", string.Join("; ", r.Problems)];
            }
            TempData.SetNotice(notice);
            return Redirect(ReadingLinks.Upload(id));
        }
        catch (StsFormatException e)
        {
            ModelState.AddModelError("Input.File", text["Upload.Failed", e.Message]);
        }
        catch (PostgresException e)
        {
            ModelState.AddModelError("Input.File", text["Upload.Failed", e.MessageText]);
        }
        db.ChangeTracker.Clear();
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var reference = await db.Deliverables.Where(d => d.Id == id).Select(d => d.Reference).FirstOrDefaultAsync(ct);
        if (reference is null)
        {
            return false;
        }
        DeliverableId = id;
        Reference = reference;
        Texts = await db.StandardTexts.AsNoTracking().Where(t => t.DeliverableId == id).OrderBy(t => t.Language).ThenBy(t => t.Level)
            .Select(t => new LoadedText(t.Language, t.Publisher, t.Reference, t.ClauseCount, t.TermCount, t.ImportedAt))
            .ToListAsync(ct);
        return true;
    }
}
