using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Certification.Import;
using Normative.Features.Shared;

namespace Normative.Features.Certification.Registry.Body;

/// <summary>
/// /certification/body/upload: a certification body uploads a CSV of its certificates and sees every
/// rejected row. A loaded file redirects to its report (?upload=id); a file that loaded nothing (a
/// file problem, or all or nothing with a bad row) is answered at once, since sending it again changes nothing.
/// </summary>
public class UploadModel(NormativeDb db, IMemoryCache cache, IOptions<CertificationOptions> options, TimeProvider clock, IStringLocalizer<CertificationText> t) : PageModel
{
    public CertificationBody? Body { get; private set; }
    /// <summary>The upload reported on: the one just refused, or the one named by ?upload=.</summary>
    public ImportResult? Result { get; private set; }
    /// <summary>False when the report has rejected rows that are no longer listed (see <see cref="UploadReports"/>).</summary>
    public bool RowsListed { get; private set; } = true;
    public long MaxMegabytes => options.Value.MaxUploadBytes / (1024 * 1024);

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public IFormFile? File { get; set; }

        /// <summary>Load nothing if any row is bad.</summary>
        public bool AllOrNothing { get; set; }
    }

    public async Task OnGetAsync(bool tooLarge, long? upload, CancellationToken ct)
    {
        Body = await RegistryActions.BodyOfAsync(db, User, ct);
        if (tooLarge)
        {
            ModelState.AddModelError("Input.File", t["Import.TooLarge", MaxMegabytes]);
        }
        if (Body is not null && upload is { } id && await UploadReports.FindAsync(db, cache, Body.Id, id, ct) is { } report)
        {
            (Result, RowsListed) = report;
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Body = await RegistryActions.BodyOfAsync(db, User, ct);
        if (Body is null)
        {
            return Page();
        }
        if (Input.File is null || Input.File.Length == 0)
        {
            ModelState.AddModelError("Input.File", Input.File is null ? t["Upload.Error.NoFile"] : t["Import.Empty"]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        await using var source = Input.File!.OpenReadStream();
        await using var spool = await UploadSpool.SaveAsync(source, options.Value.MaxUploadBytes, ct);
        if (spool is null)
        {
            ModelState.AddModelError("Input.File", t["Import.TooLarge", MaxMegabytes]);
            return Page();
        }
        await using var stream = spool.OpenRead();
        var result = await CertificateImport.RunCsvAsync(db, stream, new ImportOptions
        {
            Source = "page",
            Actor = User.Email() ?? "certification body",
            UserId = User.UserId(),
            OnlyBodyId = Body.Id,
            FileName = Path.GetFileName(Input.File.FileName),
            AllOrNothing = Input.AllOrNothing,
        }, clock.GetUtcNow(), CertificateImport.MaxRowsPerUpload, ct);
        if (!result.Loaded)
        {
            Result = result;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        UploadReports.Keep(cache, result);
        TempData.SetNotice(t["Upload.Done", Path.GetFileName(Input.File.FileName)], result.AllLoaded ? NoticeKind.Ok : NoticeKind.Warn);
        return Redirect(CertificationLinks.UploadReport(result.UploadId));
    }
}
