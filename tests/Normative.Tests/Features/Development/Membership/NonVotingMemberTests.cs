using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Membership;

/// <summary>
/// A P-member flagged for not voting (a missed DIS) is turned into an O-member in one step by the
/// committee's manager, as the Directives allow, and the change is recorded with its reason.
/// </summary>
public class NonVotingMemberTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    [Fact]
    public async Task TheManagerConfirmsThePToOChangeOfAFlaggedMemberInOneStepAndItIsRecorded()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 1, o: 0);
        await factory.WithDbAsync(db => db.Ballots.Where(b => b.Id == ballot.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Status, BallotStatus.Closed).SetProperty(b => b.ClosedAt, DateTimeOffset.UtcNow.AddDays(-1))));
        var (_, browser, manager) = await _world.ManagerAsync(committee.Id);
        var members = $"/committees/{committee.Slug}/members?culture=en";

        var page = await browser.GetDocumentAsync(members);
        var flagged = page.QuerySelector("main .notice-warn")!;
        Assert.Contains(p[0].Acronym, flagged.TextContent, StringComparison.Ordinal);

        var confirmed = await browser.SubmitFormAsync(members, [], "main .notice-warn form");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var membership = await factory.WithDbAsync(db => db.CommitteeMemberships.SingleAsync(m => m.CommitteeId == committee.Id && m.MemberBodyId == p[0].Id));
        Assert.Equal(MembershipStatus.O, membership.Status);
        var recorded = await factory.WithDbAsync(db => db.MembershipEvents.Where(e => e.CommitteeId == committee.Id).OrderByDescending(e => e.Id).FirstAsync());
        Assert.Equal((MembershipEventKind.Changed, MembershipStatus.P, MembershipStatus.O, manager.Id), (recorded.Kind, recorded.FromStatus!.Value, recorded.ToStatus!.Value, recorded.ByUserId));
        Assert.Equal("Did not vote on 1 of 1 ballots in a year.", recorded.Note);
        Assert.Null((await browser.GetDocumentAsync(members)).QuerySelector("main .notice-warn"));
    }
}
