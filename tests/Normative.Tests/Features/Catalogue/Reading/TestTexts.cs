using System.Text;
using Normative.Features.Catalogue.Reading;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue.Reading;

/// <summary>A small STS text with every kind of content the reader shows, and a way to load it.</summary>
public static class TestTexts
{
    /// <summary>Foreword, scope, normative references, a term (preview); clause 4 with a table, a formula and a footnote, and annex A (licensed).</summary>
    public static string Full(string reference, string lang = "en") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE standard SYSTEM "ISOSTS.dtd">
        <standard xmlns:mml="http://www.w3.org/1998/Math/MathML" xmlns:tbx="urn:iso:std:iso:30042:ed-1">
        <front><iso-meta>
          <title-wrap xml:lang="{lang}"><full>Weighing instruments &mdash; Vocabulary and requirements</full></title-wrap>
          <content-language>{lang}</content-language><std-ref type="dated">{reference}</std-ref><release-date>2020-05-01</release-date>
          <std-ident><edition>1</edition></std-ident>
        </iso-meta>
        <sec sec-type="foreword" id="sec_foreword"><title>Foreword</title><p>ISO is a worldwide federation of national standards bodies.</p></sec>
        </front>
        <body>
        <sec id="sec_1" sec-type="scope"><label>1</label><title>Scope</title><p>This document specifies requirements for weighing instruments.</p></sec>
        <sec id="sec_2" sec-type="norm-refs"><label>2</label><title>Normative references</title><p>There are no normative references in this document.</p></sec>
        <sec id="sec_3" sec-type="terms"><label>3</label><title>Terms and definitions</title>
          <term-sec id="sec_3.1"><label>3.1</label><tbx:termEntry id="term_3.1"><tbx:langSet xml:lang="{lang}">
            <tbx:definition>property of a body that determines its resistance to acceleration</tbx:definition>
            <tbx:note>Mass is measured in kilograms.</tbx:note>
            <tbx:tig><tbx:term>mass</tbx:term><tbx:normativeAuthorization value="preferredTerm"/></tbx:tig>
          </tbx:langSet></tbx:termEntry></term-sec>
          <term-sec id="sec_3.2"><label>3.2</label><tbx:termEntry id="term_3.2"><tbx:langSet xml:lang="{lang}">
            <tbx:definition>instrument that measures the <tbx:entailedTerm target="term_3.1">mass (3.1)</tbx:entailedTerm> of a load</tbx:definition>
            <tbx:tig><tbx:term>balance</tbx:term></tbx:tig>
          </tbx:langSet></tbx:termEntry></term-sec>
        </sec>
        <sec id="sec_4"><label>4</label><title>Requirements</title>
          <p>The instrument shall indicate the mass<fn id="fn_1"><label>1)</label><p>Within its maximum capacity.</p></fn> of the load (see <xref ref-type="sec" rid="sec_3.1">3.1</xref>).</p>
          <sec id="sec_4.1"><label>4.1</label><title>Accuracy</title>
            <table-wrap id="tab_1"><label>Table 1</label><caption><title>Accuracy classes</title></caption>
              <table><thead><tr><th>Class</th><th>Maximum error</th></tr></thead><tbody><tr><td>I</td><td>0.5 mg</td></tr></tbody></table>
            </table-wrap>
            <disp-formula id="formula_1"><label>(1)</label><mml:math><mml:mi>e</mml:mi><mml:mo>=</mml:mo><mml:mfrac><mml:mi>m</mml:mi><mml:mn>1000</mml:mn></mml:mfrac></mml:math></disp-formula>
          </sec>
        </sec>
        </body>
        <back><app-group><app id="sec_A"><label>Annex A</label><annex-type>(informative)</annex-type><title>Examples of use</title><p>A kitchen balance weighs flour.</p></app></app-group></back>
        </standard>
        """;

    public static Task<StsImportOutcome> LoadAsync(NormativeFactory factory, int deliverableId, string xml, string file = "text.xml") =>
        factory.WithDbAsync(db => StsImport.ImportAsync(db, file, Encoding.UTF8.GetBytes(xml), new StsImportOptions(deliverableId), DateTimeOffset.UtcNow, CancellationToken.None));
}
