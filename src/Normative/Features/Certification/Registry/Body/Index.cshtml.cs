using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Certification.Import;

namespace Normative.Features.Certification.Registry.Body;

/// <summary>/certification/body: a certification body's own page: its certificates by status, its accreditations and its last uploads.</summary>
public class IndexModel(NormativeDb db) : PageModel
{
    public CertificationBody? Body { get; private set; }
    public List<(CertificateStatus Status, int Count)> Counts { get; private set; } = [];
    public List<Accreditation> Accreditations { get; private set; } = [];
    public List<CertificateUpload> Uploads { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Body = await RegistryActions.BodyOfAsync(db, User, ct);
        if (Body is null)
        {
            return;
        }
        var id = Body.Id;
        Counts = (await db.Certificates.AsNoTracking().Where(c => c.CertificationBodyId == id)
            .GroupBy(c => c.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .Select(x => (x.Key, x.Count)).OrderBy(x => x.Key).ToList();
        Accreditations = await db.Accreditations.AsNoTracking().Include(a => a.AccreditationBody)
            .Where(a => a.CertificationBodyId == id).OrderBy(a => a.Standard).ToListAsync(ct);
        Uploads = await db.CertificateUploads.AsNoTracking().Where(u => u.CertificationBodyId == id)
            .OrderByDescending(u => u.At).Take(10).ToListAsync(ct);
    }
}
