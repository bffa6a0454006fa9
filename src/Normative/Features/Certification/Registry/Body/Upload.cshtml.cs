using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Normative.Data;
using Normative.Features.Certification.Import;
using Normative.Features.Shared;

namespace Normative.Features.Certification.Registry.Body;

/// <summary>/certification/body/upload: a certification body uploads a CSV of its certificates and sees every rejected row.</summary>
public class UploadModel(NormativeDb db, IOptions<CertificationOptions> options, TimeProvider clock, IStringLocalizer<CertificationText> t) : PageModel
{
    public CertificationBody? Body { get; private set; }
    public ImportResult? Result { get; private set; }
    public string? Error { get; private set; }
    public long MaxMegabytes => options.Value.MaxUploadBytes / (1024 * 1024);

    [BindProperty]
    public bool AllOrNothing { get; set; }

    public async Task OnGetAsync(bool tooLarge, CancellationToken ct)
    {
        Body = await RegistryActions.BodyOfAsync(db, User, ct);
        if (tooLarge)
        {
            Error = t["Import.TooLarge", MaxMegabytes];
        }
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        Body = await RegistryActions.BodyOfAsync(db, User, ct);
        if (Body is null)
        {
            return Page();
        }
        if (file is null || file.Length == 0)
        {
            Error = file is null ? t["Upload.Error.NoFile"] : t["Import.Empty"];
            return Page();
        }
        await using var source = file.OpenReadStream();
        await using var spool = await UploadSpool.SaveAsync(source, options.Value.MaxUploadBytes, ct);
        if (spool is null)
        {
            Error = t["Import.TooLarge", MaxMegabytes];
            return Page();
        }
        await using var stream = spool.OpenRead();
        Result = await CertificateImport.RunCsvAsync(db, stream, new ImportOptions
        {
            Source = "page",
            Actor = User.Email() ?? "certification body",
            UserId = User.UserId(),
            OnlyBodyId = Body.Id,
            FileName = Path.GetFileName(file.FileName),
            AllOrNothing = AllOrNothing,
        }, clock.GetUtcNow(), CertificateImport.MaxRowsPerUpload, ct);
        if (Result.FileProblem is not null || !Result.Loaded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        return Page();
    }
}
