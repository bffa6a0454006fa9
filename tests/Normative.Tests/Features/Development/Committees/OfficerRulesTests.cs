using Normative.Features.Development.Committees;

namespace Normative.Tests.Features.Development.Committees;

/// <summary>Officers' terms: recorded when they start, ending on or after their start; a new appointment ends the outgoing term the day before.</summary>
public class OfficerRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    private static CommitteeOfficer Term(OfficerRole role, string name, DateOnly start, DateOnly? end = null, int id = 1) =>
        new() { Id = id, Role = role, Name = name, StartsOn = start, EndsOn = end };

    [Fact]
    public void ATermStartingLaterThanTodayOrEndingBeforeItStartsIsRefused()
    {
        Assert.Null(OfficerRules.CheckTerm(Today, null, Today));
        Assert.Null(OfficerRules.CheckTerm(Today.AddYears(-3), Today.AddYears(3), Today));
        Assert.Null(OfficerRules.CheckTerm(Today, Today, Today));
        Assert.Equal("Error.Officer.FutureStart", OfficerRules.CheckTerm(Today.AddDays(1), null, Today));
        Assert.Equal("Error.Officer.EndBeforeStart", OfficerRules.CheckTerm(Today, Today.AddDays(-1), Today));
    }

    [Fact]
    public void TheOutgoingTermEndsTheDayBeforeTheNewOneOrOnItsOwnFirstDay()
    {
        var outgoing = Term(OfficerRole.Chair, "A", Today.AddYears(-2));
        Assert.Equal(Today.AddDays(-1), OfficerRules.OutgoingEnd(outgoing, Today));
        Assert.Equal(outgoing.StartsOn, OfficerRules.OutgoingEnd(outgoing, outgoing.StartsOn));
    }

    [Fact]
    public void TheCurrentOfficerServesTodayInThatOffice()
    {
        var terms = new[]
        {
            Term(OfficerRole.Chair, "Past", Today.AddYears(-6), Today.AddYears(-1).AddDays(-1), 1),
            Term(OfficerRole.Chair, "Now", Today.AddYears(-1), Today.AddYears(5), 2),
            Term(OfficerRole.CommitteeManager, "Manager", Today.AddYears(-1), null, 3),
        };
        Assert.Equal("Now", OfficerRules.Current(terms, OfficerRole.Chair, Today)!.Name);
        Assert.Equal("Past", OfficerRules.Current(terms, OfficerRole.Chair, Today.AddYears(-2))!.Name);
        Assert.Equal("Manager", OfficerRules.Current(terms, OfficerRole.CommitteeManager, Today)!.Name);
        Assert.Null(OfficerRules.Current(terms, OfficerRole.Chair, Today.AddYears(6)));
        Assert.Equal("Now (2025-12-06 – 2031-12-06)", OfficerRules.Describe(terms[1]));
        Assert.Equal("Manager (2025-12-06 –)", OfficerRules.Describe(terms[2]));
    }
}
