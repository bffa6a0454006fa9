using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Development.Documents;

/// <summary>The register's pages: the manager's upload form, the document's page with its checksum, the filters.</summary>
public class DocumentPagesTests(DocumentsFactory factory) : IClassFixture<DocumentsFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private static async Task<HttpResponseMessage> UploadFormAsync(HttpClient browser, string register, string fileName, byte[] content, string title, string type = "WorkingDraft")
    {
        var page = await browser.GetDocumentAsync(register);
        var form = page.QuerySelectorAll("main form").OfType<IHtmlFormElement>().Single(f => f.Enctype == "multipart/form-data");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var body = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(title), "Input.Title" },
            { new StringContent(type), "Input.Type" },
            { new StringContent("2026-11-30"), "Input.Date" },
            { new StringContent("Public"), "Input.Audience" },
            { file, "Input.File", fileName },
        };
        return await browser.PostAsync(register, body);
    }

    [Fact]
    public async Task TheManagerUploadsThroughTheFormAndTheDocumentPageShowsItsChecksum()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);
        var register = $"/committees/{committee.Slug}/documents";
        var content = DocumentSamples.Pdf("agenda");

        var posted = await UploadFormAsync(browser, register + "?culture=en", "agenda.pdf", content, "Agenda of the 12th plenary", "Agenda");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"{register}/1", posted.Headers.Location!.OriginalString);
        var page = await browser.GetDocumentAsync($"{register}/1");
        Assert.Contains($"{committee.Reference} N 1 is in the register.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), page.QuerySelector(".checksum")!.TextContent);
        var download = await browser.GetAsync(page.QuerySelector("#download")!.GetAttribute("href"));
        Assert.Equal(content, await download.Content.ReadAsByteArrayAsync());

        // The register filters by type and by words of the title.
        Assert.Contains("Agenda of the 12th plenary", (await browser.GetStringAsync(register + "?type=Agenda&q=plenary")), StringComparison.Ordinal);
        Assert.DoesNotContain("Agenda of the 12th plenary", (await browser.GetStringAsync(register + "?type=Proof")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadFileThroughTheFormGetsAClearMessageAndNothingIsStored()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (_, browser, _) = await _world.ManagerAsync(committee.Id);
        var register = $"/committees/{committee.Slug}/documents?culture=en";

        var refused = await UploadFormAsync(browser, register, "draft.docx", DocumentSamples.Pdf(), "Working draft");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var alert = (await refused.ReadDocumentAsync()).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("\"draft.docx\" is not what its extension says", alert, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.CommitteeDocuments.AnyAsync(d => d.CommitteeId == committee.Id)));
    }

    [Fact]
    public async Task OthersSeeNoUploadForm()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (delegateBrowser, delegateUser) = await factory.SignInAsAsync(Normative.Features.Accounts.Roles.Delegate);
        await _world.LinkAsync(delegateUser, p[0]);
        var register = $"/committees/{committee.Slug}/documents";

        Assert.Null((await factory.Browser().GetDocumentAsync(register)).QuerySelector("form[enctype='multipart/form-data']"));
        Assert.Null((await delegateBrowser.GetDocumentAsync(register)).QuerySelector("form[enctype='multipart/form-data']"));
        // Refused (403, or 400 when the page carried no form to take a token from), nothing stored.
        Assert.Contains((await UploadAsAnyoneAsync(delegateBrowser, register)).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.BadRequest });
        Assert.False(await factory.WithDbAsync(db => db.CommitteeDocuments.AnyAsync(d => d.CommitteeId == committee.Id)));
    }

    private static async Task<HttpResponseMessage> UploadAsAnyoneAsync(HttpClient browser, string register)
    {
        var page = await browser.GetDocumentAsync(register);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var body = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent("x"), "Input.Title" } };
        return await browser.PostAsync(register, body);
    }
}
