using System.Net;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Certification;

/// <summary>The registry's pages, searches and uploads send a fixed number of SQL commands, whatever the number of rows.</summary>
public class CommandCountTests(CertificationFactory factory) : IClassFixture<CertificationFactory>
{
    private async Task<int> CommandsAsync(HttpClient client, string url)
    {
        var (response, commands) = await SqlCommands.GetAsync(client, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(commands);
        return commands.Count;
    }

    [Fact]
    public async Task TheBodiesPageDoesNotQueryPerBody()
    {
        var client = factory.CreateClient();
        await factory.CreateBodyAsync("ISO 9001:2015", "ISO 14001:2015");
        await CommandsAsync(client, "/certification/bodies");
        var before = await CommandsAsync(client, "/certification/bodies");
        for (var i = 0; i < 4; i++)
        {
            await factory.CreateBodyAsync("ISO 9001:2015", "ISO 45001:2018");
        }
        Assert.Equal(before, await CommandsAsync(client, "/certification/bodies"));
    }

    [Fact]
    public async Task ASearchDoesNotQueryPerResultOrPerBody()
    {
        var two = await factory.CreateBodyAsync();
        var six = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(Enumerable.Range(1, 2).Select(i => RegistryWorld.Row($"CC-{i}", two.Code, organization: $"Counted Two {i}")).ToArray()));
        await factory.ImportAsync(RegistryWorld.Csv(Enumerable.Range(1, 6).Select(i => RegistryWorld.Row($"CC-{i}", six.Code, organization: $"Counted Six {i}")).ToArray()));
        var client = factory.CreateClient();
        await CommandsAsync(client, $"/api/v1/certificates?cb={two.Code}");
        Assert.Equal(await CommandsAsync(client, $"/api/v1/certificates?cb={two.Code}"), await CommandsAsync(client, $"/api/v1/certificates?cb={six.Code}"));
        Assert.Equal(await CommandsAsync(client, $"/certification?body={two.Code}"), await CommandsAsync(client, $"/certification?body={six.Code}"));
    }

    [Fact]
    public async Task AnUploadDoesNotQueryPerRow()
    {
        var body = await factory.CreateBodyAsync();
        string Rows(string prefix, int count) => RegistryWorld.Csv(Enumerable.Range(1, count).Select(i => RegistryWorld.Row($"{prefix}-{i}", body.Code, organization: $"Bulk {prefix} {i}")).ToArray());
        var (two, twoCommands) = await SqlCommands.DuringAsync(() => factory.ImportAsync(Rows("UC2", 2)));
        var (six, sixCommands) = await SqlCommands.DuringAsync(() => factory.ImportAsync(Rows("UC6", 6)));
        Assert.Equal((2, 6), (two.Inserted, six.Inserted));
        Assert.NotEmpty(twoCommands);
        Assert.Equal(twoCommands.Count, sixCommands.Count);
    }
}
