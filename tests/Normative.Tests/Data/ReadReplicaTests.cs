using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Tests.Features.Store;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Data;

/// <summary>
/// ConnectionStrings:NormativeReplica on a real streaming replica: anonymous public reads come from
/// it, a signed-in user reads from the primary, the cached catalogue never keeps a page older than
/// its version, and a stopped replica leaves reads to the primary.
/// </summary>
public sealed class ReadReplicaTests(ReplicaFactory factory) : IClassFixture<ReplicaFactory>
{
    [Fact]
    public async Task AnonymousVisitorsReadFromTheReplicaWhileASignedInEditorReadsTheirOwnWrite()
    {
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        await factory.Pair.CatchUpAsync();
        await factory.Pair.PauseReplayAsync(true);
        int id;
        try
        {
            id = (await StoreTestData.AddDeliverableAsync(factory)).Id;

            Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(CatalogueLinks.Standard(id))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/api/v1/deliverables/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(CatalogueLinks.Standard(id))).StatusCode);
        }
        finally
        {
            await factory.Pair.PauseReplayAsync(false);
        }

        await EventuallyAsync(async () => (await factory.CreateClient().GetAsync(CatalogueLinks.Standard(id))).StatusCode == HttpStatusCode.OK);
    }

    [Fact]
    public async Task ACachedPageIsNeverOlderThanTheVersionItIsKeptUnder()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        await factory.Pair.CatchUpAsync();
        await EventuallyAsync(async () => (await factory.CreateClient().GetStringAsync(CatalogueLinks.Standard(d.Id) + "?culture=en")).Contains("Test management systems", StringComparison.Ordinal));

        await factory.Pair.PauseReplayAsync(true);
        try
        {
            await factory.WithDbAsync(db => db.Deliverables.Where(x => x.Id == d.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.TitleEn, "Renamed management systems — Requirements")));
            // Several polls of the version while the replica still serves the old title.
            await Task.Delay(1000);
            var during = await factory.CreateClient().GetStringAsync(CatalogueLinks.Standard(d.Id) + "?culture=en");
            Assert.Contains("Test management systems", during, StringComparison.Ordinal);
            Assert.DoesNotContain("Renamed management systems", during, StringComparison.Ordinal);
        }
        finally
        {
            await factory.Pair.PauseReplayAsync(false);
        }

        await EventuallyAsync(async () => (await factory.CreateClient().GetStringAsync(CatalogueLinks.Standard(d.Id) + "?culture=en"))
            .Contains("Renamed management systems", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WhenTheReplicaStopsPublicReadsFallBackToThePrimaryWithoutErrors()
    {
        var d = await StoreTestData.AddDeliverableAsync(factory);
        await factory.Pair.CatchUpAsync();
        var paths = new[] { "/api/v1/deliverables?q=management", CatalogueLinks.Standard(d.Id) + "?x=1", "/certification?organization=acme", $"/api/v1/deliverables/{d.Id}" };
        foreach (var path in paths)
        {
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(path)).StatusCode);
        }

        factory.Pair.StopReplica();
        try
        {
            for (var round = 0; round < 5; round++)
            {
                foreach (var path in paths)
                {
                    var response = await factory.CreateClient().GetAsync($"{path}{(path.Contains('?', StringComparison.Ordinal) ? "&" : "?")}round={round}");
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode} with the replica stopped");
                }
            }
        }
        finally
        {
            factory.Pair.StartReplica();
            // Until Npgsql checks the replica again, its reads stay on the primary.
            await Task.Delay(TimeSpan.FromSeconds(ReplicaPair.HostRecheckSeconds + 0.5));
        }
    }

    private static async Task EventuallyAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The replica's answer did not change within 15 s.");
            await Task.Delay(100);
        }
    }
}
