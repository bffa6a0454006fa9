using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Identifiers;
using Normative.Features.Store.Offers;
using Normative.Features.Store.Pdf;

namespace Normative.Features.Store.Admin;

/// <summary>Editors upload the master PDF of a deliverable per language; buyers' copies are stamped from it.</summary>
[RequestSizeLimit(Files.MaxBytes + 1_000_000)]
[RequestFormLimits(MultipartBodyLengthLimit = Files.MaxBytes + 1_000_000)]
public class FilesModel(NormativeDb db, TimeProvider clock, IStringLocalizer<StoreText> s) : PageModel
{
    public sealed record FileRow(int Id, int DeliverableId, string Reference, string Language, string FileName, int Size, int PageCount, DateTimeOffset UploadedAt, string UploadedBy);

    public List<FileRow> Uploaded { get; private set; } = [];
    public List<Files.Missing> Missing { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? saved)
    {
        Message = saved is null ? null : s["Files.Saved"].Value;
        await LoadAsync();
    }

    public async Task<IActionResult> OnPostUploadAsync(string? reference, string? language, IFormFile? file)
    {
        var deliverable = await FindAsync(reference);
        var lang = language?.Trim().ToLowerInvariant();
        if (deliverable is null)
        {
            return await FailAsync(s["Prices.Override.Unknown", reference ?? ""]);
        }
        if (lang is null || !Pricing.Languages(deliverable).Contains(lang))
        {
            return await FailAsync(s["Files.BadLanguage", deliverable.Reference, string.Join(", ", Pricing.Languages(deliverable))]);
        }
        if (file is null || file.Length == 0)
        {
            return await FailAsync(s["Files.NoFile"]);
        }
        if (file.Length > Files.MaxBytes)
        {
            return await FailAsync(s["Files.TooLarge", Files.MaxBytes / 1_000_000]);
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
            return await FailAsync(s["Files.NotPdf"]);
        }
        await Files.SaveAsync(db, deliverable.Id, lang, Path.GetFileName(file.FileName), content, pages, User.Identity?.Name ?? "editor", clock.GetUtcNow());
        return Redirect("/store/admin/files?saved=1");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id)
    {
        await db.SourceFiles.Where(f => f.Id == id).ExecuteDeleteAsync();
        return Redirect("/store/admin/files?saved=1");
    }

    private async Task<IActionResult> FailAsync(string error)
    {
        Error = error;
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
