using Normative.Cli.Demo;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Identifiers;

namespace Normative.Tests.Features.Catalogue;

public class DeliverableGeneratorTests
{
    private static readonly List<Normative.Features.Catalogue.OpenData.DeliverableRecord> Sample = new DeliverableGenerator(7).Generate(6000).ToList();

    [Fact]
    public void GivesExactlyTheCountWithUniqueIdsAndReferences()
    {
        Assert.Equal(6000, Sample.Count);
        Assert.Equal(6000, Sample.Select(r => r.Id).Distinct().Count());
        Assert.Equal(6000, Sample.Select(r => r.Reference).Distinct().Count());
    }

    [Fact]
    public void EveryReferenceIsACanonicalIdentifier() =>
        Assert.All(Sample, r => Assert.Equal(r.Reference, PublicationIdentifier.Parse(r.Reference).ToString()));

    [Fact]
    public void ReplacesAndReplacedByPointAtEachOther()
    {
        var byId = Sample.ToDictionary(r => r.Id);
        foreach (var r in Sample)
        {
            foreach (var id in r.ReplacedBy)
            {
                Assert.Contains(r.Id, byId[id].Replaces);
            }
            foreach (var id in r.Replaces)
            {
                Assert.Contains(r.Id, byId[id].ReplacedBy);
            }
        }
        Assert.Contains(Sample, r => r.Replaces.Count > 0);
    }

    [Fact]
    public void HasTheMixOfTheRealCatalogue()
    {
        var statuses = Sample.GroupBy(r => HarmonizedStages.StatusOf(r.CurrentStage)).ToDictionary(g => g.Key, g => g.Count());
        Assert.InRange(statuses[DeliverableStatus.Withdrawn], 1500, 4000);
        Assert.InRange(statuses[DeliverableStatus.Published], 1500, 3500);
        Assert.InRange(statuses[DeliverableStatus.UnderDevelopment], 150, 800);
        Assert.True(statuses[DeliverableStatus.Deleted] > 10);
        foreach (var type in new[] { "IS", "TS", "TR", "PAS" })
        {
            Assert.Contains(Sample, r => r.DeliverableType == type);
        }
        Assert.Contains(Sample, r => r.SupplementType == "Amd");
        Assert.Contains(Sample, r => r.SupplementType == "Cor");
        Assert.InRange(Sample.Count(r => r.TitleFr is not null) / (double)Sample.Count, 0.3, 0.8);
        Assert.Equal(40, Sample.SelectMany(r => r.IcsCodes).Select(c => c[..2]).Distinct().Count());
        Assert.All(Sample, r => Assert.True(HarmonizedStages.IsKnown(r.CurrentStage)));
    }

    [Fact]
    public void SameSeedSameData() =>
        Assert.Equal(new DeliverableGenerator(3).Generate(500).Select(r => r.Reference), new DeliverableGenerator(3).Generate(500).Select(r => r.Reference));
}
