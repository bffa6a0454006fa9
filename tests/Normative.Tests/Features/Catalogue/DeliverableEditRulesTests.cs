using Normative.Features.Catalogue.Editing;
using Normative.Features.Catalogue.OpenData;

namespace Normative.Tests.Features.Catalogue;

public class DeliverableEditRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static DeliverableRecord Record(int stage = 6060, DateOnly? date = null, string reference = "ISO 9001:2015", string? supplement = null) =>
        new(62085, "IS", supplement, reference, "Quality management systems — Requirements", "Systèmes de management de la qualité — Exigences",
            date ?? new DateOnly(2015, 9, 15), 5, ["03.100.70", "03.120.10"], "ISO/TC 176/SC 2", stage, [46486], [], ["en", "fr"], 29, null,
            "Requirements for a quality management system.", null, [8, 9]);

    [Fact]
    public void ADiffListsOnlyTheChangedFieldsInTheExportsOrderAndWordsAsTheCsvWritesThem()
    {
        var before = Record();
        var after = before with { TitleFr = "Systèmes de management de la qualité — Exigences corrigées", IcsCodes = ["03.120.10"], Sdgs = [8, 9, 12] };

        var changes = DeliverableEdits.Diff(before, after);

        Assert.Equal(["title.fr", "icsCode", "sdgs"], changes.Select(c => c.Field));
        Assert.Equal(new FieldChange("icsCode", "[03.100.70, 03.120.10]", "[03.120.10]"), changes[1]);
        Assert.Equal(new FieldChange("sdgs", "[8, 9]", "[8, 9, 12]"), changes[2]);
        Assert.Empty(DeliverableEdits.Diff(before, before with { }));
    }

    [Fact]
    public void ARecordWithoutGoalsLeavesTheGoalsOutOfTheDiff()
    {
        Assert.Empty(DeliverableEdits.Diff(Record(), Record() with { Sdgs = null }));
        Assert.Equal(["sdgs"], DeliverableEdits.Diff(Record(), Record() with { Sdgs = [] }).Select(c => c.Field));
    }

    [Fact]
    public void APublishedRecordCannotBeDatedInTheFutureButADraftMay()
    {
        Assert.Contains(DeliverableChecks.Check(Record(date: Today.AddDays(1)), Today), p => p.Key == "Edit.Error.FutureDate");
        Assert.DoesNotContain(DeliverableChecks.Check(Record(stage: 4020, date: Today.AddDays(30)), Today), p => p.Key == "Edit.Error.FutureDate");
        Assert.Empty(DeliverableChecks.Check(Record(date: Today), Today));
    }

    [Fact]
    public void TheSupplementKindAndTheReferenceMustAgree()
    {
        Assert.Contains(DeliverableChecks.Check(Record(reference: "ISO 9001:2015/Amd 1:2024"), Today), p => p.Key == "Edit.Error.SupplementTypeMissing");
        Assert.Contains(DeliverableChecks.Check(Record(supplement: "Amd"), Today), p => p.Key == "Edit.Error.NotASupplement");
        Assert.Empty(DeliverableChecks.Check(Record(reference: "ISO 9001:2015/Amd 1:2024", supplement: "Amd"), Today));
    }

    [Fact]
    public void AnEditionCannotReplaceItselfNorBeBothOlderAndNewerThanAnother()
    {
        Assert.Contains(DeliverableChecks.Check(Record() with { Replaces = [62085] }, Today), p => p.Key == "Edit.Error.Cycle");
        Assert.Contains(DeliverableChecks.Check(Record() with { ReplacedBy = [46486] }, Today), p => p.Key == "Edit.Error.Cycle");
        Assert.Contains(DeliverableChecks.Check(Record() with { Reference = "ISO nine" }, Today), p => p.Field == "reference");
    }
}
