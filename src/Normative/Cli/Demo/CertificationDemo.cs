using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;

namespace Normative.Cli.Demo;

/// <summary>
/// The registry's demo data: fictitious accreditation and certification bodies (no real body is
/// named, so that no one mistakes a demo certificate for a real one), their accreditations, and
/// a few thousand generated certificates with some history. Safe to run again.
/// </summary>
public static class CertificationDemo
{
    public const int Certificates = 3_000;
    public const int Seed = 20_251_231;
    public const string DemoBodyUser = "cb@demo.normative.test";

    public sealed record DemoAb(string Code, string Name, string Country, bool Mla);

    public sealed record DemoBody(string Code, string Name, string Country, string Ab, IReadOnlyList<string> Standards);

    public static readonly IReadOnlyList<DemoAb> AccreditationBodies =
    [
        new("AAS", "Albion Accreditation Service (demo)", "GB", true),
        new("GAK", "Germanische Akkreditierungskammer (Demo)", "DE", true),
        new("CFA", "Conseil français d'accréditation (démo)", "FR", true),
        new("AIA", "Agencia Ibérica de Acreditación (demo)", "ES", true),
        new("HAC", "Huaxia Accreditation Centre (demo)", "CN", true),
        new("YAB", "Yamato Accreditation Board (demo)", "JP", false),
    ];

    private static readonly string[] All = ["ISO 9001:2015", "ISO 14001:2015", "ISO 45001:2018", "ISO/IEC 27001:2022", "ISO 22000:2018", "ISO 13485:2016", "ISO 50001:2018"];

    public static readonly IReadOnlyList<DemoBody> Bodies =
    [
        new("NBC", "Northbridge Certification Ltd (demo)", "GB", "AAS", All),
        new("ALZ", "Alpenzert GmbH (Demo)", "DE", "GAK", ["ISO 9001:2015", "ISO 14001:2015", "ISO 45001:2018", "ISO/IEC 27001:2022", "ISO 50001:2018"]),
        new("CTV", "Certiva SAS (démo)", "FR", "CFA", ["ISO 9001:2015", "ISO 14001:2015", "ISO 22000:2018", "ISO 13485:2016"]),
        new("QIB", "Qualitas Ibérica S.L. (demo)", "ES", "AIA", ["ISO 9001:2015", "ISO 14001:2015", "ISO 45001:2018"]),
        new("SAC", "Sino Assurance Certification Co. (demo)", "CN", "HAC", ["ISO 9001:2015", "ISO 14001:2015", "ISO 45001:2018", "ISO/IEC 27001:2022", "ISO 22000:2018"]),
        new("BQR", "Bharat Quality Registrar Pvt Ltd (demo)", "IN", "AAS", ["ISO 9001:2015", "ISO 14001:2015", "ISO/IEC 27001:2022"]),
        new("NAC", "Nippon Audit & Certification K.K. (demo)", "JP", "YAB", ["ISO 9001:2015", "ISO 14001:2015", "ISO/IEC 27001:2022"]),
        new("ADC", "Adriatica Certificazioni S.r.l. (demo)", "IT", "GAK", ["ISO 9001:2015", "ISO 14001:2015", "ISO 45001:2018", "ISO 22000:2018"]),
    ];

    /// <summary>The day demo data describes: the first of the month, so that runs within a month load the same rows.</summary>
    public static DateOnly Reference(TimeProvider clock)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <returns>A line for the demo command's summary.</returns>
    public static async Task<string> LoadAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<NormativeDb>();
        var clock = services.GetRequiredService<TimeProvider>();
        await EnsureBodiesAsync(db, clock, ct);

        var users = services.GetRequiredService<UserManager<User>>();
        if (await users.FindByEmailAsync(DemoBodyUser) is { } cbUser && !await db.CertificationBodyMembers.AnyAsync(m => m.UserId == cbUser.Id, ct))
        {
            var nbc = await db.CertificationBodies.SingleAsync(b => b.Code == "NBC", ct);
            db.CertificationBodyMembers.Add(new CertificationBodyMember { UserId = cbUser.Id, CertificationBodyId = nbc.Id });
            await db.SaveChangesAsync(ct);
        }

