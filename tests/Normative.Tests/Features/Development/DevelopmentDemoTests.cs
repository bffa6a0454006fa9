using Microsoft.EntityFrameworkCore;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Meetings;

namespace Normative.Tests.Features.Development;

public class DevelopmentDemoTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task DemoShowsALivingDevelopmentAreaAndLoadsTwiceWithoutChange()
    {
        var first = await factory.LoadDemoAsync();
        Assert.True(first.MemberBodies >= 60);
        Assert.True(first.Projects >= 8);

        var (categories, regions, openDis, votes, manager, delegateBody) = await factory.WithDbAsync(async db => (
            await db.MemberBodies.Select(m => m.Category).Distinct().CountAsync(),
            await db.MemberBodies.Select(m => m.Region).Distinct().CountAsync(),
            await db.Ballots.SingleAsync(b => b.Kind == BallotKind.DIS && b.Status == BallotStatus.Open),
            await db.BallotPositions.CountAsync(p => db.Ballots.Any(b => b.Id == p.BallotId && b.Kind == BallotKind.DIS && b.Status == BallotStatus.Open)),
            await db.Committees.CountAsync(c => c.ManagerUserId == db.Users.Single(u => u.Email == "manager@demo.normative.test").Id),
            await (from d in db.MemberBodyDelegates join u in db.Users on d.UserId equals u.Id join m in db.MemberBodies on d.MemberBodyId equals m.Id
                   where u.Email == "delegate@demo.normative.test" select m.Acronym).SingleAsync()));
        Assert.Equal(3, categories);
        Assert.Equal(5, regions);
        Assert.True(openDis.PublicConsultation);
        Assert.True(votes > 5);
        Assert.True(manager >= 1);
        Assert.Equal("UNE", delegateBody);

        var second = await factory.LoadDemoAsync();
        Assert.Equal(first, second);
        var (meetings, cancelled, registeredByDemoDelegate) = await factory.WithDbAsync(async db => (
            await db.Meetings.CountAsync(),
            await db.Meetings.CountAsync(m => m.Status == MeetingStatus.Cancelled),
            await db.MeetingRegistrations.CountAsync(r => r.UserId == db.Users.Single(u => u.Email == "delegate@demo.normative.test").Id)));
        Assert.Equal((4, 1, 2), (meetings, cancelled, registeredByDemoDelegate));
        // The registers have documents of every audience, the second working draft superseding the first; none waits for the daily mail.
        // Besides the projects' STS drafts (filed as the projects moved), seven sample PDFs, numbered after them.
        var documents = await factory.WithDbAsync(db => db.CommitteeDocuments.OrderBy(d => d.CommitteeId).ThenBy(d => d.Number).ToListAsync());
        Assert.Equal(7, documents.Count(d => d.ContentType == "application/pdf"));
        Assert.Contains(documents, d => d.ContentType == "application/xml" && d.Type == DocumentType.EnquiryDraft);
        Assert.All(documents.GroupBy(d => d.CommitteeId), g => Assert.Equal(Enumerable.Range(1, g.Count()), g.Select(d => d.Number)));
        Assert.Equal(3, documents.Select(d => d.Audience).Distinct().Count());
        Assert.Contains(documents, d => d.SupersedesId is not null);
        Assert.All(documents, d => Assert.NotNull(d.NotifiedAt));
    }
}
