using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Catalogue;
using Normative.Features.Development;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Membership;
using Normative.Features.Development.Projects;
using Normative.Storage;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development;

/// <summary>Intent helpers for development tests: committees with members, managers, delegates, projects at a stage, ballots.</summary>
public sealed class DevelopmentWorld(NormativeFactory factory)
{
    private static int _next;

    /// <summary>
    /// Two-letter codes no country has (about 400), so a test's own member bodies never take a real
    /// country a test types into the form or the API ("UG", "TZ"): the counter runs across the whole
    /// suite and once reached "UG" in the middle of the test that then posts UG itself.
    /// </summary>
    private static readonly string[] UnassignedCodes =
        [.. from a in Enumerable.Range('A', 26) from b in Enumerable.Range('A', 26)
            let code = $"{(char)a}{(char)b}" where !Normative.Features.Shared.CountryCodes.All.Contains(code) select code];

    public NormativeFactory Factory => factory;

    /// <summary>Runs <paramref name="work"/> with the services of a new scope (a DbContext of its own).</summary>
    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>A member body with a country code and acronym no other test uses.</summary>
    public Task<MemberBody> BodyAsync(MemberCategory category = MemberCategory.MemberBody) => factory.WithDbAsync(async db =>
    {
        var n = Interlocked.Increment(ref _next);
        var code = UnassignedCodes[n % UnassignedCodes.Length];
        // Alpha-3 "Q" + an unassigned pair: user-assigned in ISO 3166 (the only real Q code, QAT, pairs with AT, which is
        // assigned). "Z" + the pair gave ZMB and ZWE for MB and WE: Zambia's and Zimbabwe's codes, which then collided.
        var body = new MemberBody
        {
            CountryCode = code, CountryCode3 = "Q" + code, CountryEn = "Country " + code, CountryFr = "Pays " + code, CountryEs = "País " + code,
            CountryRu = "Страна " + code, Acronym = "NSB" + n, Name = "National Standards Body " + n, Category = category, Region = Region.Europe,
        };
        db.MemberBodies.Add(body);
        await db.SaveChangesAsync();
        return body;
    });

    /// <summary>A committee with <paramref name="p"/> P-members and <paramref name="o"/> O-members, managed by <paramref name="managerId"/>.</summary>
    public async Task<(Committee Committee, List<MemberBody> P, List<MemberBody> O)> CommitteeAsync(int p, int o = 0, string? managerId = null)
    {
        var pBodies = new List<MemberBody>();
        var oBodies = new List<MemberBody>();
        for (var i = 0; i < p; i++)
        {
            pBodies.Add(await BodyAsync());
        }
        for (var i = 0; i < o; i++)
        {
            oBodies.Add(await BodyAsync());
        }
        var committee = await factory.WithDbAsync(async db =>
        {
            var n = Interlocked.Increment(ref _next);
            var c = new Committee { Reference = $"ISO/TC {900 + n}", TitleEn = "Test committee " + n, ManagerUserId = managerId, CreationDate = new DateOnly(2020, 1, 1) };
            db.Committees.Add(c);
            await db.SaveChangesAsync();
            foreach (var (bodies, status) in new[] { (pBodies, MembershipStatus.P), (oBodies, MembershipStatus.O) })
            {
                foreach (var b in bodies)
                {
                    db.CommitteeMemberships.Add(new CommitteeMembership { CommitteeId = c.Id, MemberBodyId = b.Id, Status = status, Since = new DateOnly(2020, 1, 1) });
                }
            }
            await db.SaveChangesAsync();
            return c;
        });
        return (committee, pBodies, oBodies);
    }

    /// <summary>A committee manager with an API client, a signed-in browser, and the committee given to them.</summary>
    public async Task<(HttpClient Api, HttpClient Browser, User User)> ManagerAsync(int committeeId)
    {
        var (browser, user) = await factory.SignInAsAsync(Roles.CommitteeManager);
        await factory.WithDbAsync(db => db.Committees.Where(c => c.Id == committeeId).ExecuteUpdateAsync(s => s.SetProperty(c => c.ManagerUserId, user.Id)));
        return (await TokenClientAsync(user), browser, user);
    }

    /// <summary>A delegate of <paramref name="body"/> with an API client (personal token) and the user.</summary>
    public async Task<(HttpClient Api, User User)> DelegateAsync(MemberBody body)
    {
        var user = await factory.CreateUserAsync(Roles.Delegate);
        await LinkAsync(user, body);
        return (await TokenClientAsync(user), user);
    }

    public Task LinkAsync(User user, MemberBody body) => factory.WithDbAsync(async db =>
    {
        db.MemberBodyDelegates.Add(new MemberBodyDelegate { MemberBodyId = body.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow });
        return await db.SaveChangesAsync();
    });

