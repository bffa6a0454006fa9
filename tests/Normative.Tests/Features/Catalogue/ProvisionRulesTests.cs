using Normative.Features.Catalogue.Provisions;

namespace Normative.Tests.Features.Catalogue;

public class ProvisionRulesTests
{
    [Theory]
    [InlineData("The organization shall keep records.", ProvisionKind.Requirement, false)]
    [InlineData("Records shall not be destroyed.", ProvisionKind.Requirement, true)]
    [InlineData("The report should name the laboratory.", ProvisionKind.Recommendation, false)]
    [InlineData("Samples should not be frozen.", ProvisionKind.Recommendation, true)]
    [InlineData("The test may be repeated.", ProvisionKind.Permission, false)]
    [InlineData("The test need not be repeated.", ProvisionKind.Permission, true)]
    [InlineData("The device can measure 5 mm.", ProvisionKind.Possibility, false)]
    [InlineData("The device cannot measure below 1 mm.", ProvisionKind.Possibility, true)]
    [InlineData("It is recommended that the test be repeated.", ProvisionKind.Recommendation, false)]
    [InlineData("The supplier shall test and may repeat the test.", ProvisionKind.Requirement, false)]
    public void EnglishVerbalFormsGiveTheKind(string sentence, ProvisionKind kind, bool negative)
    {
        Assert.Equal((kind, negative), ProvisionRules.Classify(sentence, "en"));
    }

    [Theory]
    [InlineData("L'organisme doit conserver les enregistrements.", ProvisionKind.Requirement, false)]
    [InlineData("Les échantillons doivent être conservés au froid.", ProvisionKind.Requirement, false)]
    [InlineData("Les enregistrements ne doivent pas être détruits.", ProvisionKind.Requirement, true)]
    [InlineData("Il convient que le rapport nomme le laboratoire.", ProvisionKind.Recommendation, false)]
    [InlineData("Il convient de ne pas congeler les échantillons.", ProvisionKind.Recommendation, true)]
    [InlineData("L'essai peut être répété.", ProvisionKind.Permission, false)]
    [InlineData("Les essais peuvent être répétés.", ProvisionKind.Permission, false)]
    [InlineData("Le fournisseur n'est pas tenu de répéter l'essai.", ProvisionKind.Permission, true)]
    [InlineData("L'appareil ne peut pas mesurer moins de 1 mm.", ProvisionKind.Possibility, true)]
    [InlineData("Il est possible de mesurer 5 mm.", ProvisionKind.Possibility, false)]
    public void FrenchVerbalFormsGiveTheKind(string sentence, ProvisionKind kind, bool negative)
    {
        Assert.Equal((kind, negative), ProvisionRules.Classify(sentence, "fr"));
    }

    [Theory]
    [InlineData("This document specifies requirements for a quality management system.", "en")]
    [InlineData("Published in May 2024 by the committee.", "en")]
    [InlineData("The marshalling yard is described in Annex A.", "en")]
    [InlineData("Ce document est peut-être utile.", "fr")]
    [InlineData("The organization shall keep records.", "ru")]
    public void SentencesWithoutAVerbalFormAreNoProvisions(string sentence, string language)
    {
        Assert.Null(ProvisionRules.Classify(sentence, language));
    }

    [Fact]
    public void ParagraphsSplitIntoSentencesButNotAtAbbreviationsOrNumbers()
    {
        var sentences = ProvisionRules.Sentences(
            "The organization shall apply 3.1.2 to all sites, e.g. offices and plants. Records should be kept (see Fig. 2). Tests may be repeated! Why? Because.");

        Assert.Equal(
            ["The organization shall apply 3.1.2 to all sites, e.g. offices and plants.", "Records should be kept (see Fig. 2).", "Tests may be repeated!", "Why?", "Because."],
            sentences);
    }

    [Fact]
    public void NotesExamplesAndFootnotesHoldNoProvisions()
    {
        const string html = """
            <p>The laboratory shall calibrate the balance.<sup class="fnref"><a href="#fn1">1</a></sup> It should do so yearly.</p>
            <div class="note"><span class="label">NOTE</span> <p>The balance shall be cleaned first.</p></div>
            <div class="example"><span class="label">EXAMPLE</span> A balance may be calibrated monthly.</div>
            <ul><li>Each weighing shall be recorded;</li><li>weights can be borrowed.</li></ul>
            <table><tr><th>Item</th></tr><tr><td>Results need not be rounded.</td></tr></table>
            <aside class="footnotes"><div class="footnote" id="fn1">A calibration shall be traceable.</div></aside>
            """;

        var found = ProvisionRules.Find(html, "en");

        Assert.Equal(
            [
                (ProvisionKind.Requirement, "The laboratory shall calibrate the balance."),
                (ProvisionKind.Recommendation, "It should do so yearly."),
                (ProvisionKind.Requirement, "Each weighing shall be recorded;"),
                (ProvisionKind.Possibility, "weights can be borrowed."),
                (ProvisionKind.Permission, "Results need not be rounded."),
            ],
            found.Select(p => (p.Kind, p.Text)));
        Assert.True(found[4].Negative);
    }

