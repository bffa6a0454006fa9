using Normative.Features.Catalogue;
using Normative.Features.Store.Orders;
using Normative.Features.Store.Subscriptions;

namespace Normative.Tests.Features.Store.Subscriptions;

public class CollectionRulesTests
{
    private static CollectionRules.Draft Draft(string? nameEn = "Quality management", string? rule = "Committee", string? committee = "ISO/TC 176",
        string? ics = null, string? references = null, decimal? price = 480m, string? format = "Pdf") =>
        new(nameEn, null, null, null, rule, committee, ics, references, price, format);

    private static IEnumerable<string> Keys(CollectionRules.Draft draft) => CollectionRules.Check(draft).Select(p => p.Key);

    [Fact]
    public void AFilledInCommitteeCollectionHasNoProblem() => Assert.Empty(CollectionRules.Check(Draft()));

    [Fact]
    public void EachRuleNeedsWhatItNames()
    {
        Assert.Equal(["Collections.Error.CommitteeRequired"], Keys(Draft(committee: " ")));
        Assert.Equal(["Collections.Error.IcsRequired"], Keys(Draft(rule: "Ics", committee: "ISO/TC 176")));
        Assert.Equal(["Collections.Error.ReferencesRequired"], Keys(Draft(rule: "List", references: " \n ; ")));
        Assert.Empty(Keys(Draft(rule: "List", references: "ISO 9001:2015\nISO 14001:2015")));
        Assert.Equal(["Collections.Error.Rule"], Keys(Draft(rule: "Everything")));
        Assert.Equal(["Collections.Error.Rule"], Keys(Draft(rule: "2")));
    }

    [Fact]
    public void TheEnglishNameAPriceAndThePdfFormatAreRequired()
    {
        var problems = CollectionRules.Check(Draft(nameEn: "", price: null, format: "Paper"));
        Assert.Equal(["NameEn", "Price", "Format"], problems.Select(p => p.Field));
        Assert.Equal(["Collections.Error.Price"], Keys(Draft(price: 0m)));
        Assert.Equal(["Collections.Error.Price"], Keys(Draft(price: 100_000m)));
        Assert.Equal(["Collections.Error.Price"], Keys(Draft(price: 12.345m)));
    }

    [Fact]
    public void AListHasAtMostFiveHundredReferences()
    {
        var many = string.Join("\n", Enumerable.Range(1, CollectionRules.MaxReferences + 1).Select(i => $"ISO {i}:2020"));
        var problem = Assert.Single(CollectionRules.Check(Draft(rule: "List", references: many)));
        Assert.Equal(("References", "Collections.Error.TooManyReferences", "500"), (problem.Field, problem.Key, problem.Argument));
    }

    [Fact]
    public void ReferencesAreSplitByLinesOrSemicolonsOnceEach() =>
        Assert.Equal(["ISO 9001:2015", "ISO 14001:2015"], CollectionRules.SplitReferences(" ISO 9001:2015 \r\n\r\nISO 14001:2015; ISO 9001:2015 "));

    [Fact]
    public void ANameFallsBackToEnglish()
    {
        var c = new Collection { NameEn = "Quality", NameFr = "Qualité", NameRu = " " };
        Assert.Equal(("Qualité", "Quality", "Quality", "Quality"), (c.NameIn("fr"), c.NameIn("es"), c.NameIn("ru"), c.NameIn("de")));
    }

    [Fact]
    public void ASubscriptionRunsAYearFromPaymentOrFromTheEndOfTheOneStillRunning()
    {
        var paid = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.Equal((paid, paid.AddYears(1)), SubscriptionRules.Period(paid, null));
        Assert.Equal((paid, paid.AddYears(1)), SubscriptionRules.Period(paid, paid.AddDays(-1)));
        var running = paid.AddMonths(2);
        Assert.Equal((running, running.AddYears(1)), SubscriptionRules.Period(paid, running));
    }

    [Fact]
    public void ASubscriptionIsActiveWithinItsPeriodWhileItsOrderIsPaid()
    {
        var s = new Subscription { UserId = "u", StartsAt = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), EndsAt = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero) };
        Assert.Equal(SubscriptionState.Active, SubscriptionRules.StateOf(s, OrderStatus.Paid, s.StartsAt));
        Assert.Equal(SubscriptionState.Active, SubscriptionRules.StateOf(s, OrderStatus.Fulfilled, s.EndsAt.AddTicks(-1)));
        Assert.Equal(SubscriptionState.Expired, SubscriptionRules.StateOf(s, OrderStatus.Fulfilled, s.EndsAt));
        Assert.Equal(SubscriptionState.Upcoming, SubscriptionRules.StateOf(s, OrderStatus.Paid, s.StartsAt.AddTicks(-1)));
        Assert.Equal(SubscriptionState.Refunded, SubscriptionRules.StateOf(s, OrderStatus.Refunded, s.StartsAt.AddDays(1)));
    }

    [Theory]
    [InlineData("ISO 9001:2015/Amd 1:2024", null, null, UpdateKind.Amendment)]
    [InlineData("ISO 9001:2015/Cor 1:2024", null, null, UpdateKind.Corrigendum)]
    [InlineData("ISO 9001:2026", "ISO 9001:2015", null, UpdateKind.NewEdition)]
    [InlineData("ISO 9001:2026", null, 62085, UpdateKind.NewEdition)]
    [InlineData("ISO 9002:2026", null, null, UpdateKind.Added)]
    public void WhatJoinedIsNamedForWhatItIs(string reference, string? replaced, int? replaces, UpdateKind expected)
    {
        var d = new Deliverable { Id = 1, DeliverableType = "IS", Reference = reference, Replaces = replaces is { } r ? [r] : [] };
        Assert.Equal(expected, SubscriptionUpdates.KindOf(d, replaced));
    }
}
