using System.Text;
using Normative.Features.Catalogue.Reading;

namespace Normative.Tests.Features.Catalogue.Reading;

public class StsParserTests
{
    public static TheoryData<string> Samples() => new(Directory.GetFiles(SharedData.PathTo("sts"), "*.xml").Select(Path.GetFileName).Order()!);

    private static StsDocument Sample(string name) => StsParser.Parse(File.ReadAllBytes(SharedData.PathTo("sts/" + name)), name);

    private static StsDocument Text(string xml) => StsParser.Parse(Encoding.UTF8.GetBytes(xml), "test.xml");

    [Theory]
    [MemberData(nameof(Samples))]
    public void EverySampleReadsWithoutFetchingItsDtd(string name)
    {
        var doc = Sample(name);
        Assert.NotEmpty(doc.Metas);
        Assert.All(doc.Clauses, c => Assert.DoesNotContain("<script", c.Html, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void IsoMetaGivesTheIdentifierTitlesEditionCommitteeAndRelease()
    {
        var doc = Sample("Samp1.xml");
        var meta = Assert.Single(doc.Metas);
        Assert.Equal(AdoptionLevel.International, meta.Level);
        Assert.Equal("ISO 2560:2009", meta.Reference);
        Assert.Equal("urn:iso:std:iso:2560:ed-3:v1:en", meta.Urn);
        Assert.Equal(3, meta.Edition);
        Assert.Equal("ISO/TC 44/SC 3", meta.Committee);
        Assert.Equal(new DateOnly(2009, 5, 30), meta.ReleaseDate);
        Assert.Equal("en", doc.Language);
        Assert.StartsWith("Welding consumables — Covered electrodes", meta.Titles["en"], StringComparison.Ordinal);
        Assert.StartsWith("Produits consommables pour le soudage — Électrodes enrobées", meta.Titles["fr"], StringComparison.Ordinal);
    }

    [Fact]
    public void NationalAndRegionalAdoptionsAreTheTextsOwnIdentity()
    {
        var national = Sample("nat-meta.xml");
        Assert.Equal(AdoptionLevel.National, national.Own!.Level);
        Assert.Equal("NEN", national.Own.Originator);
        Assert.Null(national.International);
        var regional = Sample("reg-meta.xml");
        Assert.Equal(AdoptionLevel.Regional, regional.Own!.Level);
        Assert.Equal("CEN", regional.Own.Originator);
        var mixed = Sample("meta-mixes_ok_1.xml");
        Assert.Equal(AdoptionLevel.National, mixed.Own!.Level);
        Assert.NotNull(mixed.International);
    }

    [Fact]
    public void ClausesKeepTheirNumbersTitlesAndListsInReadingOrder()
    {
        var doc = Sample("feature_doc.xml");
        var clause = doc.Clauses.Single(c => c.Number == "8.6.1");
        Assert.Equal("sec_8.6.1", clause.Anchor);
        Assert.Contains("<span class=\"label\">—</span>", clause.Html, StringComparison.Ordinal);
        Assert.Contains("to identify and correct product deficiencies,", clause.PlainText, StringComparison.Ordinal);
        Assert.Equal(ClauseKind.Clause, clause.Kind);
        Assert.False(clause.Preview);
        Assert.Equal(doc.Clauses.Count, doc.Clauses.Select(c => c.Anchor).Distinct().Count());
    }

    [Fact]
    public void FormulasAreMathMlAndNothingElse()
    {
        var doc = Text("""
            <standard xmlns:mml="http://www.w3.org/1998/Math/MathML"><front><iso-meta><std-ref type="dated">ISO 1:2020</std-ref></iso-meta></front>
            <body><sec id="s5"><label>5</label><title>Method</title>
            <disp-formula id="f1"><label>(1)</label><mml:math><mml:mi onclick="alert(1)">x</mml:mi><mml:mo>=</mml:mo><mml:mfrac><mml:mn>1</mml:mn><mml:mn>2</mml:mn></mml:mfrac><mml:maction actiontype="statusline"><mml:mi>y</mml:mi></mml:maction></mml:math></disp-formula>
            <p>See <xref ref-type="disp-formula" rid="f1">Formula (1)</xref> and <ext-link xlink:href="javascript:alert(1)" xmlns:xlink="http://www.w3.org/1999/xlink">this</ext-link>.</p>
            </sec></body></standard>
            """);
        var html = doc.Clauses.Single().Html;
        Assert.Contains("<math", html, StringComparison.Ordinal);
        Assert.Contains("<mfrac><mn>1</mn><mn>2</mn></mfrac>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("onclick", html, StringComparison.Ordinal);
        Assert.DoesNotContain("maction", html, StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f1\"", html, StringComparison.Ordinal);
        Assert.Contains("(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public void XhtmlTablesKeepTheirCellsAndHeaders()
    {
        var doc = Sample("isosts_tables.xml");
        var html = string.Concat(doc.Clauses.Select(c => c.Html));
        Assert.Contains("<td>table cell text</td>", html, StringComparison.Ordinal);
        Assert.Contains("scope=\"col\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("style=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void CalsTablesBecomeHtmlTablesWithSpans()
    {
        var doc = Text("""
            <standard xmlns:oasis="http://docs.oasis-open.org/ns/oasis-exchange/table"><front><iso-meta><std-ref>ISO 1:2020</std-ref></iso-meta></front>
            <body><sec><label>4</label><title>Table</title><table-wrap id="t1"><label>Table 1</label><caption><title>Values</title></caption>
            <oasis:table><oasis:tgroup cols="3"><oasis:colspec colname="a"/><oasis:colspec colname="b"/><oasis:colspec colname="c"/>
            <oasis:thead><oasis:row><oasis:entry namest="a" nameend="b">Quantity</oasis:entry><oasis:entry>Unit</oasis:entry></oasis:row></oasis:thead>
            <oasis:tbody><oasis:row><oasis:entry morerows="1">mass</oasis:entry><oasis:entry>m</oasis:entry><oasis:entry>kg</oasis:entry></oasis:row></oasis:tbody>
            </oasis:tgroup></oasis:table></table-wrap></sec></body></standard>
            """);
        var html = doc.Clauses.Single().Html;
        Assert.Contains("<th colspan=\"2\" scope=\"col\">Quantity</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td rowspan=\"2\">mass</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>kg</td>", html, StringComparison.Ordinal);
        Assert.Contains("Table 1", html, StringComparison.Ordinal);
    }

    [Fact]
    public void FootnotesGoToTheEndOfTheirClauseWithALinkBack()
    {
        var doc = Text("""
            <standard><front><iso-meta><std-ref>ISO 1:2020</std-ref></iso-meta></front>
            <body><sec><label>4</label><title>Footnotes</title><p>Text<fn id="fn_1"><label>1)</label><p>The footnote.</p></fn> goes on.</p></sec></body></standard>
            """);
        var html = doc.Clauses.Single().Html;
        Assert.Contains("<a href=\"#fn_1\" id=\"ref-fn_1\">1)</a>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"footnote\" id=\"fn_1\">", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("goes on", StringComparison.Ordinal) < html.IndexOf("The footnote.", StringComparison.Ordinal));
    }

    [Fact]
    public void TermsCarryTheirStatusDefinitionNotesExamplesAndSource()
    {
        var doc = Text("""
            <standard xmlns:tbx="urn:iso:std:iso:30042:ed-1"><front><iso-meta><std-ref>ISO 1:2020</std-ref></iso-meta></front>
            <body><sec sec-type="terms"><label>3</label><title>Terms and definitions</title>
            <term-sec id="sec_3.1"><label>3.1</label><tbx:termEntry id="term_3.1">
              <tbx:langSet xml:lang="en">
                <tbx:definition>quantity of matter in a <tbx:entailedTerm target="term_3.2">body (3.2)</tbx:entailedTerm></tbx:definition>
                <tbx:example>a stone</tbx:example>
                <tbx:note>Mass is not weight.</tbx:note>
                <tbx:source>ISO 80000-4:2019, 4.1</tbx:source>
                <tbx:tig><tbx:term>mass</tbx:term><tbx:normativeAuthorization value="preferredTerm"/></tbx:tig>
                <tbx:tig><tbx:term>weight</tbx:term><tbx:normativeAuthorization value="deprecatedTerm"/></tbx:tig>
              </tbx:langSet>
              <tbx:langSet xml:lang="fr"><tbx:definition>quantité de matière</tbx:definition><tbx:tig><tbx:term>masse</tbx:term></tbx:tig></tbx:langSet>
            </tbx:termEntry></term-sec>
            <term-sec id="sec_3.2"><label>3.2</label><tbx:termEntry id="term_3.2"><tbx:langSet xml:lang="en"><tbx:definition>object</tbx:definition><tbx:tig><tbx:term>body</tbx:term></tbx:tig></tbx:langSet></tbx:termEntry></term-sec>
            </sec></body></standard>
            """);
        var mass = doc.Terms.Single(t => t.Term == "mass");
        Assert.Equal(TermStatus.Preferred, mass.Status);
        Assert.Equal("3.1", mass.Number);
        Assert.Equal("sec_3.1", mass.ClauseAnchor);
        Assert.Contains("quantity of matter", mass.DefinitionHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#sec_3.2\"", mass.DefinitionHtml, StringComparison.Ordinal);
        Assert.Equal(["a stone"], mass.ExamplesHtml);
        Assert.Equal(["Mass is not weight."], mass.NotesHtml);
        Assert.Equal("ISO 80000-4:2019, 4.1", mass.Source);
        Assert.Equal(TermStatus.Deprecated, doc.Terms.Single(t => t.Term == "weight").Status);
        Assert.Equal("fr", doc.Terms.Single(t => t.Term == "masse").Language);
        Assert.Equal(mass.Concept, doc.Terms.Single(t => t.Term == "masse").Concept);

        var clause = doc.Clauses.Single(c => c.Anchor == "sec_3.1");
        Assert.Equal("mass", clause.Title);
        Assert.True(clause.Preview);
        Assert.Equal(2, clause.Level);
        Assert.Contains("Note 1 to entry:", clause.Html, StringComparison.Ordinal);
        Assert.Contains("DEPRECATED: weight", clause.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void SamplesTermsAreReadPerLanguageWithTheirStatus()
    {
        var doc = Sample("tbx-examples.xml");
        Assert.True(doc.Terms.Count > 100);
        Assert.Contains(doc.Terms, t => t.Term == "buoyancy" && t.DefinitionHtml.StartsWith("resultant of upward forces", StringComparison.Ordinal));
        Assert.Contains(doc.Terms, t => t.Status == TermStatus.Admitted);
        Assert.Contains(doc.Terms, t => t.Status == TermStatus.Deprecated);
        Assert.True(doc.Terms.Select(t => t.Language).Distinct().Count() > 1);
    }

    [Theory]
    [InlineData("ClauseOnePreview", "1", null, ClauseKind.Scope)]
    [InlineData("ClauseFour", "4", "Requirements", ClauseKind.Clause)]
    [InlineData("French terms", "3", "Termes et définitions", ClauseKind.TermsAndDefinitions)]
    [InlineData("Foreword", null, "Foreword", ClauseKind.Foreword)]
    public void TheKindOfAClauseDecidesThePreview(string _, string? number, string? title, ClauseKind expected)
    {
        Assert.Equal(expected, ClauseRules.KindOf("sec", null, title, number));
        Assert.Equal(expected != ClauseKind.Clause, ClauseRules.IsPreview(expected));
        Assert.False(ClauseRules.IsPreview(ClauseKind.Annex));
        Assert.False(ClauseRules.IsPreview(ClauseKind.Bibliography));
    }

    [Fact]
    public void AnExternalEntityIsNeverFetched()
    {
        var e = Assert.Throws<StsFormatException>(() => Text("""
            <?xml version="1.0"?>
            <!DOCTYPE standard [
              <!ENTITY secret SYSTEM "file:///etc/passwd">
            ]>
            <standard><front><iso-meta><std-ref>&secret;</std-ref></iso-meta></front></standard>
            """));
        Assert.Equal(3, e.Line);
        Assert.Contains("external", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NestedEntitiesAreRefusedSoNoBillionLaughs()
    {
        var e = Assert.Throws<StsFormatException>(() => Text("""
            <?xml version="1.0"?>
            <!DOCTYPE standard [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            ]>
            <standard><front><iso-meta><std-ref>&lol2;</std-ref></iso-meta></front></standard>
            """));
        Assert.Equal(4, e.Line);
    }

    [Fact]
    public void AnUnknownEntityIsAnErrorWithItsLine()
    {
        var e = Assert.Throws<StsFormatException>(() => Text("<standard>\n<front>\n<iso-meta><std-ref>ISO 1 &nosuchthing; x</std-ref></iso-meta></front></standard>"));
        Assert.Equal("test.xml, line 3: the entity &nosuchthing; is unknown (only HTML's named entities and the file's own plain-text ones are read)", e.Message);
    }

    [Theory]
    [InlineData("not xml at all", 1, "not XML")]
    [InlineData("<standard>\n<front>\n<iso-meta></front></standard>", 3, "not well-formed")]
    [InlineData("<html><body/></html>", 1, "not an STS document")]
    [InlineData("<standard><body/></standard>", 1, "no front matter")]
    public void BadFilesSayWhatAndWhere(string xml, int line, string reason)
    {
        var e = Assert.Throws<StsFormatException>(() => Text(xml));
        Assert.Equal(line, e.Line);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ATermEntryWithoutATermIsAnErrorWithItsLine()
    {
        var e = Assert.Throws<StsFormatException>(() => Text("""
            <standard xmlns:tbx="urn:iso:std:iso:30042:ed-1"><front><iso-meta><std-ref>ISO 1:2020</std-ref></iso-meta></front>
            <body><sec><label>3</label>
            <term-sec><label>3.1</label><tbx:termEntry>
            <tbx:langSet xml:lang="en"><tbx:definition>orphan</tbx:definition></tbx:langSet></tbx:termEntry></term-sec></sec></body></standard>
            """));
        Assert.Equal(3, e.Line);
        Assert.Contains("without a term", e.Reason, StringComparison.Ordinal);
    }
}
