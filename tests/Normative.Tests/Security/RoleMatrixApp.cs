using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Cli.Demo;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Certification.Registry;
using Normative.Features.Development;
using Normative.Features.Development.Documents;
using Normative.Tests.Features.Store;
using Normative.Tests.Features.Store.Organizations;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Security;

/// <summary>
/// The app with every feature's demo data, a caller per role, and data that belongs to someone:
/// two buyers (one an organisation's administrator with a multi-seat order, a plain member of it,
/// one buying for themself), two certification bodies' users, and the committee ISO/TC 176/SC 2
/// with documents only its own people may read.
/// </summary>
public sealed class RoleMatrixApp : NormativeFactory, IAsyncLifetime
{
    public const string Collection = "Role matrix";

    /// <summary>The callers in the order of the matrix's columns.</summary>
    public static readonly string[] Columns =
        ["anon", Roles.Administrator, Roles.Editor, Roles.CommitteeManager, Roles.Delegate, Roles.MemberBodyAdministrator, Roles.CertificationBody, Roles.Customer];

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Certification:RateLimit:PermitLimit"] = "100000",
        // Some of the matrix's posts change a caller's security stamp (turning two-factor sign-in off);
        // the callers keep their sessions for the whole run rather than losing them at a moment that
        // depends on the machine's speed.
        ["Accounts:SessionCheckSeconds"] = "86400",
        // Thousands of refused or malformed requests are expected here; a server error still fails the test.
        ["Logging:LogLevel:Microsoft.AspNetCore.Diagnostics"] = "Critical",
    };

    public List<MatrixIdentity> Identities { get; } = [];

    /// <summary>Buyer A: an organisation's administrator (the matrix's Customer), whose organisation bought a five-seat licence.</summary>
    public Buyer A { get; private set; } = null!;

    /// <summary>Buyer B: buys one PDF for themself.</summary>
    public Buyer B { get; private set; } = null!;

    /// <summary>A plain member of buyer A's organisation.</summary>
    public MatrixIdentity OrganizationMember { get; private set; } = null!;

    /// <summary>The demo certification body's user (Northbridge, NBC) and a user of another body (Alpenzert, ALZ).</summary>
    public MatrixIdentity Nbc { get; private set; } = null!;

    public MatrixIdentity Alz { get; private set; } = null!;

    /// <summary>Someone outside ISO/TC 176/SC 2: a delegate of a member body that is not one of its members.</summary>
    public MatrixIdentity Outsider { get; private set; } = null!;

    public Samples Sample { get; private set; } = null!;

    public sealed record Buyer(MatrixIdentity Identity, string Number, long LineId, string Marker, int? OrganizationId);

    /// <summary>Real ids from the demo data and the buyers' orders, to fill route parameters with.</summary>
    public sealed record Samples(int CommitteeId, string CommitteeSlug, int ClosedDocument, string ClosedTitle, int BallotId, int MeetingId, int ProjectId,
        int ExpertId, string MemberCode, long NbcCertificate, string NbcCertificateNumber, int DeliverableId, string Reference, string IcsCode, string Sector,
        int ArticleId, string ArticleSlug, int EventId, string EventSlug, string PageKey, int CollectionId, int OrganizationId);

    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public async Task InitializeAsync()
    {
        await DemoData.LoadAsync(this, store: true, async sp =>
        {
            var db = sp.GetRequiredService<NormativeDb>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            await ReadingDemo.LoadAsync(db, now, CancellationToken.None);
            await DevelopmentDemo.LoadAsync(db, sp.GetRequiredService<UserManager<User>>(), sp.GetRequiredService<DevelopmentMail>(), now, CancellationToken.None);
            await CertificationDemo.LoadAsync(sp, CancellationToken.None);
            await ContentDemo.LoadAsync(db, now, CancellationToken.None);
        });

        A = await OrganisationBuyerAsync();
        B = await SingleBuyerAsync();

        Identities.Add(await MatrixIdentity.AnonymousAsync(NewClient()));
        Identities.Add(await NewUserAsync(Roles.Administrator));
        Identities.Add(await NewUserAsync(Roles.Editor));
        Identities.Add(await DemoUserAsync(Roles.CommitteeManager, "manager@demo.normative.test"));
        Identities.Add(await DemoUserAsync(Roles.Delegate, "delegate@demo.normative.test"));
        Identities.Add(await NewUserAsync(Roles.MemberBodyAdministrator));
        Nbc = await DemoUserAsync(Roles.CertificationBody, CertificationDemo.DemoBodyUser);
        Identities.Add(Nbc);
        Identities.Add(A.Identity);
        Assert.Equal(Columns, Identities.Select(i => i.Name));

        var alz = await CreateUserAsync(Roles.CertificationBody);
        await WithDbAsync(async db =>
        {
            db.CertificationBodyMembers.Add(new CertificationBodyMember { UserId = alz.Id, CertificationBodyId = await db.CertificationBodies.Where(b => b.Code == "ALZ").Select(b => b.Id).SingleAsync() });
            return await db.SaveChangesAsync();
        });
        Alz = await SignInAsync("ALZ", alz, Password);

        var outsider = await CreateUserAsync(Roles.Delegate);
        var sc2 = await WithDbAsync(db => db.Committees.AsNoTracking().SingleAsync(c => c.Reference == "ISO/TC 176/SC 2"));
        await WithDbAsync(async db =>
        {
            // A member body with no seat in SC 2 or its parent committee.
            var body = await db.MemberBodies.Where(m => !db.CommitteeMemberships.Any(cm => (cm.CommitteeId == sc2.Id || cm.CommitteeId == sc2.ParentId) && cm.MemberBodyId == m.Id))
                .OrderBy(m => m.Id).FirstAsync();
            db.MemberBodyDelegates.Add(new() { MemberBodyId = body.Id, UserId = outsider.Id, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        Outsider = await SignInAsync("outsider", outsider, Password);
        Sample = await SamplesAsync(sc2.Id);
    }

    private async Task<Samples> SamplesAsync(int committeeId) => await WithDbAsync(async db =>
    {
        var committee = await db.Committees.SingleAsync(c => c.Id == committeeId);
        var closed = await db.CommitteeDocuments.Where(d => d.CommitteeId == committeeId && d.Audience == DocumentAudience.Committee).OrderBy(d => d.Number).FirstAsync();
        var nbc = await db.Certificates.Where(c => c.CertificationBody!.Code == "NBC").OrderBy(c => c.Id).FirstAsync();
        var article = await db.Articles.OrderBy(a => a.Id).FirstAsync();
        var ev = await db.Events.OrderBy(e => e.Id).FirstAsync();
        const int text = 62085;
        return new Samples(committeeId, committee.Slug, closed.Number, closed.Title,
            await db.Ballots.Where(b => b.CommitteeId == committeeId).OrderBy(b => b.Id).Select(b => b.Id).FirstAsync(),
            await db.Meetings.Where(m => m.CommitteeId == committeeId).OrderBy(m => m.Id).Select(m => m.Id).FirstAsync(),
            await db.Projects.Where(p => p.CommitteeId == committeeId).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync(),
            await db.CommitteeExperts.Where(e => e.CommitteeId == committeeId).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync(),
            await db.MemberBodies.OrderBy(m => m.Id).Select(m => m.CountryCode).FirstAsync(),
            nbc.Id, nbc.Number, text, await db.Deliverables.Where(d => d.Id == text).Select(d => d.Reference).SingleAsync(),
            await db.IcsCodes.OrderBy(i => i.Code).Select(i => i.Code).FirstAsync(s => s.Length > 2),
            await db.SectorMappings.OrderBy(s => s.Slug).Select(s => s.Slug).FirstAsync(),
            article.Id, article.Slug, ev.Id, ev.Slug,
            await db.Pages.OrderBy(p => p.Key).Select(p => p.Key).FirstAsync(),
            await db.Collections.OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            A.OrganizationId!.Value);
    });

    private async Task<Buyer> OrganisationBuyerAsync()
    {
        var marker = "Ariadne Orgbuyer " + Guid.NewGuid().ToString("N")[..8];
        var admin = await OrganizationTestData.CreatePersonAsync(this, marker);
        var member = await OrganizationTestData.CreatePersonAsync(this, "Plain Member");
        var organization = await OrganizationTestData.CreateOrganizationAsync(this, admin, "Org " + marker, member);
        var d = await StoreTestData.AddDeliverableAsync(this, pages: 20);
        await StoreTestData.AddSourceFileAsync(this, d, pages: 2);
        var client = await OrganizationTestData.SignInAsync(this, admin);
        await StoreTestData.AddToCartAsync(client, d.Id);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await client.SubmitFormAsync("/cart", new() { ["quantity"] = "5" }, "form.quantity-form")).StatusCode);
        var fields = Fields(marker);
        fields["Input.BuyFor"] = organization.Id.ToString(CultureInfo.InvariantCulture);
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, fields));
        await StoreTestData.MarkPaidAsync(this, number);
        var line = (await StoreTestData.OrderAsync(this, number)).Lines.Single().Id;
        // One seat given by name, so that the seats page has someone's address to leak.
        await WithDbAsync(db => db.OrderSeats.Where(s => s.OrderLineId == line && s.Number == 1)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Email, "seat-" + marker.Replace(' ', '-').ToLowerInvariant() + "@example.org").SetProperty(x => x.HolderName, "Seat Holder")));
        OrganizationMember = await SignInAsync("member", member, Password);
        return new Buyer(await SignInAsync(Roles.Customer, admin, Password), number, line, marker, organization.Id);
    }

    private async Task<Buyer> SingleBuyerAsync()
    {
        var marker = "Bertrand Solobuyer " + Guid.NewGuid().ToString("N")[..8];
        var buyer = await OrganizationTestData.CreatePersonAsync(this, marker);
        var d = await StoreTestData.AddDeliverableAsync(this, pages: 20);
        await StoreTestData.AddSourceFileAsync(this, d, pages: 2);
        var client = await OrganizationTestData.SignInAsync(this, buyer);
        await StoreTestData.AddToCartAsync(client, d.Id);
        var number = StoreTestData.OrderNumberIn(await StoreTestData.PlaceOrderAsync(client, Fields(marker)));
        await StoreTestData.MarkPaidAsync(this, number);
        var line = (await StoreTestData.OrderAsync(this, number)).Lines.Single().Id;
        return new Buyer(await SignInAsync("B", buyer, Password), number, line, marker, null);
    }

    /// <summary>Checkout fields whose name, organisation, holder and address all carry the buyer's marker.</summary>
    private static Dictionary<string, string> Fields(string marker)
    {
        var fields = StoreTestData.Checkout(holder: marker);
        fields["Input.Name"] = marker;
        fields["Input.Organization"] = marker + " Ltd";
        fields["Input.Email"] = marker.Replace(' ', '.').ToLowerInvariant() + "@example.org";
        return fields;
    }

    private async Task<MatrixIdentity> NewUserAsync(string role) => await SignInAsync(role, await CreateUserAsync(role), Password);

    private async Task<MatrixIdentity> DemoUserAsync(string role, string email)
    {
        var user = await WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        return await SignInAsync(role, user, AccountsDemo.Password);
    }

    private async Task<MatrixIdentity> SignInAsync(string name, User user, string password)
    {
        var (_, secret) = await WithDbAsync(db => ApiTokens.CreateAsync(db, user.Id, "matrix", DateTimeOffset.UtcNow));
        return await MatrixIdentity.SignInAsync(NewClient(), name, user.Email!, password, user.Id, secret);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
