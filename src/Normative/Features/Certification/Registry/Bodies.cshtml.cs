using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Normative.Data;

namespace Normative.Features.Certification.Registry;

/// <summary>/certification/bodies: the accreditation bodies, and each certification body with its accreditations.</summary>
public class BodiesModel(NormativeDb db) : PageModel
{
    public List<AccreditationBody> AccreditationBodies { get; private set; } = [];
    public List<CertificationBody> CertificationBodies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        AccreditationBodies = await db.AccreditationBodies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(ct);
        CertificationBodies = await db.CertificationBodies.AsNoTracking()
            .Include(b => b.Accreditations).ThenInclude(a => a.AccreditationBody)
            .OrderBy(b => b.Name).AsSplitQuery().ToListAsync(ct);
    }
}
