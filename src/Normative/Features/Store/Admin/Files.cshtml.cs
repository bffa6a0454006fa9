using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Shared;
using Normative.Features.Store.Offers;
using Normative.Features.Store.Pdf;

namespace Normative.Features.Store.Admin;

/// <summary>Editors upload the master PDF of a deliverable per language; buyers' copies are stamped from it.</summary>
[RequestSizeLimit(Files.MaxBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = Files.MaxBytes + 1_000_000)]
public class FilesModel(NormativeDb db, TimeProvider clock, IStringLocalizer<StoreText> s) : PageModel
{
    public sealed record FileRow(int Id, int DeliverableId, string Reference, string Language, string FileName, int Size, int PageCount, DateTimeOffset UploadedAt, string UploadedBy);

    /// <summary>The upload form: which deliverable, which language, the PDF.</summary>
    public sealed class UploadInput
    {
        public string? Reference { get; set; }
        public string? Language { get; set; }
        public IFormFile? File { get; set; }
    }

    public List<FileRow> Uploaded { get; private set; } = [];
    public List<Files.Missing> Missing { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostUploadAsync(UploadInput input)
    {
        var deliverable = await FindAsync(input.Reference);
        var lang = input.Language?.Trim().ToLowerInvariant();
        var file = input.File;
        if (deliverable is null)
        {
            return await RefuseAsync(s["Prices.Override.Unknown", input.Reference ?? ""]);
        }
        if (lang is null || !Pricing.Languages(deliverable).Contains(lang))
        {
            return await RefuseAsync(s["Files.BadLanguage", deliverable.Reference, string.Join(", ", Pricing.Languages(deliverable))]);
        }
        if (file is null || file.Length == 0)
        {
            return await RefuseAsync(s["Files.NoFile"]);
        }
        if (file.Length > Files.MaxBytes)
        {
            return await RefuseAsync(s["Files.TooLarge", Files.MaxBytes / 1_000_000]);
        }
        byte[] content;
        await using (var stream = file.OpenReadStream())
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer);
            content = buffer.ToArray();
        }
        if (PdfStamper.PageCount(content) is not { } pages)
        {
            return await RefuseAsync(s["Files.NotPdf"]);
        }
        await Files.SaveAsync(db, deliverable.Id, lang, Path.GetFileName(file.FileName), content, pages, User.Identity?.Name ?? "editor", clock.GetUtcNow());
        TempData.SetNotice(s["Files.Saved"]);
        return Redirect(StoreLinks.AdminFiles());
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        await db.SourceFiles.Where(f => f.Id == id).ExecuteDeleteAsync();
        TempData.SetNotice(s["Files.Saved"]);
        return Redirect(StoreLinks.AdminFiles());
    }

    /// <summary>The page again with the reason; nothing saved.</summary>
    private async Task<IActionResult> RefuseAsync(string error)
    {
        ModelState.AddModelError(string.Empty, error);
        await LoadAsync();
        return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private async Task<Deliverable?> FindAsync(string? reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            return null;
        }
        var typed = reference.Trim();
        var canonical = PublicationIdentifier.TryParse(typed, out var id, out _) ? id.ToString() : typed;
        return await db.Deliverables.AsNoTracking().FirstOrDefaultAsync(d => d.Reference == canonical);
    }

    private async Task LoadAsync()
    {
        Uploaded = await (from f in db.SourceFiles.AsNoTracking()
                          join d in db.Deliverables.AsNoTracking() on f.DeliverableId equals d.Id
                          orderby d.Reference, f.Language
                          select new FileRow(f.Id, d.Id, d.Reference, f.Language, f.FileName, f.Size, f.PageCount, f.UploadedAt, f.UploadedBy)).ToListAsync();
        Missing = await Files.MissingAsync(db, 200);
    }
}
