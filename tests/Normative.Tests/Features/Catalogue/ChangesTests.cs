using System.Net;
using System.Text;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.Reading;
using Normative.Tests.Features.Catalogue.Reading;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

/// <summary>The page between two editions made for the test marks exactly the clauses that changed.</summary>
public class ChangesTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static int _next = 780000;

    private const string Older = """
        <sec><label>5</label><title>Calibration</title><p>The balance shall be calibrated yearly.</p></sec>
        <sec><label>6</label><title>Cleaning</title><p>The balance should be cleaned weekly.</p></sec>
        <sec><label>7</label><title>Records</title><p>Records shall be kept.</p></sec>
        """;

    private const string Newer = """
        <sec><label>5</label><title>Calibration</title><p>The balance shall be calibrated monthly.</p></sec>
        <sec><label>7</label><title>Records</title><p>Records shall be kept.</p></sec>
        <sec><label>8</label><title>Audits</title><p>Audits shall be made twice a year.</p></sec>
        """;

    /// <summary>Two editions, the second replacing the first, each with an English text.</summary>
    private async Task<(int OldId, int NewId)> EditionsAsync()
    {
        await factory.WithDemoAsync();
        var n = Interlocked.Increment(ref _next);
        int oldId = n * 10 + 1, newId = n * 10 + 2;
        var (result, problems) = await factory.ImportDeliverablesAsync(string.Join('\n',
            CatalogueFactory.Line(oldId, $"ISO {n}:2016", "Balances — Care", 9599, ("replacedBy", new[] { newId })),
            CatalogueFactory.Line(newId, $"ISO {n}:2024", "Balances — Care", 6060, ("replaces", new[] { oldId }))));
        Assert.True(result.Inserted == 2, problems);
        foreach (var (reference, body) in new[] { ($"ISO {n}:2016", Older), ($"ISO {n}:2024", Newer) })
        {
            var xml = StsImportTests.Sts(reference).Replace("</body>", body + "</body>", StringComparison.Ordinal);
            await factory.WithDbAsync(db => StsImport.ImportAsync(db, "edition.xml", Encoding.UTF8.GetBytes(xml), new StsImportOptions(), DateTimeOffset.UtcNow, CancellationToken.None));
        }
        return (oldId, newId);
    }

    [Fact]
    public async Task ALicenceHolderSeesExactlyTheChangedClausesWithTheirWordsMarked()
    {
        var (oldId, newId) = await EditionsAsync();
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);

        var page = await editor.GetDocumentAsync($"/standard/{newId}/changes?from={oldId}&culture=en");

        Assert.Equal(["sec_5"], page.QuerySelectorAll(".change-changed").Select(e => e.Id));
        Assert.Equal(["sec_8"], page.QuerySelectorAll(".change-added").Select(e => e.Id));
        Assert.Equal(["sec_6"], page.QuerySelectorAll(".change-removed").Select(e => e.Id));
        Assert.Null(page.GetElementById("sec_7"));
        var changed = page.GetElementById("sec_5")!;
        Assert.Equal(["yearly"], changed.QuerySelectorAll("del").Select(e => e.TextContent));
        Assert.Equal(["monthly"], changed.QuerySelectorAll("ins").Select(e => e.TextContent));
        Assert.Contains("1 clauses changed, 1 added, 1 removed", page.QuerySelector(".changes-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector(".changes-licence"));
    }

    [Fact]
    public async Task WithoutALicenceTheClausesAreNamedButNotTheirWords()
    {
        var (oldId, newId) = await EditionsAsync();

        var page = await factory.Browser().GetDocumentAsync($"/standard/{newId}/changes?from={oldId}&culture=en");

        Assert.Equal(["sec_5", "sec_6", "sec_8"], page.QuerySelectorAll(".change").Select(e => e.Id));
        Assert.Empty(page.QuerySelectorAll(".change ins, .change del"));
        Assert.DoesNotContain("monthly", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector(".changes-licence"));
    }

    [Fact]
    public async Task TheEditionReplacedIsTheDefaultAndAnUnknownOneIsNotFound()
    {
        var (_, newId) = await EditionsAsync();
        var browser = factory.Browser();

        Assert.Equal(3, (await browser.GetDocumentAsync($"/standard/{newId}/changes")).QuerySelectorAll(".change").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/standard/{newId}/changes?from=999999999")).StatusCode);
    }
}
