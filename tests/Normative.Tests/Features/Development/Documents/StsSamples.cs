namespace Normative.Tests.Features.Development.Documents;

/// <summary>Small STS drafts as committees write them: a DOCTYPE naming a DTD beside the file, HTML's named entities, and (in the numbered one) line marks.</summary>
public static class StsSamples
{
    /// <summary>A draft with a foreword, clauses 1 to 4 (4.1 and 4.2 under 4), a term entry and Annex A, numbered lines 1 to 12.</summary>
    public static string Numbered(string title = "Quality management &mdash; Guidance") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE standard SYSTEM "../ISOSTS.dtd">
        <standard xmlns:tbx="urn:iso:std:iso:30042:ed-1">
          <front>
            <iso-meta><title-wrap xml:lang="en"><full>{title}</full></title-wrap></iso-meta>
            <sec sec-type="foreword"><title>Foreword</title>
              <p><?line 1?>ISO (the International Organization for Standardization) is a worldwide federation.</p>
            </sec>
          </front>
          <body>
            <sec id="sec_1"><label>1</label><title>Scope</title>
              <p><?line 2?>This document gives guidance &mdash; not requirements &ndash; on <italic>quality</italic>.</p>
            </sec>
            <sec id="sec_2"><label>2</label><title>Normative references</title>
              <p><?line 3?>There are no normative references in this document.</p>
            </sec>
            <sec id="sec_3"><label>3</label><title>Terms and definitions</title>
              <term-sec id="sec_3.1"><label>3.1</label>
                <tbx:termEntry id="term_3.1"><tbx:langSet xml:lang="en"><tbx:tig><tbx:term>quality</tbx:term></tbx:tig>
                <tbx:definition><?line 4?>degree to which a set of inherent characteristics fulfils requirements</tbx:definition></tbx:langSet></tbx:termEntry>
              </term-sec>
            </sec>
            <sec id="sec_4"><label>4</label><title>Requirements</title>
              <p><?line 5?>The organization shall determine the following.</p>
              <sec id="sec_4.1"><label>4.1</label><title>Context</title>
                <p><?line 6?>Issues relevant to its purpose &lt;internal&gt; and external.</p>
                <p><?line 7?>Interested parties.</p>
              </sec>
              <sec id="sec_4.2"><label>4.2</label><title>Leadership</title>
                <p><?line 8?>Top management shall demonstrate leadership &amp; commitment.</p>
                <list list-type="dash"><list-item><label>&mdash;</label><p><?line 9?>taking accountability;</p></list-item></list>
                <p><?line 10?>&lt;script&gt;alert(1)&lt;/script&gt; is text, not markup.</p>
              </sec>
            </sec>
          </body>
          <back>
            <app-group>
              <app id="sec_A"><label>Annex A</label><title>Examples</title>
                <p><?line 11?>An example.</p>
                <p><?line 12?>Another example.</p>
              </app>
            </app-group>
          </back>
        </standard>
        """;
}
