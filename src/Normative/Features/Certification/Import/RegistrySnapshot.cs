using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Certification.Registry;

namespace Normative.Features.Certification.Import;

/// <summary>The certification bodies and their accreditations, read once per upload to check every row against.</summary>
public sealed class RegistrySnapshot
{
    public sealed record Body(int Id, string Code, IReadOnlyList<AccreditationState> Accreditations);

    private readonly Dictionary<string, Body> _byCode;

    public RegistrySnapshot(IEnumerable<Body> bodies) =>
        _byCode = bodies.ToDictionary(b => b.Code, StringComparer.OrdinalIgnoreCase);

    public Body? Find(string code) => _byCode.GetValueOrDefault(code.Trim());

    public Body? FindById(int id) => _byCode.Values.FirstOrDefault(b => b.Id == id);

    public static async Task<RegistrySnapshot> LoadAsync(NormativeDb db, CancellationToken ct)
    {
        var bodies = await db.CertificationBodies.AsNoTracking().Select(b => new { b.Id, b.Code }).ToListAsync(ct);
        var accreditations = await db.Accreditations.AsNoTracking()
            .Select(a => new { a.CertificationBodyId, a.Standard, a.Status, a.ValidFrom, a.ValidTo }).ToListAsync(ct);
        var byBody = accreditations.ToLookup(a => a.CertificationBodyId, a => new AccreditationState(a.Standard, a.Status, a.ValidFrom, a.ValidTo));
        return new RegistrySnapshot(bodies.Select(b => new Body(b.Id, b.Code, byBody[b.Id].ToList())));
    }
}
