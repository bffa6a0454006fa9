using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Development.Documents;

namespace Normative.Tests.Features.Development.Ballots;

/// <summary>A deployment that follows an edition of the Directives with an 8-week final draft ballot.</summary>
public sealed class EightWeekFdisFactory : DevelopmentFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["Development:Ballots:Weeks:FDIS"] = "8" };
}

public class BallotDurationTests(EightWeekFdisFactory factory) : IClassFixture<EightWeekFdisFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    [Fact]
    public async Task BallotLengthsComeFromTheDeploymentsConfiguration()
    {
        var (committee, _, _) = await _world.CommitteeAsync(2);
        var fdis = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 24201");
        var dis = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 24202");
        await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == fdis.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stage, 5000)));
        await _world.PdfDraftAsync(fdis, DocumentType.ApprovalDraft, DocumentAudience.MemberBodies);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);

        async Task<TimeSpan> LengthAsync(int projectId, string kind)
        {
            var response = await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId, kind });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var ballot = await response.Content.ReadFromJsonAsync<JsonElement>();
            return ballot.GetProperty("closesAt").GetDateTimeOffset() - ballot.GetProperty("openedAt").GetDateTimeOffset();
        }

        Assert.Equal(TimeSpan.FromDays(56), await LengthAsync(fdis.Id, "FDIS"));
        // Kinds the deployment did not set keep the defaults.
        Assert.Equal(TimeSpan.FromDays(84), await LengthAsync(dis.Id, "DIS"));
    }
}
