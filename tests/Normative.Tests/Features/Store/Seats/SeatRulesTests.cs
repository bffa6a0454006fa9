using Normative.Features.Store;
using Normative.Features.Store.Seats;

namespace Normative.Tests.Features.Store.Seats;

public class SeatRulesTests
{
    private static List<SeatRules.Seat> Seats(params string?[] holders) => holders.Select((h, i) => new SeatRules.Seat(i + 1, h)).ToList();

    private static SeatRules.Wanted Any(string email) => new(null, email, null);

    [Fact]
    public void PeopleGetTheFreeSeatsInOrder()
    {
        var (plan, refusal) = SeatRules.Plan(Seats("ada@example.org", null, null, null), [Any("grace@example.org"), Any("alan@example.org")]);
        Assert.Null(refusal);
        Assert.Equal([2, 3], plan.Select(p => p.Seat));
        Assert.Equal(["grace@example.org", "alan@example.org"], plan.Select(p => p.Wanted.Email));
    }

    [Fact]
    public void ThePersonNamedTwiceIsRefused()
    {
        var (plan, refusal) = SeatRules.Plan(Seats(null, null, null), [Any("grace@example.org"), Any("grace@example.org")]);
        Assert.Empty(plan);
        Assert.Equal("Seats.Error.NamedTwice", refusal!.Key);
        Assert.Equal(["grace@example.org"], refusal.Values);
    }

    [Fact]
    public void APersonHoldingASeatCannotTakeAnother()
    {
        var (_, refusal) = SeatRules.Plan(Seats(null, "grace@example.org", null), [Any("grace@example.org")]);
        Assert.Equal("Seats.Error.AlreadyHolds", refusal!.Key);
        Assert.Equal(["grace@example.org", 2], refusal.Values);
        // Nor be given the seat they hold.
        Assert.Equal("Seats.Error.AlreadyHolds", SeatRules.Plan(Seats(null, "grace@example.org"), [new(2, "grace@example.org", null)]).Refusal!.Key);
    }

    [Fact]
    public void MorePeopleThanFreeSeatsAreRefusedWithTheCounts()
    {
        var (plan, refusal) = SeatRules.Plan(Seats("ada@example.org", null, "alan@example.org"), [Any("grace@example.org"), Any("edsger@example.org")]);
        Assert.Empty(plan);
        Assert.Equal("Seats.Error.TooMany", refusal!.Key);
        Assert.Equal([3, 1, 2], refusal.Values);
    }

    [Fact]
    public void AReassignedSeatsHolderMayTakeAFreeSeatInTheSameSet()
    {
        var (plan, refusal) = SeatRules.Plan(Seats("ada@example.org", null), [new(1, "grace@example.org", "Grace Hopper"), Any("ada@example.org")]);
        Assert.Null(refusal);
        Assert.Equal([(1, "grace@example.org"), (2, "ada@example.org")], plan.Select(p => (p.Seat, p.Wanted.Email)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void ASeatThatIsNotThereIsRefused(int seat) =>
        Assert.Equal("Seats.Error.NoSuchSeat", SeatRules.Plan(Seats(null, null, null), [new(seat, "grace@example.org", null)]).Refusal!.Key);

    [Fact]
    public void NobodyNamedIsRefused() =>
        Assert.Equal("Seats.Error.NobodyNamed", SeatRules.Plan(Seats((string?)null), []).Refusal!.Key);

    [Fact]
    public void PeopleAreTypedOnePerLineWithOrWithoutAName()
    {
        var (people, bad) = SeatRules.ParsePeople("grace@example.org\r\n\n Alan@Example.org, Alan Turing \nEdsger Dijkstra <edsger@example.org>\n");
        Assert.Null(bad);
        Assert.Equal([("grace@example.org", (string?)null), ("alan@example.org", "Alan Turing"), ("edsger@example.org", "Edsger Dijkstra")], people);
        Assert.Equal("not an address", SeatRules.ParsePeople("grace@example.org\nnot an address").BadLine);
    }

    [Theory]
    [InlineData(ProductFormat.Pdf, 2, true)]
    [InlineData(ProductFormat.Pdf, 1, false)]
    [InlineData(ProductFormat.Paper, 5, false)]
    [InlineData(ProductFormat.Online, 1, false)]
    public void AMultiUserLicenceIsAPdfForTwoOrMore(ProductFormat format, int quantity, bool multiUser) =>
        Assert.Equal(multiUser, SeatRules.IsMultiUser(format, quantity));

    [Theory]
    [InlineData(50, 50)]
    [InlineData(500, 99)]
    [InlineData(0, 1)]
    public void TheSeatLimitStaysWithinTheCartsLimit(int configured, int limit) =>
        Assert.Equal(limit, SeatRules.MaxSeats(new StoreOptions { MaxSeats = configured }));
}
