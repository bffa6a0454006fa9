using Normative.Features.Catalogue;
using Normative.Features.Store.Alerts;

namespace Normative.Tests.Features.Store.Alerts;

public class AlertRulesTests
{
    private static Deliverable D(int id, string reference, int stage = 6060, List<int>? replaces = null, List<int>? replacedBy = null, string? supplement = null) => new()
    {
        Id = id, DeliverableType = "IS", Reference = reference, TitleEn = "T", CurrentStage = stage,
        Replaces = replaces ?? [], ReplacedBy = replacedBy ?? [], SupplementType = supplement,
    };

    [Fact]
    public void ADeliverableThatReplacesTheBoughtOneIsANewEdition()
    {
        var bought = D(1, "ISO 9001:2008");
        var changes = AlertRules.ChangesFor(bought, [D(2, "ISO 9001:2015", replaces: [1]), D(3, "ISO 14001:2015")]);
        var change = Assert.Single(changes);
        Assert.Equal(AlertKind.NewEdition, change.Kind);
        Assert.Equal(2, change.NewDeliverableId);
        Assert.Equal("NewEdition:2", change.Key);
    }

    [Fact]
    public void TheBoughtOnesReplacedByListAlsoNamesNewEditions() =>
        Assert.Equal(AlertKind.NewEdition, Assert.Single(AlertRules.ChangesFor(D(1, "ISO 9001:2008", replacedBy: [2]), [D(2, "ISO 9001:2015")])).Kind);

    [Fact]
    public void AnEditionStillInDraftIsNotNews() =>
        Assert.Empty(AlertRules.ChangesFor(D(1, "ISO 9001:2015"), [D(2, "ISO/DIS 9001", stage: 4060, replaces: [1])]));

    [Fact]
    public void PublishedSupplementsToTheBoughtEditionAreAmendmentsAndCorrigenda()
    {
        var bought = D(1, "ISO 9001:2015");
        var changes = AlertRules.ChangesFor(bought,
        [
            D(2, "ISO 9001:2015/Amd 1:2024", supplement: "Amd"),
            D(3, "ISO 9001:2015/Cor 1:2016", supplement: "Cor"),
            D(4, "ISO 9001:2008/Amd 1:2010", supplement: "Amd"),
            D(5, "ISO 9001:2015/DAmd 2", stage: 4060, supplement: "Amd"),
            D(6, "ISO 90011:2015/Amd 1:2020", supplement: "Amd"),
            D(7, "ISO 9001-1:2015/Amd 1:2020", supplement: "Amd"),
        ]);
        Assert.Equal([(AlertKind.Amendment, 2), (AlertKind.Corrigendum, 3)], changes.Select(c => (c.Kind, c.NewDeliverableId!.Value)).OrderBy(c => c.Item2));
    }

    [Fact]
    public void ACorrigendumToAnAmendmentConcernsItsBuyerToo()
    {
        var changes = AlertRules.ChangesFor(D(1, "ISO 9001:2015/Amd 1:2024", supplement: "Amd"), [D(2, "ISO 9001:2015/Amd 1:2024/Cor 1:2025", supplement: "Cor")]);
        Assert.Equal(AlertKind.Corrigendum, Assert.Single(changes).Kind);
    }

    [Fact]
    public void AWithdrawnStandardPointsToItsReplacement()
    {
        var changes = AlertRules.ChangesFor(D(1, "ISO/IEC 27001:2013", stage: 9599, replacedBy: [2]), [D(2, "ISO/IEC 27001:2022", replaces: [1])]);
        Assert.Equal([AlertKind.NewEdition, AlertKind.Withdrawn], changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.Equal(2, c.NewDeliverableId));
        Assert.Equal("Withdrawn", changes[1].Key);
    }

    [Fact]
    public void AWithdrawnStandardWithoutReplacementIsStillNews()
    {
        var change = Assert.Single(AlertRules.ChangesFor(D(1, "ISO 216:1975", stage: 9599), []));
        Assert.Equal(AlertKind.Withdrawn, change.Kind);
        Assert.Null(change.NewDeliverableId);
    }

    [Fact]
    public void NothingChangedNothingToSay() => Assert.Empty(AlertRules.ChangesFor(D(1, "ISO 9001:2015"), [D(2, "ISO 14001:2015")]));
}
