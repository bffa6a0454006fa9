using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Accounts;
using Normative.Features.Development.Comments;
using Normative.Features.Development.Membership;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Comments;

public class CommentTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private async Task<HttpClient> DelegateBrowserAsync(MemberBody body)
    {
        var (browser, user) = await factory.SignInAsAsync(Roles.Delegate);
        await _world.LinkAsync(user, body);
        return browser;
    }

    /// <summary>Posts a file through the page's upload form, antiforgery token included.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, string fileName, byte[] content)
    {
        var page = await client.GetDocumentAsync(url);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => (f.GetAttribute("action") ?? "").Contains("handler=Upload", StringComparison.Ordinal));
        var multipart = new MultipartFormDataContent
        {
            { new StringContent(form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken" },
            { new ByteArrayContent(content), form.QuerySelector("input[type=file]")!.GetAttribute("name")!, fileName },
        };
        return await client.PostAsync(form.GetAttribute("action"), multipart);
    }

    private static List<string[]> DocxRows(byte[] bytes)
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        var table = document.MainDocumentPart!.Document.Body!.Descendants<Table>().Single();
        return table.Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => string.Join("\n", c.Elements<Paragraph>().Select(p => p.InnerText))).ToArray())
            .ToList();
    }

    [Fact]
    public async Task UploadedAndTypedCommentsAreCompiledInClauseOrderInTheDocx()
    {
        var (ballot, committee, p, o) = await _world.OpenDisAsync(p: 3, o: 1);
        var first = await DelegateBrowserAsync(p[0]);
        var csv = $"""
            MB/NC,Line number,Clause/Subclause,Paragraph/Figure/Table/Note,Type of comment,Comments,Proposed change
            {p[0].Acronym},120,10.2,,ed,Last clause comment,
            ,15,Foreword,,ge,On the foreword,
            ,88,4.10,Table 3,te,"Values in Table 3, row 2 are wrong",Use 0.5
            ,40,4.2,,te,Scope of 4.2,Narrow it
            """;
        var uploaded = await UploadAsync(first, $"/development/ballots/{ballot.Id}/comments?culture=en", "comments.csv", Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        Assert.Contains("4 comments were saved", (await first.GetDocumentAsync(uploaded.Headers.Location!.OriginalString)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var second = await DelegateBrowserAsync(p[1]);
        var typed = await second.SubmitFormAsync($"/development/ballots/{ballot.Id}/comments", new()
        {
            ["Input.Clause"] = "A.1", ["Input.Type"] = "te", ["Input.Comment"] = "Annex A example is outdated", ["Input.ProposedChange"] = "Update it", ["Input.LineNumber"] = "301",
        }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, typed.StatusCode);
        // An O-member may comment though it may not vote.
        var observer = await DelegateBrowserAsync(o[0]);
        Assert.Equal(HttpStatusCode.Redirect, (await observer.SubmitFormAsync($"/development/ballots/{ballot.Id}/comments", new()
        {
            ["Input.Clause"] = "4.9", ["Input.Type"] = "ed", ["Input.Comment"] = "Missing full stop",
        }, "form[action*='handler=Add']")).StatusCode);

        var (_, manager, _) = await _world.ManagerAsync(committee.Id);
        var docx = await manager.GetAsync($"/development/ballots/{ballot.Id}/comments?handler=Docx&culture=en");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType!.MediaType);
        var rows = DocxRows(await docx.Content.ReadAsByteArrayAsync());

        Assert.Equal(["MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table/Note", "Type of comment", "Comments", "Proposed change", "Observations of the secretariat"], rows[0]);
        Assert.Equal(["Foreword", "4.2", "4.9", "4.10", "10.2", "A.1"], rows.Skip(1).Select(r => r[2]));
        var table3 = rows.Single(r => r[2] == "4.10");
        Assert.Equal([p[0].Acronym, "88", "4.10", "Table 3", "te", "Values in Table 3, row 2 are wrong", "Use 0.5", ""], table3);
        Assert.Equal(o[0].Acronym, rows.Single(r => r[2] == "4.9")[0]);

        // The same table as CSV through the API, for the committee's manager.
        var token = await _world.TokenClientAsync(await factory.WithDbAsync(db => db.Users.SingleAsync(u => db.Committees.Any(c => c.Id == committee.Id && c.ManagerUserId == u.Id))));
        var csvOut = await token.GetStringAsync($"/api/v1/ballots/{ballot.Id}/comments.csv");
        var lines = csvOut.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("MB/NC,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",Foreword,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",A.1,", lines[6], StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedFileReportsEveryBadRowAndSavesNothing()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync(p: 2, o: 0);
        var browser = await DelegateBrowserAsync(p[0]);
        var csv = """
            MB/NC,Line number,Clause/Subclause,Type of comment,Comments
            ,10,4.1,te,A good comment
            ,11,,te,No clause here
            ,twelve,4.3,xx,Bad line and bad type
            SOMEONE,13,4.4,ed,Another body's name
            ,14,4.5,ed,Another good comment
            ,15,4.6,ge,
            """;
        var response = await UploadAsync(browser, $"/development/ballots/{ballot.Id}/comments?culture=en", "mine.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).QuerySelectorAll(".file-errors li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(5, errors.Count);
        Assert.StartsWith("Row 3:", errors[0], StringComparison.Ordinal);
        Assert.Contains(errors, e => e.StartsWith("Row 4:", StringComparison.Ordinal) && e.Contains("twelve", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Row 4:", StringComparison.Ordinal) && e.Contains("'xx'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Row 5:", StringComparison.Ordinal) && e.Contains("SOMEONE", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Row 7:", StringComparison.Ordinal));
        Assert.Equal(0, await factory.WithDbAsync(db => db.BallotComments.CountAsync(c => c.BallotId == ballot.Id)));

        var notAFile = await UploadAsync(browser, $"/development/ballots/{ballot.Id}/comments?culture=en", "comments.docx", Encoding.UTF8.GetBytes("not a document"));
        Assert.Equal(HttpStatusCode.BadRequest, notAFile.StatusCode);
        Assert.Contains("Word (.docx)", (await notAFile.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var wrongType = await UploadAsync(browser, $"/development/ballots/{ballot.Id}/comments?culture=en", "comments.pdf", [1, 2, 3]);
        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(0, await factory.WithDbAsync(db => db.BallotComments.CountAsync(c => c.BallotId == ballot.Id)));
    }

    [Fact]
    public async Task CommentsAreReadFromTheDocxTemplateTable()
    {
        var (ballot, _, p, _) = await _world.OpenDisAsync(p: 2, o: 0);
        var browser = await DelegateBrowserAsync(p[0]);
        var docx = CommentTables.Docx("Comments of " + p[0].Acronym, "On the DIS",
            ["MB/NC", "Line number", "Clause/Subclause", "Paragraph/Figure/Table/Note", "Type of comment", "Comments", "Proposed change", "Observations of the secretariat"],
            [
                new BallotComment { AuthorUserId = "x", Clause = "5.3", Type = CommentType.Technical, Text = "Requirement is untestable", ProposedChange = "Add a criterion", LineNumber = "77", Source = "docx" },
                new BallotComment { AuthorUserId = "x", Clause = "2", Type = CommentType.Editorial, Text = "Dated reference missing", Source = "docx" },
            ], "");
        var response = await UploadAsync(browser, $"/development/ballots/{ballot.Id}/comments?culture=en", "template.docx", docx);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.BallotComments.Where(c => c.BallotId == ballot.Id).OrderBy(c => c.Id).ToListAsync());
        Assert.Equal(["5.3", "2"], saved.Select(c => c.Clause));
        Assert.All(saved, c => Assert.Equal(("docx", p[0].Id), (c.Source, c.MemberBodyId!.Value)));
    }

    [Fact]
    public async Task PublicCommentsAreKeptApartFromTheMemberBodies()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 2, o: 0, publicConsultation: true);
        var (citizen, _) = await factory.SignInAsAsync(Roles.Customer);
        var added = await citizen.SubmitFormAsync($"/development/ballots/{ballot.Id}/public-comments?culture=en", new()
        {
            ["Input.Clause"] = "7.1", ["Input.Type"] = "te", ["Input.Comment"] = "Small firms need an example",
        }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var member = await DelegateBrowserAsync(p[0]);
        await member.SubmitFormAsync($"/development/ballots/{ballot.Id}/comments", new() { ["Input.Clause"] = "7.2", ["Input.Type"] = "ed", ["Input.Comment"] = "Typo" }, "form[action*='handler=Add']");

        var stored = await factory.WithDbAsync(db => db.BallotComments.Where(c => c.BallotId == ballot.Id).ToListAsync());
        Assert.Single(stored, c => c.IsPublic && c.MemberBodyId is null && c.Clause == "7.1");
        Assert.Single(stored, c => !c.IsPublic && c.MemberBodyId == p[0].Id);

        // The member bodies' table does not show the public's comments, and the reverse.
        var memberPage = await member.GetDocumentAsync($"/development/ballots/{ballot.Id}/comments");
        Assert.Equal(["7.2"], memberPage.QuerySelectorAll(".comments-table tbody tr td:nth-child(3)").Select(td => td.TextContent));
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var publicCsv = await manager.GetStringAsync($"/api/v1/ballots/{ballot.Id}/comments.csv?public=true");
        Assert.Contains("Small firms need an example", publicCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("Typo", publicCsv, StringComparison.Ordinal);
        Assert.DoesNotContain("Small firms", await manager.GetStringAsync($"/api/v1/ballots/{ballot.Id}/comments.csv"), StringComparison.Ordinal);

        // The public may not use the member bodies' table, nor read the compiled comments.
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync($"/development/ballots/{ballot.Id}/comments")).StatusCode);
        var (citizenApi, _) = await factory.ApiClientAsync(Roles.Customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizenApi.GetAsync($"/api/v1/ballots/{ballot.Id}/comments.csv?public=true")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().GetAsync($"/development/ballots/{ballot.Id}/comments")).StatusCode);
    }

    [Fact]
    public async Task PublicCommentsNeedAnOpenConsultation()
    {
        var (ballot, _, _, _) = await _world.OpenDisAsync(p: 1, o: 0, publicConsultation: false);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.Browser().GetAsync($"/development/ballots/{ballot.Id}/public-comments")).StatusCode);

        var (open, _, _, _) = await _world.OpenDisAsync(p: 1, o: 0, publicConsultation: true);
        var anonymous = await factory.Browser().GetDocumentAsync($"/development/ballots/{open.Id}/public-comments?culture=en");
        Assert.Null(anonymous.QuerySelector("form[action*='handler=Add']"));
        Assert.NotNull(anonymous.QuerySelector("a[href^='/account/signin']"));
        var consultations = await factory.Browser().GetDocumentAsync("/development/consultations?culture=en");
        Assert.NotNull(consultations.QuerySelector($"a[href='/development/ballots/{open.Id}/public-comments']"));
        Assert.Null(consultations.QuerySelector($"a[href='/development/ballots/{ballot.Id}/public-comments']"));

        await factory.WithDbAsync(db => db.Ballots.Where(b => b.Id == open.Id).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClosesAt, DateTimeOffset.UtcNow.AddSeconds(-1))));
        var (citizen, user) = await factory.SignInAsAsync(Roles.Customer);
        var late = await factory.WithServicesAsync(sp => CommentActions.AddAsync(sp.GetRequiredService<Normative.Data.NormativeDb>(), open.Id, user.Id, [],
            new CommentInput(null, null, "1", null, "ge", "Too late", null), true, "browser", DateTimeOffset.UtcNow));
        Assert.Equal(("Error.Comment.Closed", 409), (late.Error!.Key, late.Error.Status));
        Assert.Null((await citizen.GetDocumentAsync($"/development/ballots/{open.Id}/public-comments")).QuerySelector("form[action*='handler=Add']"));
    }

    [Fact]
    public async Task ManagerFillsInTheObservationsOfTheSecretariat()
    {
        var (ballot, committee, p, _) = await _world.OpenDisAsync(p: 1, o: 0);
        var member = await DelegateBrowserAsync(p[0]);
        await member.SubmitFormAsync($"/development/ballots/{ballot.Id}/comments", new() { ["Input.Clause"] = "3.1", ["Input.Type"] = "te", ["Input.Comment"] = "Definition is circular" }, "form[action*='handler=Add']");
        var (_, manager, _) = await _world.ManagerAsync(committee.Id);

        var saved = await manager.SubmitFormAsync($"/development/ballots/{ballot.Id}/comments", new() { ["observation.Observations"] = "Accepted: redrafted in the FDIS." }, "form.observe-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Accepted: redrafted in the FDIS.", (await factory.WithDbAsync(db => db.BallotComments.SingleAsync(c => c.BallotId == ballot.Id))).Observations);

        // A delegate cannot write observations.
        var page = await member.GetDocumentAsync($"/development/ballots/{ballot.Id}/comments");
        Assert.Null(page.QuerySelector("form.observe-form"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var commentId = await factory.WithDbAsync(db => db.BallotComments.Where(c => c.BallotId == ballot.Id).Select(c => c.Id).SingleAsync());
        var forged = await member.PostAsync($"/development/ballots/{ballot.Id}/comments?handler=Observe", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("observation.CommentId", commentId.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("observation.Observations", "Rejected!")]));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal("Accepted: redrafted in the FDIS.", (await factory.WithDbAsync(db => db.BallotComments.SingleAsync(c => c.BallotId == ballot.Id))).Observations);
    }
}
