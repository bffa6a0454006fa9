using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Development.Documents;
using Normative.Features.Development.Experts;
using Normative.Features.Development.Liaisons;
using Normative.Storage;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Documents;

/// <summary>The daily mail of new documents: one mail per person across their committees, none for outsiders or those who turned it off, once a day.</summary>
public class DocumentDigestTests(DocumentsFactory factory) : IClassFixture<DocumentsFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private Task UploadAsync(int committeeId, string title, DocumentAudience audience = DocumentAudience.Committee) => _world.WithServicesAsync(async sp =>
    {
        var result = await CommitteeDocuments.UploadAsync(sp.GetRequiredService<NormativeDb>(), sp.GetRequiredService<IFileStore>(), new DocumentLimits(), committeeId,
            new CommitteeDocumentDraft("n.pdf", title, DocumentType.Agenda, new DateOnly(2026, 12, 1), audience), new MemoryStream(DocumentSamples.Pdf()), DateTimeOffset.UtcNow.AddMinutes(-1));
        Assert.True(result.Succeeded, result.Error?.Key);
        return 0;
    });

    private Task<int> SendAsync(DateTimeOffset now, bool daily = false) => _world.WithServicesAsync(sp =>
    {
        var db = sp.GetRequiredService<NormativeDb>();
        var mail = sp.GetRequiredService<DocumentMail>();
        return daily ? DocumentDigest.RunAsync(db, mail, now) : DocumentDigest.SendAsync(db, mail, now);
    });

    private Task<List<Normative.Mail.OutboxMessage>> MailToAsync(string email) =>
        factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.To == email && m.Subject.StartsWith("New committee documents")).ToListAsync());

    [Fact]
    public async Task EachPersonGetsOneMailListingTheirCommitteesNewDocuments()
    {
        var (tc, p, o) = await _world.CommitteeAsync(1, 1);
        var (other, p2, _) = await _world.CommitteeAsync(1);
        var (_, pUser) = await _world.DelegateAsync(p[0]);
        await _world.LinkAsync(pUser, p2[0]);
        var (_, oUser) = await _world.DelegateAsync(o[0]);
        var (_, optedOut) = await _world.DelegateAsync(p[0]);
        var (_, outsider) = await _world.DelegateAsync(await _world.BodyAsync());
        var expert = await factory.CreateUserAsync(Roles.Customer);
        var representative = await factory.CreateUserAsync(Roles.Customer);
        await factory.WithDbAsync(async db =>
        {
            db.CommitteeExperts.Add(new CommitteeExpert { CommitteeId = tc.Id, Name = "Expert", Email = expert.Email!.ToLowerInvariant(), UserId = expert.Id, NominatedAt = DateTimeOffset.UtcNow });
            var liaison = new CommitteeLiaison { CommitteeId = tc.Id, Category = LiaisonCategory.A, Organization = "Digest liaison " + tc.Id, EstablishedAt = DateTimeOffset.UtcNow };
            db.CommitteeLiaisons.Add(liaison);
            db.DocumentMailOptOuts.Add(new DocumentMailOptOut { UserId = optedOut.Id, OptedOutAt = DateTimeOffset.UtcNow });
            await db.SaveChangesAsync();
            db.LiaisonRepresentatives.Add(new LiaisonRepresentative { LiaisonId = liaison.Id, UserId = representative.Id, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        await UploadAsync(tc.Id, "Agenda of the plenary");
        await UploadAsync(tc.Id, "Draft resolutions", DocumentAudience.Public);
        await UploadAsync(other.Id, "Agenda of the other committee");

        Assert.True(await SendAsync(DateTimeOffset.UtcNow) >= 4);

        var mail = Assert.Single(await MailToAsync(pUser.Email!));
        Assert.Equal("New committee documents (3)", mail.Subject);
        foreach (var expected in new[] { $"{tc.Reference} N 1: Agenda of the plenary", $"{tc.Reference} N 2: Draft resolutions", $"{other.Reference} N 1: Agenda of the other committee", "/development/documents/mail" })
        {
            Assert.Contains(expected, mail.TextBody, StringComparison.Ordinal);
        }
        foreach (var person in new[] { oUser, expert, representative })
        {
            var theirs = Assert.Single(await MailToAsync(person.Email!));
            Assert.Equal("New committee documents (2)", theirs.Subject);
        }
        Assert.Empty(await MailToAsync(outsider.Email!));
        Assert.Empty(await MailToAsync(optedOut.Email!));

        // Announced once: the next round has nothing to say.
        Assert.Equal(0, await SendAsync(DateTimeOffset.UtcNow));
        Assert.Single(await MailToAsync(pUser.Email!));
    }

    [Fact]
    public async Task TheDailyRoundSendsOnceADayFromSixOClock()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (_, user) = await _world.DelegateAsync(p[0]);
        // Anything pending from other tests goes first, so this day starts clean.
        await SendAsync(DateTimeOffset.UtcNow);
        await UploadAsync(committee.Id, "First");
        var day = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddDays(1);

        Assert.Equal(0, await SendAsync(day.AddHours(5), daily: true));
        Assert.Empty(await MailToAsync(user.Email!));
        Assert.True(await SendAsync(day.AddHours(6).AddMinutes(1), daily: true) > 0);
        Assert.Single(await MailToAsync(user.Email!));

        await UploadAsync(committee.Id, "Second");
        Assert.Equal(0, await SendAsync(day.AddHours(12), daily: true));
        Assert.True(await SendAsync(day.AddDays(1).AddHours(7), daily: true) > 0);
        Assert.Equal(2, (await MailToAsync(user.Email!)).Count);
    }

    [Fact]
    public async Task APersonTurnsTheMailOffAndOnFromTheirAccount()
    {
        var (browser, user) = await factory.SignInAsAsync(Roles.Delegate);

        var off = await browser.SubmitFormAsync(DocumentLinks.MailSettings, new() { ["Input.Daily"] = "false" });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, off.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.DocumentMailOptOuts.AnyAsync(o => o.UserId == user.Id)));
        Assert.Null((await browser.GetDocumentAsync(DocumentLinks.MailSettings)).QuerySelector("#Input_Daily[checked]"));

        await browser.SubmitFormAsync(DocumentLinks.MailSettings, new() { ["Input.Daily"] = "true" });
        Assert.False(await factory.WithDbAsync(db => db.DocumentMailOptOuts.AnyAsync(o => o.UserId == user.Id)));
        Assert.Contains(DocumentLinks.MailSettings, await browser.GetStringAsync("/account"), StringComparison.Ordinal);
    }
}
