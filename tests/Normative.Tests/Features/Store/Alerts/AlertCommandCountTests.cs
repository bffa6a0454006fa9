using System.Net;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Store.Alerts;

/// <summary>Alert notices are written in one statement, however many buyers or standards there are.</summary>
public class AlertCommandCountTests(StoreFactory factory) : IClassFixture<StoreFactory>
{
    private static int Number() => StoreTestData.NextId() % 90000 + 10000;

    [Fact]
    public async Task AScanSendsAsManyCommandsForSixBuyersAsForTwo()
    {
        async Task<int> CommandsAsync(int buyers)
        {
            for (var i = 0; i < buyers; i++)
            {
                var n = Number();
                var bought = await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2019");
                await StoreTestData.BuyPaidPdfAsync(factory, bought);
                await StoreTestData.AddDeliverableAsync(factory, $"ISO {n}:2019/Amd 1:2026", supplementType: "Amd");
            }
            var (mails, commands) = await SqlCommands.DuringAsync(() => StoreTestData.ScanAlertsAsync(factory));
            Assert.Equal(buyers, mails);
            return commands.Count;
        }

        Assert.Equal(await CommandsAsync(2), await CommandsAsync(6));
    }

    [Fact]
    public async Task MarkingAnOrderPaidSendsAsManyCommandsForSixStandardsAsForTwo()
    {
        async Task<int> CommandsAsync(int standards)
        {
            var (client, _) = await factory.SignInAsAsync("Customer");
            for (var i = 0; i < standards; i++)
            {
                // Withdrawn and still sold: a change the buyer knows of when paying, recorded as known.
                var d = await StoreTestData.AddDeliverableAsync(factory, stage: 9599);
                await StoreTestData.AddToCartAsync(client, d.Id);
            }
            var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, StoreTestData.Checkout("Invoice")));
            var (editor, _) = await factory.SignInAsAsync("Editor");
            var page = await editor.GetDocumentAsync($"/store/admin/orders/{number}");
            var form = page.QuerySelector("form[action*='handler=Paid']")!;
            using var request = new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action"))
            {
                Content = new FormUrlEncodedContent(
                [
                    new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
                    new("reference", "BANK-REF-" + standards),
                ]),
            };
            var (response, commands) = await SqlCommands.SendAsync(editor, request);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            return commands.Count;
        }

        Assert.Equal(await CommandsAsync(2), await CommandsAsync(6));
    }
}
