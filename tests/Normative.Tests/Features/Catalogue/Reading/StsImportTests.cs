using System.Text;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Catalogue.Reading;

namespace Normative.Tests.Features.Catalogue.Reading;

public class StsImportTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static int _next = 700000;

    /// <summary>A deliverable of its own for each test ("ISO 7xxxxx:2020"), so no test sees another's texts.</summary>
    private async Task<(int Id, string Reference)> NewDeliverableAsync()
    {
        var id = Interlocked.Increment(ref _next);
        var reference = $"ISO {id}:2020";
        var (result, problems) = await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, reference, "A standard to read"));
        Assert.True(result.Inserted == 1, problems);
        return (id, reference);
    }

    public static string Sts(string reference, string body = "", string meta = "iso-meta", string originator = "ISO", string lang = "en", string release = "2020-05-01", string title = "A standard to read") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE standard SYSTEM "ISOSTS.dtd">
        <standard>
        <front><{meta} originator="{originator}"><title-wrap xml:lang="{lang}"><full>{title}</full></title-wrap>
        <content-language>{lang}</content-language><std-ref type="dated">{reference}</std-ref><release-date>{release}</release-date></{meta}>
        <sec sec-type="foreword"><title>Foreword</title><p>ISO &mdash; the body.</p></sec></front>
        <body>{body}
        <sec><label>1</label><title>Scope</title><p>This document specifies things.</p></sec>
        <sec><label>4</label><title>Requirements</title><p>The thing shall work.</p></sec>
        </body></standard>
        """;

    private Task<StsImportOutcome> ImportAsync(string xml, StsImportOptions? options = null, string file = "test.xml") =>
        factory.WithDbAsync(db => StsImport.ImportAsync(db, file, Encoding.UTF8.GetBytes(xml), options ?? new StsImportOptions(), DateTimeOffset.UtcNow, CancellationToken.None));

    [Theory]
    [MemberData(nameof(StsParserTests.Samples), MemberType = typeof(StsParserTests))]
    public async Task EverySampleImports(string name)
    {
        await factory.WithDemoAsync();
        var (id, _) = await NewDeliverableAsync();
        var bytes = await File.ReadAllBytesAsync(SharedData.PathTo("sts/" + name));
        var outcome = await factory.WithDbAsync(db => StsImport.ImportAsync(db, name, bytes, new StsImportOptions(id), DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Equal(StsImportKind.Added, outcome.Kind);
        var (clauses, terms, xml) = await factory.WithDbAsync(async db => (
            await db.TextClauses.CountAsync(c => c.TextId == outcome.TextId),
            await db.TextTerms.CountAsync(t => t.TextId == outcome.TextId),
            await db.StandardTexts.Where(t => t.Id == outcome.TextId).Select(t => t.SourceXml).SingleAsync()));
        Assert.Equal(outcome.Clauses, clauses);
        Assert.Equal(outcome.Terms, terms);
        Assert.Contains("<standard", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheIdentifierFindsTheDeliverableAndTheSameFileAgainChangesNothing()
    {
        await factory.WithDemoAsync();
        var (id, reference) = await NewDeliverableAsync();
        var first = await ImportAsync(Sts(reference));
        Assert.Equal((StsImportKind.Added, id, "en", "ISO"), (first.Kind, first.DeliverableId, first.Language, first.Publisher));
        var again = await ImportAsync(Sts(reference));
        Assert.Equal(StsImportKind.Unchanged, again.Kind);
        Assert.Equal(first.TextId, again.TextId);

        var newer = await ImportAsync(Sts(reference, release: "2021-01-01", title: "A standard to read, revised"));
        Assert.Equal(StsImportKind.Replaced, newer.Kind);
        Assert.Equal(first.TextId, newer.TextId);
        var texts = await factory.WithDbAsync(db => db.StandardTexts.Where(t => t.DeliverableId == id).Select(t => t.Title).ToListAsync());
        Assert.Equal(["A standard to read, revised"], texts);
        var clauses = await factory.WithDbAsync(db => db.TextClauses.Where(c => c.TextId == first.TextId).OrderBy(c => c.Ordinal).Select(c => new { c.Anchor, c.Preview }).ToListAsync());
        Assert.Equal(["sec_foreword", "sec_1", "sec_4"], clauses.Select(c => c.Anchor));
        Assert.Equal([true, true, false], clauses.Select(c => c.Preview));

        var older = await Assert.ThrowsAsync<StsFormatException>(() => ImportAsync(Sts(reference, release: "2019-01-01")));
        Assert.Contains("older than the one loaded", older.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherLanguageIsAnotherText()
    {
        await factory.WithDemoAsync();
        var (id, reference) = await NewDeliverableAsync();
        await ImportAsync(Sts(reference));
        var fr = await ImportAsync(Sts(reference, lang: "fr", title: "Une norme à lire"));
        Assert.Equal("fr", fr.Language);
        Assert.Equal(2, await factory.WithDbAsync(db => db.StandardTexts.CountAsync(t => t.DeliverableId == id)));
    }

    [Fact]
    public async Task ANationalAdoptionIsItsOwnTextLinkedToTheInternationalOne()
    {
        await factory.WithDemoAsync();
        var (id, reference) = await NewDeliverableAsync();
        var adoption = Sts(reference, meta: "nat-meta", originator: "DIN").Replace("</front>", $"<iso-meta><std-ref type=\"dated\">{reference}</std-ref></iso-meta></front>", StringComparison.Ordinal);
        var national = await ImportAsync(adoption);
        Assert.Equal("DIN", national.Publisher);
        var international = await ImportAsync(Sts(reference));
        var links = await factory.WithDbAsync(db => db.StandardTexts.Where(t => t.DeliverableId == id).OrderBy(t => t.Id).Select(t => new { t.Level, t.AdoptsTextId }).ToListAsync());
        Assert.Equal(AdoptionLevel.National, links[0].Level);
        Assert.Equal(international.TextId, links[0].AdoptsTextId);
        Assert.Null(links[1].AdoptsTextId);
    }

    [Fact]
    public async Task AnUnknownIdentifierIsAClearErrorAndCreateMakesTheRecord()
    {
        await factory.WithDemoAsync();
        var reference = $"ISO {Interlocked.Increment(ref _next)}-2:2019";
        var e = await Assert.ThrowsAsync<StsNoDeliverableException>(() => ImportAsync(Sts(reference), file: "new.xml"));
        Assert.Equal(reference, e.Reference);
        Assert.StartsWith("new.xml, line 4: ", e.Message, StringComparison.Ordinal);

        var created = await ImportAsync(Sts(reference), new StsImportOptions(Create: true));
        Assert.True(created.DeliverableCreated);
        var record = await factory.WithDbAsync(db => db.Deliverables.SingleAsync(d => d.Id == created.DeliverableId));
        Assert.Equal((reference, "A standard to read", 6060), (record.Reference, record.TitleEn, record.CurrentStage));
    }

    [Fact]
    public async Task AFileThatFailsLeavesNothingBehind()
    {
        await factory.WithDemoAsync();
        var (id, reference) = await NewDeliverableAsync();
        var bad = Sts(reference, body: """<sec><label>3</label><term-sec><label>3.1</label><tbx:termEntry xmlns:tbx="urn:iso:std:iso:30042:ed-1"><tbx:langSet xml:lang="en"><tbx:definition>x</tbx:definition></tbx:langSet></tbx:termEntry></term-sec></sec>""");
        await Assert.ThrowsAsync<StsFormatException>(() => ImportAsync(bad));
        Assert.Equal(0, await factory.WithDbAsync(db => db.StandardTexts.CountAsync(t => t.DeliverableId == id)));
    }
}