        var before = await db.Certificates.CountAsync(ct);
        var firstLoad = before == 0;
        var rows = new CertificateGenerator(Seed, Reference(clock)).Rows(Certificates).ToList();
        var options = new ImportOptions { Source = "cli", Actor = "demo", FileName = "demo", AllOrNothing = false };
        if (firstLoad)
        {
            // Load the suspended, withdrawn and cancelled ones as Active first, so that they have a history to show.
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var earlier = rows.Where(r => r[10] is "Suspended" or "Withdrawn" or "Cancelled" && DateOnly.Parse(r[9], System.Globalization.CultureInfo.InvariantCulture) > today)
                .Select(r => r.ToArray()).ToList();
            foreach (var r in earlier)
            {
                r[10] = "Active";
            }
            await CertificateImport.RunAsync(db, Items(earlier), options, clock.GetUtcNow(), ct);
        }
        var result = await CertificateImport.RunAsync(db, Items(rows), options, clock.GetUtcNow(), ct);
        if (firstLoad)
        {
            await AddAuditsAsync(db, clock, ct);
        }
        return $"Certification: {AccreditationBodies.Count} accreditation bodies, {Bodies.Count} certification bodies, " +
               $"{Certificates} certificates ({await db.Certificates.CountAsync(ct) - before} new{(result.Rejected > 0 ? $", {result.Rejected} skipped" : "")}).";
    }

    private static IEnumerable<ImportItem> Items(IEnumerable<string[]> rows) =>
        rows.Select((f, i) => new ImportItem(i + 2, new CertificateInput
        {
            Number = f[0], CertificationBody = f[1], Organization = f[2], Country = f[3], Standards = f[4].Split(';'), Scope = f[5],
            Sites = f[6].Split(';').Select(s => new SiteInput(s[..s.LastIndexOf('|')], s[(s.LastIndexOf('|') + 1)..], s)).ToList(),
            InitialIssueDate = f[7], IssueDate = f[8], ExpiryDate = f[9], Status = f[10],
        }));

    private static async Task EnsureBodiesAsync(NormativeDb db, TimeProvider clock, CancellationToken ct)
    {
        var abs = await db.AccreditationBodies.ToDictionaryAsync(a => a.Code, ct);
        foreach (var a in AccreditationBodies.Where(a => !abs.ContainsKey(a.Code)))
        {
            abs[a.Code] = db.AccreditationBodies.Add(new AccreditationBody { Code = a.Code, Name = a.Name, Country = a.Country, IafMlaSignatory = a.Mla }).Entity;
        }
        var cbs = await db.CertificationBodies.Include(b => b.Accreditations).ToDictionaryAsync(b => b.Code, ct);
        foreach (var b in Bodies.Where(b => !cbs.ContainsKey(b.Code)))
        {
            cbs[b.Code] = db.CertificationBodies.Add(new CertificationBody { Code = b.Code, Name = b.Name, Country = b.Country }).Entity;
        }
        await db.SaveChangesAsync(ct);
        var reference = Reference(clock);
        foreach (var b in Bodies)
        {
            var cb = cbs[b.Code];
            foreach (var standard in b.Standards.Where(s => !cb.Accreditations.Any(a => a.Standard == s)))
            {
                // One accreditation is suspended, to show how its certificates answer at once.
                var suspended = b.Code == "NAC" && standard == "ISO/IEC 27001:2022";
                db.Accreditations.Add(new Accreditation
                {
                    CertificationBodyId = cb.Id, AccreditationBodyId = abs[b.Ab].Id, Standard = standard,
                    ValidFrom = new DateOnly(2000, 1, 1), ValidTo = new DateOnly(reference.Year + 4, 12, 31),
                    Status = suspended ? AccreditationStatus.Suspended : AccreditationStatus.Active,
                    StatusReason = suspended ? "Major nonconformities found at the accreditation body's assessment." : null,
                    StatusChangedAt = clock.GetUtcNow(),
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task AddAuditsAsync(NormativeDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var certificates = await db.Certificates.AsNoTracking().OrderBy(c => c.Id).Take(500)
            .Select(c => new { c.Id, c.InitialIssueDate, c.IssueDate }).ToListAsync(ct);
        foreach (var c in certificates)
        {
            db.CertificateAudits.Add(new CertificateAudit { CertificateId = c.Id, Kind = AuditKind.Stage1, StartDate = c.InitialIssueDate.AddDays(-60), RecordedAt = now });
            db.CertificateAudits.Add(new CertificateAudit { CertificateId = c.Id, Kind = AuditKind.Stage2, StartDate = c.InitialIssueDate.AddDays(-21), EndDate = c.InitialIssueDate.AddDays(-19), RecordedAt = now });
            if (c.IssueDate > c.InitialIssueDate)
            {
                db.CertificateAudits.Add(new CertificateAudit { CertificateId = c.Id, Kind = AuditKind.Recertification, StartDate = c.IssueDate.AddDays(-30), EndDate = c.IssueDate.AddDays(-28), RecordedAt = now });
            }
            var surveillance = c.IssueDate.AddYears(1);
            if (surveillance < DateOnly.FromDateTime(now.UtcDateTime))
            {
                db.CertificateAudits.Add(new CertificateAudit { CertificateId = c.Id, Kind = AuditKind.Surveillance, StartDate = surveillance, RecordedAt = now, Note = "No nonconformities." });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// `normative demo generate --certificates N --out FILE.csv` (see DemoGenerators): N generated
    /// certificates in the upload format; the same seed gives the same file within a month.
    /// </summary>
    public static Task WriteGeneratedAsync(int count, int seed, Stream stream, CancellationToken ct)
    {
        using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false), 1 << 20, leaveOpen: true);
        new CertificateGenerator(seed, Reference(TimeProvider.System)).Write(writer, count, null);
        return Task.CompletedTask;
    }
}
