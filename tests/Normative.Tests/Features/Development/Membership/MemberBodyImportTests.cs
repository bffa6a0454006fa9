using System.Text;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Membership;

public class MemberBodyImportTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private static List<MemberBodyImportLine> Csv(string text) => MemberBodyImport.ReadCsv(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public void CsvLinesAreCheckedOneByOneWithTheirLineNumbers()
    {
        var lines = Csv("""
            acronym,code,name,category,region,web_site
            GSA,GH,Ghana Standards Authority,MemberBody,Africa,https://gsa.example.org
            BAD,XX,Nowhere,MemberBody,Africa,
            SLSB,SL,Sierra Leone Standards Bureau,Partner,Africa,
            NOSITE,NG,Standards Organisation of Nigeria,MemberBody,Africa,ftp://son.example.org
            """);

        Assert.Equal([2L, 3L, 4L, 5L], lines.Select(l => l.Line));
        Assert.Equal("GH", lines[0].Draft!.CountryCode);
        Assert.Equal("https://gsa.example.org", lines[0].Draft!.WebSite);
        Assert.Equal([null, "Error.Member.Country", "Error.Member.CategoryValue", "Error.Member.WebSite"], lines.Select(l => l.ProblemKey));
    }

    [Fact]
    public void CsvWithoutTheNeededColumnsIsRefusedWhole()
    {
        var line = Assert.Single(Csv("code,name\nGH,Ghana Standards Authority\n"));
        Assert.Equal("Import.Member.Header", line.ProblemKey);
        Assert.Contains("acronym", (string)line.ProblemArgs![0], StringComparison.Ordinal);
    }

    [Fact]
    public void JsonLinesAreReadWithTheirLineNumbers()
    {
        var lines = MemberBodyImport.ReadJsonLines(new StringReader("""
            {"code":"gh","acronym":"GSA","name":"Ghana Standards Authority","category":"memberbody","region":"Africa","contactEmail":"info@gsa.example.org"}

            {"code":"SL","acronym":
            [1,2]
            """));
        Assert.Equal([1L, 3L, 4L], lines.Select(l => l.Line));
        Assert.Equal(("GH", "info@gsa.example.org"), (lines[0].Draft!.CountryCode, lines[0].Draft!.ContactEmail));
        Assert.Equal(["Import.Member.Json", "Import.Member.Json"], lines.Skip(1).Select(l => l.ProblemKey));
    }

    [Fact]
    public async Task ImportCreatesAndUpdatesAndLoadsNothingFromBadOrConflictingLines()
    {
        var existing = await factory.WithDbAsync(async db =>
        {
            var result = await MemberBodyActions.CreateAsync(db, new MemberBodyDraft("ET", "ESA", "Ethiopian Standards Agency", MemberCategory.MemberBody, Region.Africa), null, DateTimeOffset.UtcNow);
            return result.Value!;
        });
        var file = Path.Combine(Path.GetTempPath(), $"members-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, """
            code,acronym,name,category,region
            BW,BOBS,Botswana Bureau of Standards,MemberBody,Africa
            ET,ESA,Ethiopian Standards Agency,CorrespondentMember,Africa
            LS,ESA,Lesotho Standards,MemberBody,Africa
            BW,BOBS2,Botswana again,MemberBody,Africa
            NA,NSI,Namibian Standards Institution,Subscriber,Africa
            """);
        try
        {
            var run = await CliProcess.RunAsync(null, "import", "members", file, "--ConnectionStrings:Normative=" + factory.ConnectionString);

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("Member bodies: 1 created, 1 updated, 3 lines refused.", run.Output, StringComparison.Ordinal);
            var name = Path.GetFileName(file);
            Assert.Contains($"{name}:4: The acronym ESA is already the member body of ET.", run.Error, StringComparison.Ordinal);
            Assert.Contains($"{name}:5: BW is already on an earlier line of the file.", run.Error, StringComparison.Ordinal);
            Assert.Contains($"{name}:6: category: Subscriber is not a category", run.Error, StringComparison.Ordinal);
            var bodies = await factory.WithDbAsync(db => db.MemberBodies.Where(m => new[] { "BW", "ET", "LS", "NA" }.Contains(m.CountryCode)).ToDictionaryAsync(m => m.CountryCode));
            Assert.Equal(["BW", "ET"], bodies.Keys.Order());
            Assert.Equal(("BOBS", "Botswana", "BWA"), (bodies["BW"].Acronym, bodies["BW"].CountryEn, bodies["BW"].CountryCode3));
            Assert.Equal(MemberCategory.CorrespondentMember, bodies["ET"].Category);
            var change = await factory.WithDbAsync(db => db.MemberBodyEvents.Where(e => e.MemberBodyId == existing.Id).OrderBy(e => e.Id).ToListAsync());
            Assert.Equal([MemberBodyEventKind.Created, MemberBodyEventKind.CategoryChanged], change.Select(e => e.Kind));
            Assert.Equal((MemberCategory?)MemberCategory.MemberBody, change[1].FromCategory);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
