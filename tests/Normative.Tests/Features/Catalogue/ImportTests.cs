using Microsoft.EntityFrameworkCore;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Tests.Features.Catalogue;

public class ImportTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static string Lines(params string[] lines) => string.Join("\n", lines) + "\n";

    [Fact]
    public async Task BadLinesAreReportedWithTheirNumberAndTheGoodOnesLoad()
    {
        var (result, problems) = await factory.ImportDeliverablesAsync(Lines(
            CatalogueFactory.Line(910001, "ISO 91001:2019", "Good one"),
            "{ this is not json",
            CatalogueFactory.Line(910002, "ISO 91002:2019", "Bad stage", 6061),
            "",
            CatalogueFactory.Line(910003, "ISO 91003:2019", "Good two"),
            CatalogueFactory.Line(910004, "not an identifier", "Bad reference")));

        Assert.Equal((5, 2, 3), (result.Read, result.Inserted, result.Rejected));
        Assert.Equal(ImportResult.SomeRejected, result.ExitCode);
        Assert.Contains("line 2: not valid JSON", problems, StringComparison.Ordinal);
        Assert.Contains("line 3: currentStage 6061 is not a harmonized stage code", problems, StringComparison.Ordinal);
        Assert.Contains("line 6: reference 'not an identifier' is not an ISO identifier", problems, StringComparison.Ordinal);
        var ids = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id > 910000 && d.Id < 910010).Select(d => d.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal([910001, 910003], ids);
    }

    [Fact]
    public async Task ALineWithTheNulCharacterIsRejectedAndTheOthersLoad()
    {
        // U+0000 cannot be stored in PostgreSQL's text: before, the whole import failed at the database.
        var (json, jsonProblems) = await factory.ImportDeliverablesAsync(Lines(
            CatalogueFactory.Line(915001, "ISO 91501:2019", "Good one"),
            CatalogueFactory.Line(915002, "ISO 91502:2019", "Nul \0 inside")));
        Assert.Equal((1, 1), (json.Inserted, json.Rejected));
        Assert.Contains("line 2: a text holds the character U+0000", jsonProblems, StringComparison.Ordinal);

        const string csv = "id,deliverableType,reference,title.en,currentStage\r\n" +
            "915003,IS,ISO 91503:2019,Good CSV,6060\r\n" +
            "915004,IS,ISO 91504:2019,Nul \0 inside,6060\r\n";
        var (fromCsv, csvProblems) = await factory.ImportDeliverablesAsync(csv, "deliverables.csv");
        Assert.Equal((1, 1), (fromCsv.Inserted, fromCsv.Rejected));
        Assert.Contains("line 3: a text holds the character U+0000", csvProblems, StringComparison.Ordinal);
        var ids = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id > 915000 && d.Id < 915010).Select(d => d.Id).OrderBy(i => i).ToListAsync());
        Assert.Equal([915001, 915003], ids);
    }

    [Fact]
    public async Task TheSameFileTwiceChangesNothingAndANewerFileUpdates()
    {
        var file = Lines(
            CatalogueFactory.Line(920001, "ISO 92001:2018", "Widgets — Requirements"),
            CatalogueFactory.Line(920002, "ISO/DIS 92002", "Widgets — Test methods", 4020));
        var first = (await factory.ImportDeliverablesAsync(file)).Result;
        var version = await factory.WithDbAsync(db => db.CatalogueStates.Select(s => s.Version).SingleAsync());

        var second = (await factory.ImportDeliverablesAsync(file)).Result;

        Assert.Equal((2, 0), (first.Inserted, first.Updated));
        Assert.Equal((0, 0, 2), (second.Inserted, second.Updated, second.Unchanged));
        Assert.Equal(version, await factory.WithDbAsync(db => db.CatalogueStates.Select(s => s.Version).SingleAsync()));

        var newer = (await factory.ImportDeliverablesAsync(Lines(
            CatalogueFactory.Line(920001, "ISO 92001:2018", "Widgets — Requirements", 9599, ("replacedBy", new[] { 920002 })),
            CatalogueFactory.Line(920002, "ISO 92002:2024", "Widgets — Test methods", 6060, ("replaces", new[] { 920001 }))))).Result;

        Assert.Equal((0, 2), (newer.Inserted, newer.Updated));
        var published = await factory.WithDbAsync(db => db.Deliverables.SingleAsync(d => d.Id == 920002));
        Assert.Equal("ISO 92002:2024", published.Reference);
        Assert.Equal(DeliverableStatus.Published, published.Status);
        Assert.Equal("ISO 92002", published.BaseKey);
        Assert.True(await factory.WithDbAsync(db => db.CatalogueStates.Select(s => s.Version).SingleAsync()) > version);
    }

    [Fact]
    public async Task AFileOfAnotherKindImportsNothing()
    {
        var before = await factory.WithDbAsync(db => db.Deliverables.CountAsync());

        var e = await Assert.ThrowsAsync<ImportFormatException>(() => factory.ImportDeliverablesAsync(
            Lines("""{"code": "01", "parent": null, "title": "Generalities", "notes": []}""", """{"code": "03", "parent": null, "title": "Services", "notes": []}""")));

        Assert.Contains("is not a deliverables file", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Deliverables.CountAsync()));
    }

    [Fact]
    public async Task AFileWhereNothingCanBeReadImportsNothing()
    {
        var lines = Enumerable.Range(0, 150).Select(i => CatalogueFactory.Line(930000 + i, "ISO 93000:2020", "x", 1234)).ToArray();
        lines[149] = CatalogueFactory.Line(930999, "ISO 93999:2020", "Would be good");

        var e = await Assert.ThrowsAsync<ImportFormatException>(() => factory.ImportDeliverablesAsync(Lines(lines)));

        Assert.Contains("does not look like a deliverables file", e.Message, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Deliverables.AnyAsync(d => d.Id == 930999)));
    }

    [Theory]
    [InlineData("binary.jsonl")]
    [InlineData("binary.csv")]
    [InlineData("binary.dat")]
    public async Task BinaryFilesAreRefused(string name)
    {
        var e = await Assert.ThrowsAsync<ImportFormatException>(() => factory.ImportDeliverablesAsync([0x7B, 0xFF, 0xFE, 0x00, 0xC3, 0x28, 0x0A], name));

        Assert.Contains("not UTF-8 text", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvInIsosColumnsLoadsToo()
    {
        const string csv = "id,deliverableType,supplementType,reference,title.en,title.fr,publicationDate,edition,icsCode,ownerCommittee,currentStage,replaces,replacedBy,languages,pages.en,pages.fr,scope.en,scope.fr\r\n" +
            "940001,IS,,ISO 94001:2021,\"Gadgets — Vocabulary, terms\",Gadgets — Vocabulaire,2021-03-01,1,\"[01.040.03, 03.120.10]\",ISO/TC 999/SC 9,6060,,,\"[en, fr]\",12,,\"A scope\nover two lines\",\r\n" +
            "940002,IS,amd,ISO 94001:2021/Amd 1:2023,Gadgets — Vocabulary — Amendment 1,,2023-01-01,1,[03.120.10],ISO/TC 999/SC 9,6060,,,[en],2,,,\r\n" +
            "940003,IS,,ISO 94003:2021,Bad,,21/03/2021,1,,,6060,,,,,,,\r\n";

        var (result, problems) = await factory.ImportDeliverablesAsync(csv, "deliverables.csv");

        Assert.Equal((2, 1), (result.Inserted, result.Rejected));
        // The first record spans lines 2 and 3, so the bad one is on line 5.
        Assert.Contains("line 5: publicationDate must be a date", problems, StringComparison.Ordinal);
        var d = await factory.WithDbAsync(db => db.Deliverables.SingleAsync(x => x.Id == 940001));
        Assert.Equal(["01.040.03", "03.120.10"], d.IcsCodes);
        Assert.Equal("A scope\nover two lines", d.ScopeEn);
        Assert.Equal("Gadgets — Vocabulary, terms", d.TitleEn);
        var amd = await factory.WithDbAsync(db => db.Deliverables.SingleAsync(x => x.Id == 940002));
        Assert.Equal("Amd", amd.SupplementType);
        Assert.Equal("ISO 94001:2021", amd.SupplementOf);
    }

    [Fact]
    public async Task CommitteesNamedByDeliverablesAreCreatedWithTheirParents()
    {
        await factory.ImportDeliverablesAsync(Lines(CatalogueFactory.Line(950001, "ISO 95001:2020", "Sprockets", 6060, ("ownerCommittee", "ISO/TC 950/SC 3"))));

        var committees = await factory.WithDbAsync(db => db.Committees.Where(c => c.Reference.StartsWith("ISO/TC 950")).ToListAsync());
        var tc = Assert.Single(committees, c => c.Reference == "ISO/TC 950");
        var sc = Assert.Single(committees, c => c.Reference == "ISO/TC 950/SC 3");
        Assert.Equal(tc.Id, sc.ParentId);
        Assert.True(CommitteeIds.IsLocal(tc.Id));

        // When ISO's committees file arrives, the committees take ISO's ids and titles; the SC follows its TC.
        var (result, problems) = await factory.ImportCommitteesAsync(Lines(
            """{"id":4950001,"reference":"ISO/TC 950/SC 3","status":"Active","title":{"en":"Sprocket testing"},"secretariat":{"id":1,"acronym":"BSI"},"parentId":4950000,"pMembers":[{"id":1,"acronym":"BSI"},{"id":2,"acronym":"DIN"}],"oMembers":null,"scope":{"en":"<p>Testing of sprockets.</p>"},"creationDate":"2001-02-03"}""",
            """{"id":4950000,"reference":"ISO/TC 950","status":"Active","title":{"en":"Sprockets"},"secretariat":{"id":2,"acronym":"DIN"},"parentId":null,"pMembers":null,"oMembers":null}"""));

        Assert.Equal("", problems);
        Assert.Equal(0, result.Rejected);
        var after = await factory.WithDbAsync(db => db.Committees.Where(c => c.Reference.StartsWith("ISO/TC 950")).ToListAsync());
        Assert.Equal(2, after.Count);
        var sc2 = after.Single(c => c.Id == 4950001);
        Assert.Equal(4950000, sc2.ParentId);
        Assert.Equal("Sprocket testing", sc2.TitleEn);
        Assert.Equal(["BSI", "DIN"], sc2.PMembers);
        Assert.Equal("BSI", sc2.Secretariat);
        Assert.Equal(new DateOnly(2001, 2, 3), sc2.CreationDate);

        var again = (await factory.ImportCommitteesAsync(Lines(
            """{"id":4950000,"reference":"ISO/TC 950","status":"Active","title":{"en":"Sprockets"},"secretariat":{"id":2,"acronym":"DIN"},"parentId":null,"pMembers":null,"oMembers":null}"""))).Result;
        Assert.Equal((0, 0, 1), (again.Inserted, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task CommitteesInIsosCsvShapeLoadWithTheirMembersAsListed()
    {
        const string csv = "id,reference,status,title.en,secretariat.id,secretariat.acronym,creationDate,scope.en,parentId,childrenId,pMembers.id,pMembers.acronym,oMembers.id,oMembers.acronym,sortKey\n" +
            "4970000,ISO/TC 970,Active,Gears and more,2064,BSI,1999-01-01,\"<p>Gears, and more.</p>\",,\"[4970001]\",\"[2064, 1511]\",\"[BSI, DIN]\",[1738],[AFNOR],ISO/TC 970\n" +
            "4970001,ISO/TC 970/SC 1,Active,Small gears,1511,DIN,2005-05-05,,4970000,,[1511],[DIN],,,ISO/TC 970/~SC 001\n";

        var (result, problems) = await factory.ImportCommitteesAsync(csv, "iso_technical_committees.csv");

        Assert.Equal("", problems);
        Assert.Equal(2, result.Inserted);
        var tc = await factory.WithDbAsync(db => db.Committees.SingleAsync(c => c.Id == 4970000));
        Assert.Equal(["BSI", "DIN"], tc.PMembers);
        Assert.Equal(["AFNOR"], tc.OMembers);
        Assert.Equal("BSI", tc.Secretariat);
        Assert.Equal("<p>Gears, and more.</p>", tc.Scope);
        Assert.Equal(4970000, await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == 4970001).Select(c => c.ParentId).SingleAsync()));
    }

    [Fact]
    public async Task ACommitteeFileCannotTakeAnotherCommitteesReference()
    {
        await factory.ImportCommitteesAsync(Lines("""{"id":4960000,"reference":"ISO/TC 960","title":{"en":"First"}}"""));

        var (result, problems) = await factory.ImportCommitteesAsync(Lines(
            """{"id":4960001,"reference":"ISO/TC 960","title":{"en":"Impostor"}}""",
            """{"id":4960002,"reference":"ISO/TC 961","title":{"en":"Fine"}}"""));

        Assert.Equal((1, 1), (result.Inserted, result.Rejected));
        Assert.Contains("line 1: reference ISO/TC 960 already belongs to committee id 4960000", problems, StringComparison.Ordinal);
        Assert.Equal("First", await factory.WithDbAsync(db => db.Committees.Where(c => c.Reference == "ISO/TC 960").Select(c => c.TitleEn).SingleAsync()));
    }

    [Fact]
    public async Task IcsCodesLoadFromTheSharedFileAndFromIsosCsv()
    {
        var shared = await File.ReadAllTextAsync(SharedData.PathTo("ics-ed7.jsonl"));
        var (result, _) = await factory.ImportIcsAsync(shared);
        Assert.Equal(1381, result.Read);
        Assert.Equal(0, result.Rejected);

        var (csv, problems) = await factory.ImportIcsAsync(
            "identifier,parent,titleEn,titleFr,scopeEn,scopeFr\n\"03.120\",\"03\",\"Quality\",\"Qualité\",,\n\"3.12\",\"03\",\"Bad\",,,\n", "ICS.csv");

        Assert.Equal((1, 1), (csv.Updated, csv.Rejected));
        Assert.Contains("line 3:", problems, StringComparison.Ordinal);
        Assert.Equal("Qualité", await factory.WithDbAsync(db => db.IcsCodes.Where(i => i.Code == "03.120").Select(i => i.TitleFr).SingleAsync()));
    }

    [Fact]
    public async Task RepeatedIdsInOneFileKeepTheLastLine()
    {
        var (result, _) = await factory.ImportDeliverablesAsync(Lines(
            CatalogueFactory.Line(970001, "ISO 97001:2020", "First title"),
            CatalogueFactory.Line(970001, "ISO 97001:2020", "Second title")));

        Assert.Equal((1, 1), (result.Inserted, result.Duplicates));
        Assert.Equal("Second title", await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == 970001).Select(d => d.TitleEn).SingleAsync()));
    }

    [Fact]
    public async Task ImportedTitlesFeedTheTypoVocabulary()
    {
        await factory.ImportDeliverablesAsync(Lines(CatalogueFactory.Line(980001, "ISO 98001:2020", "Xylophone tuning — Requirements")));

        Assert.True(await factory.WithDbAsync(db => db.CatalogueWords.AnyAsync(w => w.Word == "xylophone")));
    }

    [Fact]
    public async Task TextsWithTabsBackslashesQuotesAndLineBreaksLoadExactlyAsWritten()
    {
        const string title = "Pipes \\ fittings\tfor \"wet\" {rooms, cellars} \\N — Part 1";
        const string scope = "First line\nsecond line\r\nthird\\line\tend";
        const string spanish = "Tubos \"húmedos\" \\ {a,b}";
        await factory.ImportDeliverablesAsync(Lines(CatalogueFactory.Line(985001, "ISO 98501-1:2021", title, 6060,
            ("title", new Dictionary<string, string> { ["en"] = title, ["es"] = spanish }),
            ("scope", new Dictionary<string, string> { ["en"] = scope, ["fr"] = "Portée" }),
            ("sdgs", new[] { 13, 6 }),
            ("replaces", new[] { 985000, 984999 }),
            ("pages", new Dictionary<string, int> { ["en"] = 12 }))));

        var d = await factory.WithDbAsync(db => db.Deliverables.SingleAsync(x => x.Id == 985001));

        Assert.Equal(title, d.TitleEn);
        Assert.Equal(scope, d.ScopeEn);
        Assert.Equal("Portée", d.ScopeFr);
        Assert.Equal(spanish, d.OtherTitles["es"]);
        Assert.Equal([6, 13], d.Sdgs);
        Assert.Equal([985000, 984999], d.Replaces);
        Assert.Equal((12, (int?)null), (d.PagesEn, d.PagesFr));
        Assert.Equal(new DateOnly(2020, 1, 15), d.PublicationDate);
        Assert.Equal(["03.120.10"], d.IcsCodes);
        Assert.Equal("ISO 98501-1", d.BaseKey);
    }
}
