using Normative.Features.Catalogue;
using Normative.Features.Content.Mailings;
using Normative.Features.Content.Updates;

namespace Normative.Tests.Features.Content;

public class DigestRulesTests
{
    private static readonly Dictionary<string, SectorMapping> NoSectors = [];

    private static Deliverable Standard(string ics, string? committee = null) =>
        new() { Id = 1, DeliverableType = "IS", Reference = "ISO 1:2030", IcsCodes = [ics], OwnerCommittee = committee };

    [Theory]
    [InlineData("13", "13.020.10", true)]
    [InlineData("13.020", "13.020.10", true)]
    [InlineData("13.020", "13.020", true)]
    [InlineData("13.020.10", "13.020.10", true)]
    [InlineData("13.020", "13.030.01", false)]
    [InlineData("13.020.10", "13.020.15", false)]
    [InlineData("13", "11.020", false)]
    public void AnIcsTopicTakesItsCodeAndEverythingBelowIt(string topic, string classified, bool covered) =>
        Assert.Equal(covered, DigestRules.Covers([UpdateTopics.ForIcs(topic)], Standard(classified), NoSectors, new Dictionary<string, string>()));

    [Theory]
    [InlineData("ISO/TC 207", true)]
    [InlineData("ISO/TC 207/SC 1", true)]
    [InlineData("ISO/TC 2071", false)]
    [InlineData("ISO/TC 20", false)]
    [InlineData(null, false)]
    public void ACommitteeTopicTakesTheCommitteeAndItsSubcommitteesByTheCurrentReference(string? owner, bool covered) =>
        Assert.Equal(covered, DigestRules.Covers([UpdateTopics.ForCommittee("iso-tc-207")], Standard("01.040", owner), NoSectors,
            new Dictionary<string, string> { ["iso-tc-207"] = "ISO/TC 207" }));

    [Fact]
    public void ACommitteeTopicWhoseCommitteeIsGoneTakesNothing() =>
        Assert.False(DigestRules.Covers([UpdateTopics.ForCommittee("iso-tc-207")], Standard("01.040", "ISO/TC 207"), NoSectors, new Dictionary<string, string>()));

    [Fact]
    public void TopicsAreStoredInOneOrderWhateverTheFormSent() =>
        Assert.Equal(["news", "ics:03", "ics:13.020", "committee:iso-tc-207"],
            UpdateTopics.Clean(["committee:iso-tc-207", "ics:13.020", "ics:13.020", "news", "ics:03", "ics:13.0", "committee:ISO TC", "sector:nowhere"]));
}