    [Theory]
    [InlineData("Le fournisseur peut répéter l'essai.")]
    [InlineData("L'essai peut également être répété une fois.")]
    [InlineData("Les résultats peuvent être arrondis au millimètre.")]
    [InlineData("Le laboratoire est autorisé à sous-traiter l'essai.")]
    [InlineData("Il est admis d'utiliser une autre méthode.")]
    public void FrenchPeutInTheSenseOfIsAllowedToIsAPermission(string sentence)
    {
        Assert.Equal((ProvisionKind.Permission, false), ProvisionRules.Classify(sentence, "fr"));
        Assert.False(ProvisionRules.FrenchPeutIsPossibility(sentence));
    }

    [Theory]
    [InlineData("Une humidité élevée peut entraîner une corrosion du boîtier.")]
    [InlineData("La température peut varier de 2 °C pendant l'essai.")]
    [InlineData("Des erreurs peuvent se produire lors du transfert.")]
    [InlineData("Il se peut que la mesure soit faussée.")]
    [InlineData("Cela peut réduire la durée de vie du capteur.")]
    [InlineData("Un second essai peut être nécessaire.")]
    [InlineData("Le revêtement peut être endommagé par les solvants.")]
    [InlineData("La couleur peut parfois différer entre deux lots.")]
    public void FrenchPeutInTheSenseOfItIsPossibleThatIsAPossibility(string sentence)
    {
        Assert.Equal((ProvisionKind.Possibility, false), ProvisionRules.Classify(sentence, "fr"));
        Assert.True(ProvisionRules.FrenchPeutIsPossibility(sentence));
    }

    [Fact]
    public void AFrenchSentenceWithBothSensesCountsAsAPermission()
    {
        Assert.Equal((ProvisionKind.Permission, false), ProvisionRules.Classify("Le fournisseur peut répéter l'essai, ce qui peut réduire l'incertitude.", "fr"));
    }

    [Fact]
    public void AListIntroducedByShallGivesOneRequirementPerItem()
    {
        const string html = """
            <p>The enclosure shall:</p>
            <ul class="list"><li><span class="label">a)</span> <p>be made of metal;</p></li><li><span class="label">b)</span> withstand 5 kPa;</li><li><span class="label">c)</span> should be painted.</li></ul>
            <p>Labels may be printed.</p>
            """;

        var found = ProvisionRules.Find(html, "en");

        Assert.Equal(
            [
                (ProvisionKind.Requirement, "The enclosure shall: a) be made of metal;"),
                (ProvisionKind.Requirement, "The enclosure shall: b) withstand 5 kPa;"),
                (ProvisionKind.Recommendation, "The enclosure shall: c) should be painted."),
                (ProvisionKind.Permission, "Labels may be printed."),
            ],
            found.Select(p => (p.Kind, p.Text)));
    }

    [Fact]
    public void AFrenchListIntroducedByDoitGivesOneRequirementPerItemEvenInsideItsParagraph()
    {
        // STS puts the list inside the paragraph that introduces it; HTML closes the paragraph before it.
        const string html = """
            <p>Le rapport d'essai doit :<ul class="list"><li>identifier l'échantillon ;</li><li>indiquer la température.</li></ul></p>
            """;

        var found = ProvisionRules.Find(html, "fr");

        Assert.Equal(
            [
                (ProvisionKind.Requirement, false, "Le rapport d'essai doit : identifier l'échantillon ;"),
                (ProvisionKind.Requirement, false, "Le rapport d'essai doit : indiquer la température."),
            ],
            found.Select(p => (p.Kind, p.Negative, p.Text)));
    }

    [Fact]
    public void AnIntroductionWithoutAListIsOneProvision()
    {
        var found = ProvisionRules.Find("<p>The report shall state the following:</p><p>Results are in Table 2.</p>", "en");

        Assert.Equal([(ProvisionKind.Requirement, "The report shall state the following:")], found.Select(p => (p.Kind, p.Text)));
    }

    [Fact]
    public void ALanguageWithoutKnownFormsFindsNothing()
    {
        Assert.Empty(ProvisionRules.Find("<p>The organization shall keep records.</p>", "de"));
    }
}
