using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Checkout;

/// <summary>Printed copies go to a shipping address, the billing one or another.</summary>
public class ShippingAddressTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    [Fact]
    public async Task APrintedCopyWithoutAShippingAddressIsRefusedAndNothingIsOrdered()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper");
        var fields = StoreTestData.Checkout();
        fields.Remove("Input.ShipToBilling");

        var response = await client.SubmitFormAsync("/store/checkout?culture=en", fields, "form.checkout-form");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter the street of the shipping address.", page.QuerySelector("#err-ShippingStreet")!.TextContent);
        Assert.Equal("Choose the country the printed copies are shipped to.", page.QuerySelector("#err-ShippingCountry")!.TextContent);
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.UserId == buyer.Id)));
        Assert.True(await factory.WithDbAsync(db => db.Carts.AnyAsync(c => c.UserId == buyer.Id && c.CheckedOutAt == null)));
    }

    [Fact]
    public async Task PrintedCopiesGoToTheShippingAddressGivenAndTheOrderSaysWhere()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper");
        var fields = StoreTestData.Checkout();
        fields.Remove("Input.ShipToBilling");
        fields["Input.ShippingName"] = "Charles Babbage";
        fields["Input.ShippingStreet"] = "1 Dorset Street";
        fields["Input.ShippingPostalCode"] = "W1U 4EG";
        fields["Input.ShippingCity"] = "London";
        fields["Input.ShippingCountry"] = "gb";

        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields));
        var order = await StoreTestData.OrderAsync(factory, number);
        Assert.Equal(("Charles Babbage", "1 Dorset Street", "W1U 4EG", "London", "GB"),
            (order.ShippingName, order.ShippingStreet, order.ShippingPostalCode, order.ShippingCity, order.ShippingCountry));
        Assert.Equal(("Ada Lovelace", "CH"), (order.BillingName, order.BillingCountry));
        var shown = (await client.GetDocumentAsync($"/store/orders/{number}?culture=en")).QuerySelector("#ship-to")!.TextContent;
        Assert.Contains("1 Dorset Street", shown, StringComparison.Ordinal);
        Assert.Contains("United Kingdom", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShippingToTheBillingAddressCopiesItAndAPdfAloneNeedsNone()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        var (client, _) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper");
        var paper = await StoreTestData.OrderAsync(factory, StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout())));
        Assert.Equal(("Ada Lovelace", "Rue du Test 1", "Genève", "CH"), (paper.ShippingName, paper.ShippingStreet, paper.ShippingCity, paper.ShippingCountry));

        await StoreTestData.AddToCartAsync(client, d.Id);
        var fields = StoreTestData.Checkout();
        fields.Remove("Input.ShipToBilling");
        var pdf = await StoreTestData.OrderAsync(factory, StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields)));
        Assert.Null(pdf.ShippingStreet);
        Assert.Null((await client.GetDocumentAsync($"/store/orders/{pdf.Number}?culture=en")).QuerySelector("#ship-to"));
    }
}
