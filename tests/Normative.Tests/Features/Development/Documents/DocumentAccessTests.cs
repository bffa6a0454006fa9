using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Development.Experts;
using Normative.Features.Development.Liaisons;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Documents;

/// <summary>
/// Every audience × every role over the document's page, its file, the API's record and file, the
/// register and the feed: 403 for a signed-in outsider, 404 for an anonymous visitor, never a trace
/// of a closed document in lists or the feed for those outside it.
/// </summary>
public class DocumentAccessTests(DocumentsFactory factory) : IClassFixture<DocumentsFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private sealed record Person(string Role, HttpClient Browser, HttpClient Api);

    private async Task<Person> PersonAsync(string name, User? user)
    {
        if (user is null)
        {
            return new Person(name, factory.Browser(), factory.CreateClient());
        }
        var browser = factory.Browser();
        var signedIn = await browser.SubmitFormAsync("/account/signin", new() { ["Input.Email"] = user.Email!, ["Input.Password"] = NormativeFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return new Person(name, browser, await _world.TokenClientAsync(user));
    }

    [Fact]
    public async Task EveryRoleReadsExactlyWhatItsAudienceAllows()
    {
        var (committee, p, o) = await _world.CommitteeAsync(1, 1);
        var (managerApi, _, managerUser) = await _world.ManagerAsync(committee.Id);
        var (_, pUser) = await _world.DelegateAsync(p[0]);
        var (_, oUser) = await _world.DelegateAsync(o[0]);
        var (_, outsiderUser) = await _world.DelegateAsync(await _world.BodyAsync());
        var customer = await factory.CreateUserAsync(Roles.Customer);
        var expert = await factory.CreateUserAsync(Roles.Customer);
        var representative = await factory.CreateUserAsync(Roles.Customer);
        var administrator = await factory.CreateUserAsync(Roles.Administrator);
        await factory.WithDbAsync(async db =>
        {
            db.CommitteeExperts.Add(new CommitteeExpert { CommitteeId = committee.Id, Name = "Expert", Email = expert.Email!.ToLowerInvariant(), UserId = expert.Id, NominatedAt = DateTimeOffset.UtcNow });
            var liaison = new CommitteeLiaison { CommitteeId = committee.Id, Category = LiaisonCategory.A, Organization = "Liaison org " + committee.Id, EstablishedAt = DateTimeOffset.UtcNow };
            db.CommitteeLiaisons.Add(liaison);
            await db.SaveChangesAsync();
            db.LiaisonRepresentatives.Add(new LiaisonRepresentative { LiaisonId = liaison.Id, UserId = representative.Id, AddedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });

        var numbers = new Dictionary<string, int>();
        foreach (var audience in new[] { "Committee", "MemberBodies", "Public" })
        {
            var created = await DocumentApi.UploadAsync(managerApi, committee.Id, DocumentApi.Form($"{audience}.pdf", DocumentSamples.Pdf(audience), $"For {audience}", audience: audience));
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            numbers[audience] = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("number").GetInt32();
        }

        var people = new List<(Person Person, string[] Reads, HttpStatusCode Refusal)>
        {
            (await PersonAsync("anonymous", null), ["Public"], HttpStatusCode.NotFound),
            (await PersonAsync("customer", customer), ["Public"], HttpStatusCode.Forbidden),
            (await PersonAsync("delegate of a P-member", pUser), ["Committee", "MemberBodies", "Public"], HttpStatusCode.Forbidden),
            (await PersonAsync("delegate of an O-member", oUser), ["Committee", "MemberBodies", "Public"], HttpStatusCode.Forbidden),
            (await PersonAsync("delegate of a body outside the committee", outsiderUser), ["MemberBodies", "Public"], HttpStatusCode.Forbidden),
            (await PersonAsync("expert", expert), ["Committee", "MemberBodies", "Public"], HttpStatusCode.Forbidden),
            (await PersonAsync("liaison representative", representative), ["Committee", "MemberBodies", "Public"], HttpStatusCode.Forbidden),
            (await PersonAsync("manager", managerUser), ["Committee", "MemberBodies", "Public"], HttpStatusCode.Forbidden),
            (await PersonAsync("administrator", administrator), ["Committee", "MemberBodies", "Public"], HttpStatusCode.Forbidden),
        };

        var wrong = new List<string>();
        foreach (var (person, reads, refusal) in people)
        {
            foreach (var (audience, number) in numbers)
            {
                var expected = reads.Contains(audience) ? HttpStatusCode.OK : refusal;
                foreach (var (surface, client, url) in new[]
                {
                    ("page", person.Browser, $"/committees/{committee.Slug}/documents/{number}"),
                    ("file", person.Browser, $"/committees/{committee.Slug}/documents/{number}/file"),
                    ("API record", person.Api, $"/api/v1/committees/{committee.Id}/documents/{number}"),
                    ("API file", person.Api, $"/api/v1/committees/{committee.Id}/documents/{number}/file"),
                })
                {
                    var response = await client.GetAsync(url);
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != expected)
                    {
                        wrong.Add($"{person.Role} · {audience} · {surface}: {(int)response.StatusCode}, expected {(int)expected}");
                    }
                    else if (expected != HttpStatusCode.OK && body.Contains($"For {audience}", StringComparison.Ordinal))
                    {
                        wrong.Add($"{person.Role} · {audience} · {surface}: the refusal shows the title");
                    }
                }
            }
            // Lists show exactly what the person may read.
            var register = await person.Browser.GetStringAsync($"/committees/{committee.Slug}/documents");
            var list = await person.Api.GetStringAsync($"/api/v1/committees/{committee.Id}/documents");
            foreach (var audience in numbers.Keys)
            {
                if (register.Contains($"For {audience}", StringComparison.Ordinal) != reads.Contains(audience))
                {
                    wrong.Add($"{person.Role} · {audience} · register page");
                }
                if (list.Contains($"For {audience}", StringComparison.Ordinal) != reads.Contains(audience))
                {
                    wrong.Add($"{person.Role} · {audience} · API list");
                }
            }
            // The feed carries the public documents only, whoever asks.
            var feed = await person.Browser.GetStringAsync($"/committees/{committee.Slug}/documents.atom");
            if (!feed.Contains("For Public", StringComparison.Ordinal) || feed.Contains("For Committee", StringComparison.Ordinal) || feed.Contains("For MemberBodies", StringComparison.Ordinal))
            {
                wrong.Add($"{person.Role} · feed");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task TheSitemapListsThePublicDocumentsOnly()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (managerApi, _, _) = await _world.ManagerAsync(committee.Id);
        var numbers = new Dictionary<string, int>();
        foreach (var audience in new[] { "Committee", "MemberBodies", "Public" })
        {
            var created = await DocumentApi.UploadAsync(managerApi, committee.Id, DocumentApi.Form($"{audience}.pdf", DocumentSamples.Pdf(audience), $"For {audience}", audience: audience));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            numbers[audience] = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetInt32();
        }

        var anonymous = factory.Browser();
        var index = await anonymous.GetStringAsync("/sitemap.xml");
        var files = System.Text.RegularExpressions.Regex.Matches(index, "<loc>[^<]*(/sitemap-documents[^<]*)</loc>").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(files);
        var sitemap = string.Concat(await Task.WhenAll(files.Select(anonymous.GetStringAsync)));
        var page = $"/committees/{committee.Slug}/documents/";
        Assert.Contains($"{page}{numbers["Public"]}<", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain($"{page}{numbers["Committee"]}<", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain($"{page}{numbers["MemberBodies"]}<", sitemap, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{page}{numbers["Public"]}")).StatusCode);
    }

    [Fact]
    public async Task OnlyTheCommitteesManagerSecretariatAndAdministratorsUpload()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (delegateApi, _) = await _world.DelegateAsync(p[0]);
        var (customer, _) = await factory.ApiClientAsync(Roles.Customer);
        var (administrator, _) = await factory.ApiClientAsync(Roles.Administrator);

        Assert.Equal(HttpStatusCode.Unauthorized, (await DocumentApi.UploadAsync(factory.CreateClient(), committee.Id, DocumentApi.Form("N.pdf", DocumentSamples.Pdf()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DocumentApi.UploadAsync(delegateApi, committee.Id, DocumentApi.Form("N.pdf", DocumentSamples.Pdf()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DocumentApi.UploadAsync(customer, committee.Id, DocumentApi.Form("N.pdf", DocumentSamples.Pdf()))).StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.CommitteeDocuments.AnyAsync(d => d.CommitteeId == committee.Id)));
        Assert.Equal(HttpStatusCode.Created, (await DocumentApi.UploadAsync(administrator, committee.Id, DocumentApi.Form("N.pdf", DocumentSamples.Pdf()))).StatusCode);
    }
}
