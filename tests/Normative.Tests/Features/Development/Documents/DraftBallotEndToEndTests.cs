using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Data;
using Normative.Features.Accounts;
using Normative.Features.Development.Comments;
using Normative.Features.Development.Documents;
using Normative.Storage;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Documents;

/// <summary>
/// A project's drafts from WD to DIS, the DIS ballot on its draft, comments on the draft's clauses,
/// and the documents closing the ballot files — through the site and the API as people use them.
/// </summary>
public class DraftBallotEndToEndTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private async Task<byte[]> StoredBytesAsync(int documentId) => await factory.WithServicesAsync(async sp =>
    {
        var db = sp.GetRequiredService<NormativeDb>();
        var document = await db.CommitteeDocuments.SingleAsync(d => d.Id == documentId);
        var file = await db.StoredFiles.SingleAsync(f => f.Id == document.FileId);
        await using var stream = await sp.GetRequiredService<IFileStore>().OpenReadAsync(db, file);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    });

    [Fact]
    public async Task DraftsFromWdToDisTheBallotOnItsDraftCommentsOnItsClausesAndTheFiledResult()
    {
        var (committee, p, o) = await _world.CommitteeAsync(4, 1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var project = await _world.ProjectAsync(committee.Id, "ISO 31200");
        await factory.WithDbAsync(db => db.Projects.Where(x => x.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Stage, 2020)));

        // The committee manager files WD 1 and WD 2, then the CD, and moves the project to 30.00.
        var wd1 = await _world.DraftAsync(project, DocumentType.WorkingDraft, DocumentAudience.Committee);
        await _world.DraftAsync(project, DocumentType.WorkingDraft, DocumentAudience.Committee, supersedes: wd1.Number);
        (await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "20.60" })).EnsureSuccessStatusCode();
        (await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "20.99" })).EnsureSuccessStatusCode();
        var cd = await _world.DraftAsync(project, DocumentType.CommitteeDraft, DocumentAudience.Committee);
        (await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "30.00" })).EnsureSuccessStatusCode();
        var cdBallot = await JsonAsync(await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId = project.Id, kind = "CD" }));
        (await manager.PostAsync($"/api/v1/ballots/{cdBallot.GetProperty("id").GetInt32()}/close", null)).EnsureSuccessStatusCode();
        (await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "30.99" })).EnsureSuccessStatusCode();

        // The DIS: public, so every member body (and a public consultation) may read it.
        var dis = await _world.DraftAsync(project, DocumentType.EnquiryDraft, DocumentAudience.Public, fileName: "iso-dis-31200.xml");
        (await manager.PostAsJsonAsync($"/api/v1/projects/{project.Id}/stages", new { stage = "40.00" })).EnsureSuccessStatusCode();
        var opened = await JsonAsync(await manager.PostAsJsonAsync("/api/v1/ballots", new { projectId = project.Id, kind = "DIS" }));
        var ballotId = opened.GetProperty("id").GetInt32();
        var ballot = await factory.WithDbAsync(db => db.Ballots.SingleAsync(b => b.Id == ballotId));
        Assert.Equal(dis.Id, ballot.DocumentId);
        Assert.Equal(cd.Id, (await factory.WithDbAsync(db => db.Ballots.SingleAsync(b => b.Id == cdBallot.GetProperty("id").GetInt32()))).DocumentId);

        // The project's page lists its drafts by stage.
        var (managerBrowser, _) = await factory.SignInAsAsync(Roles.Administrator);
        var projectPage = await managerBrowser.GetDocumentAsync($"/development/projects/{project.Id}?culture=en");
        var drafts = projectPage.QuerySelectorAll("#drafts-table tbody tr").Select(r => r.QuerySelector("th")!.TextContent.Trim()).ToList();
        Assert.Equal(["WD 1", "WD 2", "CD", "DIS"], drafts);

        // A delegate reads the ballot, downloads its draft and the checksum matches the register's.
        var (delegateBrowser, delegateUser) = await factory.SignInAsAsync(Roles.Delegate);
        await _world.LinkAsync(delegateUser, p[0]);
        var ballotPage = await delegateBrowser.GetDocumentAsync($"/development/ballots/{ballotId}?culture=en");
        Assert.Contains(ballotPage.QuerySelectorAll(".ballot-documents a"), a => a.TextContent.Contains($"{committee.Reference} N {dis.Number}", StringComparison.Ordinal));
        var download = await delegateBrowser.GetAsync($"/development/ballots/{ballotId}/draft?handler=File");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        var stored = await factory.WithDbAsync(db => db.StoredFiles.SingleAsync(f => f.Id == dis.FileId));
        Assert.Equal(stored.Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(stored.Sha256, download.Headers.GetValues("X-Content-SHA256").Single());

        // The comment form offers the draft's clauses and lines, and comments on them.
        var url = $"/development/ballots/{ballotId}/comments?culture=en";
        var form = await delegateBrowser.GetDocumentAsync(url);
        var clauses = form.QuerySelectorAll("#Input_Clause option").Select(x => x.GetAttribute("value")).ToList();
        Assert.Equal(["General", "Foreword", "1", "2", "3", "3.1", "4", "4.1", "4.2", "Annex A"], clauses);
        Assert.Equal(12, form.QuerySelectorAll("#draft-lines option").Length);
        var added = await delegateBrowser.SubmitFormAsync(url, new() { ["Input.Clause"] = "4.2", ["Input.LineNumber"] = "8", ["Input.Type"] = "te", ["Input.Comment"] = "Leadership needs a note." },
            "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        await delegateBrowser.SubmitFormAsync(url, new() { ["Input.Clause"] = "Annex A", ["Input.Type"] = "ed", ["Input.Comment"] = "Typo in the example." }, "form[action*='handler=Add']");
        await delegateBrowser.SubmitFormAsync(url, new() { ["Input.Clause"] = "1", ["Input.LineNumber"] = "2", ["Input.Type"] = "ge", ["Input.Comment"] = "Scope too wide." }, "form[action*='handler=Add']");
        // A clause or a line the draft does not have is refused, and nothing is saved.
        var refused = await delegateBrowser.SubmitFormAsync(url, new() { ["Input.Clause"] = "4.7", ["Input.Type"] = "te", ["Input.Comment"] = "No such clause." }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Clause 4.7 is not in the draft", (await refused.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var badLine = await delegateBrowser.SubmitFormAsync(url, new() { ["Input.Clause"] = "4.2", ["Input.LineNumber"] = "99", ["Input.Type"] = "te", ["Input.Comment"] = "Far away." }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.BadRequest, badLine.StatusCode);
        Assert.Equal(3, await factory.WithDbAsync(db => db.BallotComments.CountAsync(c => c.BallotId == ballotId)));
        // The compiled table links each comment to its clause in the draft.
        var table = await delegateBrowser.GetDocumentAsync(url);
        Assert.Equal($"/development/ballots/{ballotId}/draft#clause-4-2", table.QuerySelectorAll(".comments-table tbody tr td a").First(a => a.TextContent == "4.2").GetAttribute("href"));
        var draftPage = await delegateBrowser.GetDocumentAsync($"/development/ballots/{ballotId}/draft?culture=en");
        Assert.NotNull(draftPage.QuerySelector("#clause-4-2"));

        // The member bodies vote; closing the ballot files the result and the compiled comments as the next N-numbers.
        foreach (var body in p)
        {
            var (api, _) = await _world.DelegateAsync(body);
            (await api.PostAsJsonAsync($"/api/v1/ballots/{ballotId}/votes", new { position = "Approve" })).EnsureSuccessStatusCode();
        }
        var oDelegate = await _world.DelegateAsync(o[0]);
        var last = await factory.WithDbAsync(db => db.CommitteeDocuments.Where(d => d.CommitteeId == committee.Id).MaxAsync(d => d.Number));
        (await manager.PostAsync($"/api/v1/ballots/{ballotId}/close", null)).EnsureSuccessStatusCode();
        var closed = await factory.WithDbAsync(db => db.Ballots.SingleAsync(b => b.Id == ballotId));
        var filed = await factory.WithDbAsync(db => db.CommitteeDocuments.Where(d => d.CommitteeId == committee.Id && d.Number > last).OrderBy(d => d.Number).ToListAsync());
        Assert.Equal([last + 1, last + 2, last + 3], filed.Select(d => d.Number));
        Assert.Equal([closed.ResultDocumentId, closed.CommentsDocumentId, closed.CommentsCsvDocumentId], filed.Select(d => (int?)d.Id));
        Assert.Equal([DocumentType.BallotResult, DocumentType.CompiledComments, DocumentType.CompiledComments], filed.Select(d => d.Type));
        Assert.All(filed, d => Assert.Equal((DocumentAudience.Committee, project.Id), (d.Audience, d.ProjectId)));

        var pdf = await StoredBytesAsync(filed[0].Id);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using (var docx = WordprocessingDocument.Open(new MemoryStream(await StoredBytesAsync(filed[1].Id)), false))
        {
            var text = docx.MainDocumentPart!.Document.Body!.InnerText;
            Assert.True(text.IndexOf("Scope too wide.", StringComparison.Ordinal) < text.IndexOf("Leadership needs a note.", StringComparison.Ordinal));
        }
        var csv = Encoding.UTF8.GetString(await StoredBytesAsync(filed[2].Id));
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Contains(",4.2,", rows[1], StringComparison.Ordinal);
        Assert.Contains("Annex A", rows[2], StringComparison.Ordinal);

        // The committee's members (delegates of its P- and O-members) are told in the closing mail where the documents are.
        var told = await factory.WithDbAsync(db => db.OutboxMessages.Where(m => m.TextBody.Contains($"{committee.Reference} N {last + 1}, {committee.Reference} N {last + 2}, {committee.Reference} N {last + 3}"))
            .Select(m => m.To).ToListAsync());
        Assert.Contains(delegateUser.Email!, told);
        Assert.Contains(oDelegate.User.Email!, told);
        Assert.Equal(told.Count, told.Distinct().Count());
    }

    [Fact]
    public async Task ThePublicsCommentsAreFiledWithTheMemberBodiesMarkedAsPublicAndTheResultIsInEveryLanguage()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 3, o: 0, publicConsultation: true);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var (delegateApi, delegateUser) = await _world.DelegateAsync(p[0]);
        var reader = await factory.CreateUserAsync(Roles.Customer);
        await factory.WithDbAsync(async db =>
        {
            Assert.True((await CommentActions.AddAsync(db, ballot.Id, delegateUser.Id, [p[0]], new CommentInput(null, null, "4.2", null, "te", "A member body asks for a note.", null),
                false, "api", DateTimeOffset.UtcNow)).Succeeded);
            Assert.True((await CommentActions.AddAsync(db, ballot.Id, reader.Id, [], new CommentInput(null, "3", "1", null, "ge", "A reader finds the scope unclear.", "Say who it is for."),
                true, "browser", DateTimeOffset.UtcNow)).Succeeded);
            return 0;
        });
        (await delegateApi.PostAsJsonAsync($"/api/v1/ballots/{ballot.Id}/votes", new { position = "Approve" })).EnsureSuccessStatusCode();

        (await manager.PostAsync($"/api/v1/ballots/{ballot.Id}/close", null)).EnsureSuccessStatusCode();
        var closed = await factory.WithDbAsync(db => db.Ballots.SingleAsync(b => b.Id == ballot.Id));

        using (var docx = WordprocessingDocument.Open(new MemoryStream(await StoredBytesAsync(closed.CommentsDocumentId!.Value)), false))
        {
            var tables = docx.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Table>().ToList();
            Assert.Equal(2, tables.Count);
            Assert.Contains("A member body asks for a note.", tables[0].InnerText, StringComparison.Ordinal);
            Assert.DoesNotContain("A reader finds the scope unclear.", tables[0].InnerText, StringComparison.Ordinal);
            Assert.Contains("Comments from the public consultation (1", docx.MainDocumentPart.Document.Body.InnerText, StringComparison.Ordinal);
            var publicRow = tables[1].Elements<DocumentFormat.OpenXml.Wordprocessing.TableRow>().Skip(1).Single();
            Assert.StartsWith("Public", publicRow.InnerText, StringComparison.Ordinal);
            Assert.Contains("A reader finds the scope unclear.", publicRow.InnerText, StringComparison.Ordinal);
        }
        var rows = Encoding.UTF8.GetString(await StoredBytesAsync(closed.CommentsCsvDocumentId!.Value)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(2, rows.Count);
        Assert.StartsWith(p[0].Acronym + ",", rows[0], StringComparison.Ordinal);
        Assert.StartsWith("Public,3,1,", rows[1], StringComparison.Ordinal);

        // One page per language: English (the default) first, then French, Spanish and Russian.
        var pdf = await StoredBytesAsync(closed.ResultDocumentId!.Value);
        using var read = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(pdf), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
        Assert.Equal(4, read.PageCount);
        Assert.Contains("Result of the DIS ballot", read.Info.Title, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
