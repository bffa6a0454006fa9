using Normative.Features.Store;
using Normative.Features.Store.Orders;

namespace Normative.Tests.Features.Store.Orders;

public class OrderRulesTests
{
    [Theory]
    [InlineData(OrderStatus.Placed, OrderStatus.Paid, true)]
    [InlineData(OrderStatus.Placed, OrderStatus.Cancelled, true)]
    [InlineData(OrderStatus.Placed, OrderStatus.Refunded, false)]
    [InlineData(OrderStatus.Placed, OrderStatus.Fulfilled, false)]
    [InlineData(OrderStatus.Paid, OrderStatus.Fulfilled, true)]
    [InlineData(OrderStatus.Paid, OrderStatus.Refunded, true)]
    [InlineData(OrderStatus.Paid, OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.Paid, OrderStatus.Paid, false)]
    [InlineData(OrderStatus.Fulfilled, OrderStatus.Refunded, true)]
    [InlineData(OrderStatus.Cancelled, OrderStatus.Paid, false)]
    [InlineData(OrderStatus.Refunded, OrderStatus.Paid, false)]
    public void OrdersMoveOnlyAlongTheLifeCycle(OrderStatus from, OrderStatus to, bool allowed) =>
        Assert.Equal(allowed, OrderRules.CanBecome(from, to));

    [Theory]
    [InlineData(OrderStatus.Placed, false)]
    [InlineData(OrderStatus.Paid, true)]
    [InlineData(OrderStatus.Fulfilled, true)]
    [InlineData(OrderStatus.Cancelled, false)]
    [InlineData(OrderStatus.Refunded, false)]
    public void DownloadsAreOpenOnlyWhilePaid(OrderStatus status, bool open) => Assert.Equal(open, OrderRules.DownloadsOpen(status));

    [Fact]
    public void AnOrderIsFulfilledWhenEveryPrintedCopyHasShipped()
    {
        var pdf = new OrderLine { Reference = "ISO 1", Title = "T", Language = "en", Format = ProductFormat.Pdf };
        var paper = new OrderLine { Reference = "ISO 1", Title = "T", Language = "en", Format = ProductFormat.Paper, ShippingStatus = ShippingStatus.Pending };
        Assert.True(OrderRules.IsFulfilled([pdf]));
        Assert.False(OrderRules.IsFulfilled([pdf, paper]));
        paper.ShippingStatus = ShippingStatus.Shipped;
        Assert.True(OrderRules.IsFulfilled([pdf, paper]));
    }
}
