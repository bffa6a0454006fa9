using Normative.Features.Catalogue;

namespace Normative.Tests.Features.Catalogue;

public class LifeCycleTests
{
    private static Deliverable D(int id, string reference, int stage, string? date = null, int[]? replaces = null, int[]? replacedBy = null, int? edition = null) =>
        Status(new Deliverable
        {
            Id = id,
            DeliverableType = "IS",
            Reference = reference,
            TitleEn = "Quality management systems — Requirements",
            CurrentStage = stage,
            PublicationDate = date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            Replaces = [.. replaces ?? []],
            ReplacedBy = [.. replacedBy ?? []],
            Edition = edition,
        });

    // The status is a generated column in the database; set it as PostgreSQL would.
    private static Deliverable Status(Deliverable d)
    {
        typeof(Deliverable).GetProperty(nameof(Deliverable.Status))!.SetValue(d, HarmonizedStages.StatusOf(d.CurrentStage));
        return d;
    }

    private static readonly Deliverable Edition2008 = D(46486, "ISO 9001:2008", 9599, "2008-11-13", replacedBy: [62085], edition: 4);
    private static readonly Deliverable Edition2015 = D(62085, "ISO 9001:2015", 9092, "2015-09-15", replaces: [46486], edition: 5);
    private static readonly Deliverable Amendment = D(88431, "ISO 9001:2015/Amd 1:2024", 6060, "2024-02-23");
    private static readonly Deliverable Draft = D(88464, "ISO/DIS 9001", 4060, edition: 6);
    private static readonly Deliverable Abandoned = D(70000, "ISO/CD 9001", 3098);
    private static readonly Deliverable[] Family = [Edition2008, Edition2015, Amendment, Draft, Abandoned];

    [Fact]
    public void CurrentEditionShowsWhatCameBeforeAndWhatIsBeingDevelopedToReplaceIt()
    {
        var life = LifeCycle.Build(Edition2015, Family);

        Assert.Equal([46486], life.Previous.Select(d => d.Id));
        Assert.Equal([88464], life.Next.Select(d => d.Id));
        Assert.Equal([88431], life.Supplements.Select(d => d.Id));
    }

    [Fact]
    public void WithdrawnEditionShowsItsReplacement()
    {
        var life = LifeCycle.Build(Edition2008, Family);

        Assert.Empty(life.Previous);
        Assert.Equal([62085, 88464], life.Next.Select(d => d.Id));
        Assert.Empty(life.Supplements);
    }

    [Fact]
    public void DraftShowsThePublishedEditionsBeforeIt()
    {
        var life = LifeCycle.Build(Draft, Family);

        Assert.Equal([46486, 62085], life.Previous.Select(d => d.Id));
        Assert.Empty(life.Next);
    }

    [Fact]
    public void LinksAcrossNumbersCountToo()
    {
        var merged = D(1, "ISO 19011:2002", 9599, "2002-10-01", replacedBy: [2]);
        var successor = D(2, "ISO 19011:2011", 9599, "2011-11-15", replaces: [1]);

        var life = LifeCycle.Build(merged, [merged, successor, D(3, "ISO 14015:2001", 9599, "2001-01-01", replacedBy: [1])]);

        Assert.Equal([2], life.Next.Select(d => d.Id));
        Assert.Equal([3], life.Previous.Select(d => d.Id));
    }

    [Fact]
    public void AnOnlyEditionStandsAlone()
    {
        var only = D(5, "ISO 26000:2010", 9093, "2010-11-01");

        var life = LifeCycle.Build(only, [only]);

        Assert.Empty(life.Previous);
        Assert.Empty(life.Next);
    }
}
