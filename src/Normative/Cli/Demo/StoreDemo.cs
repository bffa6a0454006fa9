using Microsoft.EntityFrameworkCore;
using Normative.Data;
using Normative.Features.Store.Admin;
using Normative.Features.Store.Organizations;
using Normative.Features.Store.Pdf;
using Normative.Features.Store.Subscriptions;

namespace Normative.Cli.Demo;

/// <summary>
/// Demo data for the store: clearly marked sample PDFs (made here with PDFsharp, no real standard's
/// text) for a few demo deliverables, so a newcomer can buy, pay with the test provider and download;
/// three collections on sale as yearly subscriptions (by ICS field, by committee, by a list); and an
/// organisation whose administrator is the demo customer, with the demo delegate as a member, to buy
/// multi-user licences for and give their seats. Idempotent: what is already there is left alone.
/// </summary>
public static class StoreDemo
{
    /// <summary>Deliverables of the catalogue's demo data that get a sample PDF, by language.</summary>
    public static readonly IReadOnlyList<(int Id, string Language)> Samples =
    [
        (62085, "en"), (62085, "fr"), (82875, "en"), (65694, "en"), (36631, "en"), (46486, "en"), (60857, "en"),
    ];

    public static async Task<int> LoadAsync(NormativeDb db, TimeProvider clock, CancellationToken ct)
    {
        var ids = Samples.Select(s => s.Id).Distinct().ToList();
        var deliverables = await db.Deliverables.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var existing = (await db.SourceFiles.AsNoTracking().Where(f => ids.Contains(f.DeliverableId)).Select(f => new { f.DeliverableId, f.Language }).ToListAsync(ct))
            .Select(f => (f.DeliverableId, f.Language)).ToHashSet();
        var count = 0;
        foreach (var (id, language) in Samples)
        {
            if (!deliverables.TryGetValue(id, out var d))
            {
                continue;
            }
            count++;
            if (existing.Contains((id, language)))
            {
                continue;
            }
            var title = d.TitleIn(language).Text;
            var pages = Math.Clamp(d.PagesEn ?? 4, 2, 6);
            var pdf = SamplePdf.Create(d.Reference, title, language, pages);
            await Files.SaveAsync(db, null, id, language, $"SAMPLE-{d.Reference.Replace('/', '-').Replace(':', '-').Replace(' ', '_')}-{language}.pdf", pdf, pages, "demo", clock.GetUtcNow());
        }
        await LoadCollectionsAsync(db, clock.GetUtcNow(), ct);
        await LoadOrganizationAsync(db, clock.GetUtcNow(), ct);
        return count;
    }

    /// <summary>The demo organisation's name; its administrator is the demo customer.</summary>
    public const string OrganizationName = "Demo Precision Instruments SA";

    /// <summary>The demo collections, by English name.</summary>
    public static IReadOnlyList<Collection> Collections(DateTimeOffset now) =>
    [
        new()
        {
            NameEn = "Quality management and quality assurance (ICS 03.120)", NameFr = "Management et assurance de la qualité (ICS 03.120)",
            NameEs = "Gestión y aseguramiento de la calidad (ICS 03.120)", NameRu = "Менеджмент и обеспечение качества (МКС 03.120)",
            Rule = CollectionRule.Ics, IcsCode = "03.120", YearlyPrice = 390m, UpdatedAt = now, UpdatedBy = "demo",
        },
        new()
        {
            NameEn = "Information security, cybersecurity and privacy (ISO/IEC JTC 1/SC 27)", NameFr = "Sécurité de l'information, cybersécurité et protection de la vie privée (ISO/IEC JTC 1/SC 27)",
            NameEs = "Seguridad de la información, ciberseguridad y privacidad (ISO/IEC JTC 1/SC 27)", NameRu = "Информационная безопасность, кибербезопасность и защита персональных данных (ISO/IEC JTC 1/SC 27)",
            Rule = CollectionRule.Committee, Committee = "ISO/IEC JTC 1/SC 27", YearlyPrice = 560m, UpdatedAt = now, UpdatedBy = "demo",
        },
        new()
        {
            NameEn = "Management system standards", NameFr = "Normes de systèmes de management",
            NameEs = "Normas de sistemas de gestión", NameRu = "Стандарты на системы менеджмента",
            Rule = CollectionRule.List, ListedReferences = ["ISO 9001:2015", "ISO 14001:2015", "ISO/IEC 27001:2022", "ISO 45001:2018", "ISO 50001:2018"],
            YearlyPrice = 450m, UpdatedAt = now, UpdatedBy = "demo",
        },
    ];

    private static async Task LoadCollectionsAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct)
    {
        var names = (await db.Collections.Select(c => c.NameEn).ToListAsync(ct)).ToHashSet();
        var added = Collections(now).Where(c => !names.Contains(c.NameEn)).ToList();
        if (added.Count > 0)
        {
            db.Collections.AddRange(added);
            await db.SaveChangesAsync(ct);
        }
    }

    private static async Task LoadOrganizationAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.Organizations.AnyAsync(o => o.Name == OrganizationName, ct))
        {
            return;
        }
        var customer = await db.Users.SingleOrDefaultAsync(u => u.Email == "customer@demo.normative.test", ct);
        var colleague = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Email == "delegate@demo.normative.test", ct);
        if (customer is null)
        {
            return;
        }
        var organization = await OrganizationActions.CreateAsync(db, new OrganizationRules.Details(OrganizationName, "CH", null), customer, now, ct);
        if (colleague is not null)
        {
            db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organization.Id, UserId = colleague.Id, Role = OrganizationRole.Member, JoinedAt = now });
            db.OrganizationEvents.Add(new OrganizationEvent { OrganizationId = organization.Id, At = now, By = "demo", Kind = OrganizationEventKind.Joined, Note = colleague.Email });
            await db.SaveChangesAsync(ct);
        }
    }
}
