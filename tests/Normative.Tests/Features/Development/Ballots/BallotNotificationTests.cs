using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Data;
using Normative.Features.Development;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Membership;

namespace Normative.Tests.Features.Development.Ballots;

public class BallotNotificationTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private Task<List<Normative.Mail.OutboxMessage>> MailToAsync(string email) =>
        factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync());

    private Task<int> RemindAsync() => factory.WithServicesAsync(sp =>
        BallotJobs.SendRemindersAsync(sp.GetRequiredService<NormativeDb>(), sp.GetRequiredService<DevelopmentMail>(), DateTimeOffset.UtcNow));

    [Fact]
    public async Task OpeningABallotMailsTheDelegatesOfItsMemberBodies()
    {
        var (committee, p, o) = await _world.CommitteeAsync(2, 1);
        var (_, pDelegate) = await _world.DelegateAsync(p[0]);
        var (_, oDelegate) = await _world.DelegateAsync(o[0]);
        // A DIS goes to every member body, in the committee or not, but not to correspondent members outside it.
        var outsider = await _world.BodyAsync();
        var (_, outsiderDelegate) = await _world.DelegateAsync(outsider);
        var correspondent = await _world.BodyAsync(MemberCategory.CorrespondentMember);
        var (_, correspondentDelegate) = await _world.DelegateAsync(correspondent);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 25100");

        await _world.OpenBallotAsync(project.Id, BallotKind.DIS);

        var mail = Assert.Single(await MailToAsync(pDelegate.Email!));
        Assert.Contains("DIS ballot on ISO/DIS 25100", mail.Subject, StringComparison.Ordinal);
        Assert.Contains(committee.Reference, mail.Subject, StringComparison.Ordinal);
        Assert.Contains("/development/ballots/", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(p[0].Acronym, mail.TextBody, StringComparison.Ordinal);
        Assert.Single(await MailToAsync(oDelegate.Email!));
        Assert.Single(await MailToAsync(outsiderDelegate.Email!));
        Assert.Empty(await MailToAsync(correspondentDelegate.Email!));
    }

    [Fact]
    public async Task ReminderGoesOnceAWeekBeforeClosingToThoseWhoHaveNotVoted()
    {
        var (committee, p, o) = await _world.CommitteeAsync(2, 1);
        var (voterApi, voter) = await _world.DelegateAsync(p[0]);
        var (_, silent) = await _world.DelegateAsync(p[1]);
        var (_, observer) = await _world.DelegateAsync(o[0]);
        var project = await _world.ProjectReadyForDisAsync(committee.Id, "ISO 25200");
        var ballot = await _world.OpenBallotAsync(project.Id, BallotKind.DIS, DateTimeOffset.UtcNow.AddDays(10));
        await voterApi.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "approve" });

        // Ten days before closing is too early.
        Assert.Equal(0, await RemindAsync());
        await factory.WithDbAsync(db => db.Ballots.Where(b => b.Id == ballot.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClosesAt, DateTimeOffset.UtcNow.AddDays(6))));

        // Several instances running the job at once send the reminder once.
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => RemindAsync()));
        Assert.Equal(1, runs.Sum());
        Assert.Equal(0, await RemindAsync());

        var reminders = (await MailToAsync(silent.Email!)).Where(m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal)).ToList();
        var reminder = Assert.Single(reminders);
        Assert.Contains(p[1].Acronym, reminder.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(await MailToAsync(voter.Email!), m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
        Assert.DoesNotContain(await MailToAsync(observer.Email!), m => m.Subject.StartsWith("Reminder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ClosingMailsTheOutcomeToDelegatesAndTheManager()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 2, o: 0);
        var (voterApi, voter) = await _world.DelegateAsync(p[0]);
        await voterApi.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "approve" });
        var (manager, _, managerUser) = await _world.ManagerAsync(committee.Id);

        await manager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null);

        var closed = (await MailToAsync(voter.Email!)).Last();
        Assert.Contains("closed — Approved", closed.Subject, StringComparison.Ordinal);
        Assert.Contains("1 of 2 P-members voted", closed.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/development/ballots/{ballot.Id}/result", closed.TextBody, StringComparison.Ordinal);
        Assert.Single(await MailToAsync(managerUser.Email!));
    }

    [Fact]
    public async Task BallotsPastTheirDateAreClosedByTheJobOnce()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync(p: 3, o: 0);
        var (voterApi, _) = await _world.DelegateAsync(p[0]);
        await voterApi.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "approve" });
        await factory.WithDbAsync(db => db.Ballots.Where(b => b.Id == ballot.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClosesAt, DateTimeOffset.UtcNow.AddMinutes(-5))));

        var closedBy = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => factory.WithServicesAsync(sp =>
            BallotJobs.CloseDueAsync(sp.GetRequiredService<NormativeDb>(), sp.GetRequiredService<DevelopmentMail>(), DateTimeOffset.UtcNow))));

        Assert.Equal(1, closedBy.Sum(n => n >= 1 ? 1 : 0));
        var (closed, stage, events) = await factory.WithDbAsync(async db => (
            await db.Ballots.SingleAsync(b => b.Id == ballot.Id),
            (await db.Projects.SingleAsync(x => x.Id == ballot.ProjectId)).Stage,
            await db.ProjectStageEvents.Where(e => e.BallotId == ballot.Id).ToListAsync()));
        Assert.Equal(BallotStatus.Closed, closed.Status);
        Assert.Null(closed.ClosedByUserId);
        Assert.Equal(4099, stage);
        Assert.Equal([4020, 4060, 4099], events.Select(e => e.ToStage).Order());
    }
}
