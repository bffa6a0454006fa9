using Normative.Tests.Infrastructure;

namespace Normative.Tests.Architecture;

/// <summary>The command counter itself: it must see a page's commands, or every count test would pass.</summary>
public class SqlCommandsTests(NormativeFactory factory) : IClassFixture<NormativeFactory>
{
    [Fact]
    public async Task TheCounterSeesTheCommandsOfAPageRequest()
    {
        var client = factory.CreateClient();
        var (response, commands) = await SqlCommands.GetAsync(client, "/members");
        response.EnsureSuccessStatusCode();
        Assert.NotEmpty(commands);
        Assert.Contains(commands, c => c.Contains("member_bodies", StringComparison.Ordinal));
    }
}
