using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Normative.Data;
using Normative.Features.Development;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Membership;
using Normative.Web;
using PdfSharp.Pdf.IO;

namespace Normative.Tests.Features.Development.Documents;

public class BallotResultPdfTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    [Fact]
    public async Task TheResultDocumentStatesTheOutcomeTheRuleAndEveryVote()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 4, o: 1);
        foreach (var body in p.Take(3))
        {
            var (api, _) = await _world.DelegateAsync(body);
            (await api.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "Approve" })).EnsureSuccessStatusCode();
        }
        var (sheet, pdf) = await factory.WithServicesAsync(async sp =>
        {
            using var _ = CultureScope.Use("en");
            var db = sp.GetRequiredService<NormativeDb>();
            var t = sp.GetRequiredService<IStringLocalizer<DevelopmentText>>();
            var project = await db.Projects.FindAsync(ballot.ProjectId);
            var positions = await BallotActions.PositionsAsync(db, ballot);
            var tally = BallotRules.Tally(ballot.Kind, positions.Select(x => x.Vote).ToList(), ballot.PMembers);
            var sheet = BallotResultSheet.Build(ballot, project!, committee, tally, positions, $"{committee.Reference} N 3", t);
            return (sheet, BallotResultPdf.Create(sheet, "Normative", $"{committee.Reference} N 4"));
        });
        var texts = sheet.Texts().ToList();
        Assert.StartsWith("Result of the DIS ballot on ISO/DIS ", sheet.Title, StringComparison.Ordinal);
        Assert.Equal("Outcome: Approved", sheet.Outcome);
        Assert.Contains($"{committee.Reference} N 3", texts);
        Assert.Equal(3, sheet.Positions.Count);
        Assert.All(p.Take(3), b => Assert.Contains(sheet.Positions, r => r[0] == b.Acronym && r[1] == nameof(MembershipStatus.P)));

        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        using var read = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        Assert.Equal(1, read.PageCount);
        Assert.Contains($"{committee.Reference} N 4", read.Info.Title, StringComparison.Ordinal);
    }
}
