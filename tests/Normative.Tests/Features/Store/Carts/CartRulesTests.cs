using Normative.Features.Store;
using Normative.Features.Store.Carts;

namespace Normative.Tests.Features.Store.Carts;

public class CartRulesTests
{
    [Theory]
    [InlineData(ProductFormat.Pdf, 1, null)]
    [InlineData(ProductFormat.Pdf, 2, "Cart.Error.PdfQuantity")]
    [InlineData(ProductFormat.Pdf, 0, "Cart.Error.PdfQuantity")]
    [InlineData(ProductFormat.Paper, 1, null)]
    [InlineData(ProductFormat.Paper, 99, null)]
    [InlineData(ProductFormat.Paper, 100, "Cart.Error.QuantityTooLarge")]
    [InlineData(ProductFormat.Paper, int.MaxValue, "Cart.Error.QuantityTooLarge")]
    [InlineData(ProductFormat.Paper, 0, "Cart.Error.QuantityTooSmall")]
    [InlineData(ProductFormat.Paper, -3, "Cart.Error.QuantityTooSmall")]
    public void QuantitiesAreChecked(ProductFormat format, int quantity, string? problem) =>
        Assert.Equal(problem, CartRules.CheckQuantity(format, quantity));

    [Theory]
    [InlineData(ProductFormat.Pdf, 1, null)]
    [InlineData(ProductFormat.Pdf, 2, null)]
    [InlineData(ProductFormat.Pdf, 50, null)]
    [InlineData(ProductFormat.Pdf, 51, "Cart.Error.TooManySeats")]
    [InlineData(ProductFormat.Pdf, 0, "Cart.Error.PdfQuantity")]
    [InlineData(ProductFormat.Online, 2, "Cart.Error.PdfQuantity")]
    public void APdfMayHaveSeveralSeatsWhereTheStoreSellsThem(ProductFormat format, int quantity, string? problem) =>
        Assert.Equal(problem, CartRules.CheckQuantity(format, quantity, maxSeats: 50));

    [Fact]
    public void MergingAddsPaperCopiesUpToTheLimitAndKeepsOnePdfLicence()
    {
        var now = DateTimeOffset.UtcNow;
        var mine = new Cart { Lines = [Line(1, ProductFormat.Pdf, "en", 1), Line(2, ProductFormat.Paper, "en", 60)] };
        var anonymous = new Cart { Lines = [Line(1, ProductFormat.Pdf, "en", 1), Line(2, ProductFormat.Paper, "en", 50), Line(3, ProductFormat.Pdf, "fr", 1)] };

        Assert.True(CartRules.Merge(mine, anonymous, now));

        Assert.Equal(3, mine.Lines.Count);
        Assert.Equal(1, mine.Lines.Single(l => l.DeliverableId == 1).Quantity);
        Assert.Equal(99, mine.Lines.Single(l => l.DeliverableId == 2).Quantity);
        Assert.Equal("fr", mine.Lines.Single(l => l.DeliverableId == 3).Language);
        Assert.Equal(1, mine.Revision);
    }

    [Fact]
    public void MergingTheSameContentChangesNothing()
    {
        var mine = new Cart { Lines = [Line(1, ProductFormat.Pdf, "en", 1)] };
        Assert.False(CartRules.Merge(mine, new Cart { Lines = [Line(1, ProductFormat.Pdf, "en", 1)] }, DateTimeOffset.UtcNow));
        Assert.Equal(0, mine.Revision);
    }

    [Fact]
    public void AnonymousCartsExpireAfterThirtyDaysWithoutChange()
    {
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        Assert.False(CartRules.IsExpired(new Cart { UpdatedAt = now.AddDays(-30) }, now));
        Assert.True(CartRules.IsExpired(new Cart { UpdatedAt = now.AddDays(-30).AddSeconds(-1) }, now));
    }

    private static CartLine Line(int id, ProductFormat format, string language, int quantity) =>
        new() { DeliverableId = id, Format = format, Language = language, Quantity = quantity };
}
