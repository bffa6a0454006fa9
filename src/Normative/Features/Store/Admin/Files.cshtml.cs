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
public class FilesModel(NormativeDb db, StoreMail mail, CatalogueVersion version, TimeProvider clock, IStringLocalizer<StoreText> s) : PageModel
{
    public sealed record FileRow(int Id, int DeliverableId, string Reference, string Language, string FileName, int Size, int PageCount, DateTimeOffset UploadedAt, string UploadedBy);

    /// <summary>The upload form: which deliverable, which language, the PDF.</summary>
    public sealed class UploadInput
    {
        public string? Reference { get; set; }
        public string? Language { get; set; }
        public IFormFile? File { get; set; }
    }

    /// <summary>The working days promised per format for files not uploaded yet; empty: not offered without its file.</summary>
    public sealed class DeliveryInput
    {
        public int? Pdf { get; set; }
        public int? Paper { get; set; }
    }

    [BindProperty]
    public DeliveryInput Delivery { get; set; } = new();

    public List<FileRow> Uploaded { get; private set; } = [];
    public List<Files.Missing> Missing { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        var days = await db.DeliveryTimes.AsNoTracking().ToDictionaryAsync(t => t.Format, t => t.WorkingDays);
        Delivery = new DeliveryInput
        {
            Pdf = days.TryGetValue(ProductFormat.Pdf, out var pdf) ? pdf : null,
            Paper = days.TryGetValue(ProductFormat.Paper, out var paper) ? paper : null,
        };
    }

    public async Task<IActionResult> OnPostDeliveryAsync()
    {
        var wanted = new Dictionary<ProductFormat, int?> { [ProductFormat.Pdf] = Delivery.Pdf, [ProductFormat.Paper] = Delivery.Paper };
        if (!ModelState.IsValid || wanted.Values.Any(d => d is < 1 or > DeliveryTime.MaxWorkingDays))
        {
            return await RefuseAsync(s["Files.BadDays", DeliveryTime.MaxWorkingDays]);
        }
        var now = clock.GetUtcNow();
        var by = User.Identity?.Name;
        var rows = await db.DeliveryTimes.ToDictionaryAsync(t => t.Format);
        foreach (var (format, days) in wanted)
        {
            var row = rows.GetValueOrDefault(format);
            if (days is null && row is not null)
            {
                db.DeliveryTimes.Remove(row);
            }
            else if (days is { } d && row?.WorkingDays != d)
            {
                if (row is null)
                {
                    db.DeliveryTimes.Add(row = new DeliveryTime { Format = format });
                }
                row.WorkingDays = d;
                row.UpdatedAt = now;
                row.UpdatedBy = by;
            }
        }
        await db.SaveChangesAsync();
        await version.RefreshAsync(); // the offers and prices visitors see change: this instance at once, others within a version poll
        TempData.SetNotice(s["Files.DeliverySaved"]);
        return Redirect(StoreLinks.AdminFiles());
    }

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
        await Files.SaveAsync(db, mail, deliverable.Id, lang, Path.GetFileName(file.FileName), content, pages, User.Identity?.Name ?? "editor", clock.GetUtcNow());
        await version.RefreshAsync(); // the offers and prices visitors see change: this instance at once, others within a version poll
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
        await version.RefreshAsync(); // the offers and prices visitors see change: this instance at once, others within a version poll
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
