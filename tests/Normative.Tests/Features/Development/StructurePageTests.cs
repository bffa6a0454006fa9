using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Catalogue;
using Normative.Features.Development.Committees;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development;

/// <summary>The "structure" page's live figures and committee table, drawn from the data after the page's text.</summary>
public class StructurePageTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    private static readonly string[] Labels =
    [
        "Active technical committees", "Active subcommittees", "Member bodies", "Correspondent members",
        "Participating memberships of committees (P-members)", "Observing memberships of committees (O-members)",
        "Projects under development", "Published deliverables",
    ];

    private static async Task<Dictionary<string, int>> ShownAsync(HttpClient reader)
    {
        var page = await reader.GetDocumentAsync("/structure");
        var facts = page.QuerySelector("main .structure-facts")!;
        return facts.QuerySelectorAll("dt").ToDictionary(dt => dt.TextContent.Trim(), dt => int.Parse(dt.NextElementSibling!.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .Where(f => Labels.Contains(f.Key)).ToDictionary();
    }

    /// <summary>The same figures counted straight from the tables.</summary>
    private Task<Dictionary<string, int>> CountedAsync() => factory.WithDbAsync(async db =>
    {
        var active = await db.Committees.Where(c => c.Status == CommitteeRules.Active).Select(c => new { c.Id, c.Reference }).ToListAsync();
        var ids = active.Select(c => c.Id).ToList();
        return new Dictionary<string, int>
        {
            [Labels[0]] = active.Count(c => CommitteeRules.KindOf(c.Reference) == CommitteeKind.TC),
            [Labels[1]] = active.Count(c => CommitteeRules.KindOf(c.Reference) == CommitteeKind.SC),
            [Labels[2]] = await db.MemberBodies.CountAsync(m => m.Category == MemberCategory.MemberBody),
            [Labels[3]] = await db.MemberBodies.CountAsync(m => m.Category == MemberCategory.CorrespondentMember),
            [Labels[4]] = await db.CommitteeMemberships.CountAsync(m => m.Status == MembershipStatus.P && ids.Contains(m.CommitteeId)),
            [Labels[5]] = await db.CommitteeMemberships.CountAsync(m => m.Status == MembershipStatus.O && ids.Contains(m.CommitteeId)),
            [Labels[6]] = await db.Projects.CountAsync(p => p.Stage < StageCodes.Published && p.Stage % 100 != 98),
            [Labels[7]] = await db.Deliverables.CountAsync(d => d.Status == DeliverableStatus.Published),
        };
    });

    [Fact]
    public async Task TheFiguresAreTheDatabasesCountsAndMoveWhenACommitteeIsMade()
    {
        var world = new DevelopmentWorld(factory);
        await world.CommitteeAsync(p: 2, o: 1);
        var reader = factory.Browser();
        var before = await ShownAsync(reader);
        Assert.Equal(await CountedAsync(), before);

        var (tc, _, _) = await world.CommitteeAsync(p: 3, o: 2);
        var casco = await factory.WithDbAsync(async db =>
        {
            db.Committees.Add(new Committee { Reference = tc.Reference + "/SC 1", TitleEn = "Subcommittee of the test", ParentId = tc.Id });
            var policy = new Committee { Reference = "ISO/CASCO", TitleEn = "Committee on conformity assessment" };
            db.Committees.Add(policy);
            await db.SaveChangesAsync();
            return policy;
        });
        // The database's triggers moved the catalogue's version; this node reads it as its watcher would.
        await factory.Services.GetRequiredService<CatalogueVersion>().RefreshAsync();

        var after = await ShownAsync(reader);
        Assert.Equal(await CountedAsync(), after);
        Assert.Equal(before[Labels[0]] + 1, after[Labels[0]]);
        Assert.Equal(before[Labels[1]] + 1, after[Labels[1]]);
        Assert.Equal(before[Labels[2]] + 5, after[Labels[2]]);
        Assert.Equal(before[Labels[4]] + 3, after[Labels[4]]);
        Assert.Equal(before[Labels[5]] + 2, after[Labels[5]]);

        var page = await reader.GetDocumentAsync("/structure");
        var row = page.QuerySelector($"main .structure-summary table a[href='/committees/{tc.Slug}']")!.Closest("tr")!;
        Assert.Equal(tc.Reference, row.QuerySelector("th[scope=row]")!.TextContent.Trim());
        Assert.Equal(["3", "2"], row.QuerySelectorAll("td").Skip(2).Select(td => td.TextContent.Trim()));
        Assert.Equal(5, page.QuerySelectorAll("main .structure-summary thead th[scope=col]").Length);
        Assert.NotNull(page.QuerySelector($"main .structure-summary ul a[href='/committees/{casco.Slug}']"));
        // The page's own text comes first, the figures after it.
        Assert.True(page.QuerySelector("main article")!.CompareDocumentPosition(page.QuerySelector("main .structure-summary")!).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public async Task TheFiguresAreTranslated()
    {
        var page = await factory.Browser().GetDocumentAsync("/structure?culture=fr");
        Assert.Contains("Comités techniques actifs", page.QuerySelector("main .structure-facts")!.TextContent, StringComparison.Ordinal);
    }
}