    public async Task<HttpClient> TokenClientAsync(User user)
    {
        var (_, secret) = await factory.WithDbAsync(db => ApiTokens.CreateAsync(db, user.Id, "test", DateTimeOffset.UtcNow));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A project of the committee moved along the given stages (through the same operations the site uses).</summary>
    public Task<Project> ProjectAsync(int committeeId, string reference, params int[] stages) => WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<NormativeDb>();
        var created = await ProjectActions.CreateAsync(db, new ProjectDraft(committeeId, reference, "Test project " + reference), null, DateTimeOffset.UtcNow);
        Assert.True(created.Succeeded, created.Error?.Key);
        foreach (var stage in stages)
        {
            if (DraftRules.ForStage(stage) is { } type)
            {
                await DraftAsync(created.Value, type);
            }
            var moved = await ProjectActions.MoveAsync(db, created.Value.Id, stage, null, null, DateTimeOffset.UtcNow);
            Assert.True(moved.Succeeded, moved.Error?.Key);
        }
        return created.Value;
    });

    /// <summary>A draft of the project filed in its committee's register (STS XML with numbered lines unless <paramref name="content"/> is given).</summary>
    public Task<CommitteeDocument> DraftAsync(Project project, DocumentType type, DocumentAudience audience = DocumentAudience.Public, string? content = null,
        string? fileName = null, int? supersedes = null) => WithServicesAsync(async sp =>
    {
        await using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content ?? Documents.StsSamples.Numbered()));
        var filed = await CommitteeDocuments.UploadAsync(sp.GetRequiredService<NormativeDb>(), sp.GetRequiredService<IFileStore>(), new DocumentLimits(), project.CommitteeId,
            new CommitteeDocumentDraft(fileName ?? "draft.xml", $"{DraftRules.Label(type, 1, 1)} {project.Reference}", type, DateOnly.FromDateTime(DateTime.UtcNow), audience,
                project.Id, supersedes), stream, DateTimeOffset.UtcNow);
        Assert.True(filed.Succeeded, filed.Error?.Key);
        return filed.Value;
    });

    /// <summary>A draft as a PDF: voters can read it, and comments name their clauses freely (an STS draft would offer only its own).</summary>
    public Task<CommitteeDocument> PdfDraftAsync(Project project, DocumentType type, DocumentAudience audience) =>
        DraftAsync(project, type, audience, System.Text.Encoding.ASCII.GetString(Documents.DocumentSamples.Pdf(project.Reference)), "draft.pdf");

    /// <summary>
    /// A project taken to enquiry (40.00) the short way (skipping the committee draft), ready for a DIS
    /// ballot: its enquiry draft (a PDF) is filed with <paramref name="draft"/> as audience, or not at all when null.
    /// </summary>
    public async Task<Project> ProjectReadyForDisAsync(int committeeId, string reference, DocumentAudience? draft = DocumentAudience.Public)
    {
        var project = await ProjectAsync(committeeId, reference);
        await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stage, 4000).SetProperty(p => p.RegisteredOn, DateOnly.FromDateTime(DateTime.UtcNow))));
        if (draft is { } audience)
        {
            await PdfDraftAsync(project, DocumentType.EnquiryDraft, audience);
        }
        return project;
    }

    /// <summary>A ballot opened on the project; a CD, DIS or FDIS ballot on a project without its draft gets a public PDF one filed first.</summary>
    public Task<Ballot> OpenBallotAsync(int projectId, BallotKind kind, DateTimeOffset? closesAt = null, bool publicConsultation = false) => WithServicesAsync(async sp =>
    {
        if (DraftRules.ForBallot(kind) is { } type)
        {
            var project = await factory.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == projectId));
            if (!await factory.WithDbAsync(db => db.CommitteeDocuments.AnyAsync(d => d.ProjectId == projectId && d.Type == type)))
            {
                await PdfDraftAsync(project, type, DocumentAudience.Public);
            }
        }
        var opened = await BallotActions.OpenAsync(sp.GetRequiredService<NormativeDb>(), sp.GetRequiredService<DevelopmentMail>(), new BallotDurations(),
            new BallotRequest(projectId, kind, closesAt, publicConsultation), null, DateTimeOffset.UtcNow);
        Assert.True(opened.Succeeded, opened.Error?.Key);
        return opened.Value;
    });

    /// <summary>A DIS ballot open on a new project of a new committee with <paramref name="p"/> P- and <paramref name="o"/> O-members.</summary>
    public async Task<(Ballot Ballot, Committee Committee, List<MemberBody> P, List<MemberBody> O)> OpenDisAsync(int p = 5, int o = 1, bool publicConsultation = false)
    {
        var (committee, pBodies, oBodies) = await CommitteeAsync(p, o);
        var project = await ProjectReadyForDisAsync(committee.Id, $"ISO {20000 + Interlocked.Increment(ref _next)}");
        var ballot = await OpenBallotAsync(project.Id, BallotKind.DIS, publicConsultation: publicConsultation);
        return (ballot, committee, pBodies, oBodies);
    }
}
