using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Tax;

/// <summary>A deployment's own regime file (Store:Tax:File) that covers some countries only: a buyer elsewhere is told, and nothing is ordered.</summary>
public class RegimeFileTests(RegimeFileTests.Factory factory) : IClassFixture<RegimeFileTests.Factory>
{
    public sealed class Factory : StoreFactory
    {
        public string RegimeFile { get; } = WriteRegime();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Store:Tax:File"] = RegimeFile };

        // Austria, in euros, selling only at home and to Switzerland.
        private static string WriteRegime()
        {
            var path = Path.Combine(Path.GetTempPath(), $"normative-regime-{Guid.NewGuid():N}.json");
            File.WriteAllText(path, """
                {
                  "id": "AT", "name": "Austria (test)",
                  "currency": { "code": "EUR", "minorUnits": 2, "cashRounding": 0.01 },
                  "territory": [ "AT" ], "euMember": false,
                  "domestic": [
                    { "kind": "Electronic", "rate": 0.20, "from": "2024-01-01", "note": "UStG 1994 § 10 para. 1" },
                    { "kind": "Printed", "rate": 0.10, "from": "2024-01-01", "note": "UStG 1994 § 10 para. 2" },
                    { "kind": "Shipping", "rate": 0.10, "from": "2024-01-01", "note": "ancillary" }
                  ],
                  "abroad": [ { "country": "CH", "kind": "Electronic", "rate": 0, "from": "2024-01-01", "note": "taxed where the customer is" } ]
                }
                """);
            return path;
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            File.Delete(RegimeFile);
        }
    }

    [Fact]
    public async Task ABuyerInACountryWithoutARuleIsToldAndNothingIsOrdered()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id);

        var response = await client.SubmitFormAsync("/store/checkout?culture=en", StoreTestData.Checkout(country: "US"), "form.checkout-form");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The store has no tax rule for United States yet, so it cannot sell there. Nothing was ordered",
            await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.UserId == buyer.Id)));

        // The file's rules hold where it has them: 118.00 at 20 % in Austria.
        var order = await StoreTestData.OrderAsync(factory, StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout(country: "AT"))));
        Assert.Equal(("EUR", 23.60m, 141.60m), (order.Currency, order.VatTotal, order.Total));
    }

    [Fact]
    public async Task PrintedCopiesShippedWhereNoRuleCoversThemAreRefusedOnTheShippingCountry()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory, pages: 20);
        var (client, buyer) = await factory.SignInAsAsync("Customer");
        await StoreTestData.AddToCartAsync(client, d.Id, "Paper");

        // Billed in Austria, which the file covers; shipped to Switzerland, where it has no rule for printed copies.
        var response = await client.SubmitFormAsync("/store/checkout?culture=en", StoreTestData.ShipTo(StoreTestData.Checkout(country: "AT"), "CH"), "form.checkout-form");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.StartsWith("The store has no tax rule for printed copies shipped to Switzerland yet", page.QuerySelector("#err-ShippingCountry")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#err-Country"));
        Assert.Equal("1 Dorset Street", page.QuerySelector("#Input_ShippingStreet")!.GetAttribute("value"));
        Assert.False(await factory.WithDbAsync(db => db.Orders.AnyAsync(o => o.UserId == buyer.Id)));
    }
}
