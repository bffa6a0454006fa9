using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development;
using Normative.Features.Development.Ballots;
using Normative.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Normative.Tests.Features.Development;

/// <summary>
/// The dashboard and the ballot jobs send the same number of SQL commands however many committees,
/// member bodies or due ballots there are: no query runs once per row.
/// </summary>
public class QueryCountTests(DevelopmentFactory factory, ITestOutputHelper output) : IClassFixture<DevelopmentFactory>
{
    private static int _number = 29000;

    private readonly DevelopmentWorld _world = new(factory);

    /// <summary>A committee with two P-members, a project with an open ballot, and a closed ballot one member missed (at risk).</summary>
    private async Task<Committee> BusyCommitteeAsync(string? managerId)
    {
        var (committee, _, _) = await _world.CommitteeAsync(2);
        var missed = await _world.ProjectReadyForDisAsync(committee.Id, $"ISO {Next()}");
        var closed = await _world.OpenBallotAsync(missed.Id, BallotKind.DIS);
        await _world.WithServicesAsync(async sp => (await BallotActions.CloseAsync(sp.GetRequiredService<NormativeDb>(), null, closed.Id, null, DateTimeOffset.UtcNow)).Succeeded);
        var open = await _world.ProjectReadyForDisAsync(committee.Id, $"ISO {Next()}");
        await _world.OpenBallotAsync(open.Id, BallotKind.DIS);
        await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committee.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.ManagerUserId, managerId)));
        return committee;
    }

    private static int Next() => Interlocked.Increment(ref _number);

    [Fact]
    public async Task TheManagersDashboardSendsAsManyCommandsForSixCommitteesAsForTwo()
    {
        var (browser, manager) = await factory.SignInAsAsync(Roles.CommitteeManager);
        for (var i = 0; i < 2; i++)
        {
            await BusyCommitteeAsync(manager.Id);
        }
        var (two, twoCommands) = await SqlCommands.GetAsync(browser, "/development/dashboard?culture=en");
        for (var i = 0; i < 4; i++)
        {
            await BusyCommitteeAsync(manager.Id);
        }
        var (six, sixCommands) = await SqlCommands.GetAsync(browser, "/development/dashboard?culture=en");

        output.WriteLine($"2 committees: {twoCommands.Count} commands; 6 committees: {sixCommands.Count} commands");
        Assert.Equal(6, (await six.ReadDocumentAsync()).QuerySelectorAll("section.board[aria-labelledby^=committee-]").Length);
        Assert.Equal(2, (await two.ReadDocumentAsync()).QuerySelectorAll("section.board[aria-labelledby^=committee-]").Length);
        Assert.Equal(twoCommands.Count, sixCommands.Count);
    }

    [Fact]
    public async Task TheDelegatesDashboardSendsAsManyCommandsForSixBodiesAsForTwo()
    {
        var (browser, user) = await factory.SignInAsAsync(Roles.Delegate);
        async Task AddBodiesAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var (_, _, p, _) = await _world.OpenDisAsync(p: 1, o: 0);
                await _world.LinkAsync(user, p[0]);
            }
        }
        await AddBodiesAsync(2);
        var (two, twoCommands) = await SqlCommands.GetAsync(browser, "/development/dashboard?culture=en");
        await AddBodiesAsync(4);
        var (six, sixCommands) = await SqlCommands.GetAsync(browser, "/development/dashboard?culture=en");

        output.WriteLine($"2 bodies: {twoCommands.Count} commands; 6 bodies: {sixCommands.Count} commands");
        Assert.Equal(2, (await two.ReadDocumentAsync()).QuerySelectorAll(".waiting-list li").Length);
        Assert.Equal(6, (await six.ReadDocumentAsync()).QuerySelectorAll(".waiting-list li").Length);
        Assert.Equal(twoCommands.Count, sixCommands.Count);
    }

    [Fact]
    public async Task TheReminderJobSendsAsManyCommandsForSixDueBallotsAsForTwo()
    {
        async Task DueBallotsAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var (committee, p, _) = await _world.CommitteeAsync(2);
                await _world.DelegateAsync(p[0]);
                var project = await _world.ProjectReadyForDisAsync(committee.Id, $"ISO {Next()}");
                await _world.OpenBallotAsync(project.Id, BallotKind.DIS, DateTimeOffset.UtcNow.AddDays(3));
            }
        }
        Task<(int Reminded, IReadOnlyList<string> Commands)> RemindAsync() => SqlCommands.DuringAsync(() => _world.WithServicesAsync(sp =>
            BallotJobs.SendRemindersAsync(sp.GetRequiredService<NormativeDb>(), sp.GetRequiredService<DevelopmentMail>(), DateTimeOffset.UtcNow)));

        await RemindAsync();
        await DueBallotsAsync(2);
        var (two, twoCommands) = await RemindAsync();
        await DueBallotsAsync(6);
        var (six, sixCommands) = await RemindAsync();

        output.WriteLine($"2 due ballots: {twoCommands.Count} commands; 6 due ballots: {sixCommands.Count} commands");
        Assert.Equal((2, 6), (two, six));
        Assert.Equal(twoCommands.Count, sixCommands.Count);
    }
}
