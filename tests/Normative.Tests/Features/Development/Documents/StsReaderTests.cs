using System.Text;
using Normative.Features.Development.Documents;

namespace Normative.Tests.Features.Development.Documents;

public class StsReaderTests
{
    private static StsDraft Read(string xml)
    {
        var draft = StsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), out var problem);
        Assert.True(draft is not null, problem);
        return draft;
    }

    [Fact]
    public void ClausesAreReadInDocumentOrderWithTheirTitles()
    {
        var outline = Read(StsSamples.Numbered()).Outline;
        Assert.Equal(["Foreword", "1", "2", "3", "3.1", "4", "4.1", "4.2", "Annex A"], outline.Clauses.Select(c => c.Number));
        Assert.Equal("4.2 Leadership", outline.Find("4.2")!.Caption);
        Assert.Equal("quality", outline.Find("3.1")!.Title);
        Assert.Equal("clause-annex-a", outline.Find("annex a")!.Anchor);
    }

    [Fact]
    public void LineMarksGiveTheDraftsLinesAndEachClausesRange()
    {
        var outline = Read(StsSamples.Numbered()).Outline;
        Assert.True(outline.HasLines);
        Assert.Equal(Enumerable.Range(1, 12), outline.Lines);
        var requirements = outline.Find("4")!;
        Assert.Equal((5, 10), (requirements.FirstLine, requirements.LastLine));
        Assert.Equal((8, 10), (outline.Find("4.2")!.FirstLine, outline.Find("4.2")!.LastLine));
        Assert.True(outline.HasAllLines("8-10, 12"));
        Assert.False(outline.HasAllLines("13"));
        Assert.False(outline.HasAllLines("12-40"));
    }

    [Fact]
    public void TheDraftIsShownAsEscapedTextWithAnchorsForClausesAndLines()
    {
        var html = Read(StsSamples.Numbered()).Html;
        Assert.Contains("<section class=\"draft-clause\" id=\"clause-4-2\"><h4>4.2 Leadership</h4>", html);
        Assert.Contains("id=\"line-8\"", html);
        Assert.Contains("guidance — not requirements – on <em>quality</em>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; is text", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("title-wrap", html);
    }

    [Fact]
    public void TheSharedSamplesReadWithoutTheirDtd()
    {
        var draft = Read(File.ReadAllText(SharedData.PathTo("sts/feature_doc.xml")));
        Assert.Contains(draft.Outline.Clauses, c => c.Number == "8.6.1");
        Assert.Contains(draft.Outline.Clauses, c => c.Number == "Annex F" && c.Title == "Considerations for the audit programme, scope or plan");
        Assert.False(draft.Outline.HasLines);
        var meta = Read(File.ReadAllText(SharedData.PathTo("sts/Samp1.xml")));
        Assert.Empty(meta.Outline.Clauses);
    }

    [Fact]
    public void EverySharedSampleReadsThoughItsPrefixesAreDeclaredOnlyInTheDtd()
    {
        foreach (var file in Directory.GetFiles(SharedData.PathTo("sts"), "*.xml"))
        {
            Assert.True(StsReader.Read(File.OpenRead(file), out var problem) is not null, $"{Path.GetFileName(file)}: {problem}");
        }
        var terms = Read(File.ReadAllText(SharedData.PathTo("sts/tbx-examples.xml"))).Outline;
        Assert.NotEmpty(terms.Clauses);
    }

    [Fact]
    public void AnExternalEntityIsNeverResolved()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "the secret");
        try
        {
            var xml = $"""
                <?xml version="1.0"?>
                <!DOCTYPE standard [<!ENTITY leak SYSTEM "file://{secret}">]>
                <standard><body><sec><label>1</label><title>Scope</title><p>&leak;</p></sec></body></standard>
                """;
            var draft = StsReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(xml)), out var problem);
            Assert.True(draft is null || !draft.Html.Contains("the secret", StringComparison.Ordinal));
            Assert.True(draft is not null || problem is not null);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void TextThatIsNotWellFormedIsRefusedWithTheReason()
    {
        Assert.Null(StsReader.Read(new MemoryStream("<standard><body><sec>"u8.ToArray()), out var problem));
        Assert.NotNull(problem);
        // An entity neither HTML nor the file declares is not guessed at: the draft is not shown as text, and the reason names it.
        Assert.Null(StsReader.Read(new MemoryStream("<standard><body><p>&nosuchentity;</p></body></standard>"u8.ToArray()), out var unknown));
        Assert.Contains("nosuchentity", unknown, StringComparison.Ordinal);
    }
}
