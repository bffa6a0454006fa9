using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.Editing;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Catalogue.Search;
using Normative.Features.Shared;

namespace Normative.Features.Catalogue;

/// <summary>
/// /standards/bulk: Editors export a filtered selection as a spreadsheet file, edit it, upload it
/// back, see every change per record and field, and apply them all at once.
/// </summary>
[Authorize(Policy = Policies.Editor)]
// The file goes back and forth between preview and apply as one form value: room for BulkEdit.MaxRows rows with long abstracts.
[RequestFormLimits(ValueLengthLimit = 32 * 1024 * 1024, MultipartBodyLengthLimit = 32 * 1024 * 1024)]
public sealed class StandardsBulkModel(NormativeDb db, CatalogueVersion version, TimeProvider clock, IStringLocalizer<CatalogueText> text) : PageModel
{
    /// <summary>The filters of the export, as the search reads them.</summary>
    public SearchQuery Selection { get; private set; } = new();
    public int Selected { get; private set; }
    public BulkPreview? Preview { get; private set; }
    /// <summary>The uploaded file, carried from the preview to the apply button (base64).</summary>
    public string? Upload { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Selection = SearchQuery.Read(Request.Query, out _);
        Selected = await Select(db, Selection).CountAsync(ct);
    }

    /// <summary>The selection as a CSV file for a spreadsheet.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        Selection = SearchQuery.Read(Request.Query, out _);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = "attachment; filename=\"deliverables-bulk.csv\"";
        // A byte-order mark, so a spreadsheet reads the file as UTF-8 (accents, Cyrillic).
        await Response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), ct);
        await BulkEdit.WriteAsync(Response.Body, Records(Select(db, Selection), ct), await DeliverableEdits.OtherTitleLanguagesAsync(db, ct), ct);
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostPreviewAsync(IFormFile? upload, CancellationToken ct)
    {
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("upload", text["Bulk.NoFile"]);
            await OnGetAsync(ct);
            return Page();
        }
        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, ct);
        Upload = Convert.ToBase64String(buffer.ToArray());
        buffer.Position = 0;
        Preview = await BulkEdit.ReadAsync(db, buffer, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostApplyAsync(string? file, string? digest, CancellationToken ct)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(file ?? "");
        }
        catch (FormatException)
        {
            return BadRequest();
        }
        using var stream = new MemoryStream(bytes);
        var applied = await BulkEdit.ApplyAsync(db, stream, digest ?? "", User.Email() ?? User.Identity?.Name ?? "?", clock.GetUtcNow(), ct);
        if (applied is null)
        {
            // The catalogue changed since the preview (or the file is not applicable): show what it would do now.
            Upload = file;
            stream.Position = 0;
            Preview = await BulkEdit.ReadAsync(db, stream, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            ModelState.AddModelError("", text["Bulk.Moved"]);
            return Page();
        }
        await version.RefreshAsync(ct);
        TempData.SetNotice(text["Bulk.Applied", applied.ChangeCount, applied.Records.Count]);
        return Redirect(CatalogueLinks.BulkEdit);
    }

    public string Label(string field) => CatalogueFormat.FieldLabel(text, field);

    public string Message(BulkLineProblem p) => p.Problem is { } problem ? text[problem.Key, problem.Args] : p.Reason ?? "";

    /// <summary>The filters the search has, on the catalogue's own columns (no words: an export is a selection, not a search).</summary>
    private static IQueryable<Deliverable> Select(NormativeDb db, SearchQuery q)
    {
        var query = db.Deliverables.AsNoTracking();
        if (q.Type is { } type)
        {
            query = query.Where(d => d.DeliverableType == type);
        }
        if (q.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }
        if (q.Stage is { } stage)
        {
            query = query.Where(d => d.CurrentStage == stage);
        }
        if (q.Committee is { } committee)
        {
            var sub = committee + "/";
            query = query.Where(d => d.OwnerCommittee == committee || d.OwnerCommittee!.StartsWith(sub));
        }
        if (q.Ics is { } ics)
        {
            query = query.Where(d => d.IcsPaths.Contains(ics));
        }
        if (q.Sdg is { } sdg)
        {
            query = query.Where(d => d.Sdgs.Contains(sdg));
        }
        if (q.Language is { } language)
        {
            query = query.Where(d => d.Languages.Contains(language));
        }
        return query;
    }

    private static async IAsyncEnumerable<DeliverableRecord> Records(IQueryable<Deliverable> selection, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var d in selection.OrderBy(d => d.SortKey).ThenBy(d => d.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return DeliverableEdits.Snapshot(d);
        }
    }
}
