using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue.Reading;

public class TextUploadTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static int _next = 720000;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string xml, string name = "text.xml")
    {
        var page = await client.GetDocumentAsync($"/standard/{id}/text?culture=en");
        var token = page.QuerySelector("form.form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(xml));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        content.Add(file, "Input.File", name);
        return await client.PostAsync($"/standard/{id}/text?culture=en", content);
    }

    [Fact]
    public async Task AnEditorLoadsATextOnTheStandardsEditTabs()
    {
        var id = Interlocked.Increment(ref _next);
        var reference = $"ISO {id}:2020";
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, reference, "Weighing instruments"));
        var (editor, _) = await factory.SignInAsAsync("Editor");

        var response = await UploadAsync(editor, id, TestTexts.Full(reference));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await editor.GetDocumentAsync(response.Headers.Location!.OriginalString + "?culture=en");
        Assert.Contains("is loaded in English: 9 clauses, 2 terms", page.QuerySelector(".notice")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/standard/{id}/read/en", page.QuerySelector(".loaded-texts a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector($".tabs a[href='/standard/{id}/text'][aria-current=page]"));
    }

    [Fact]
    public async Task ABadFileIsRefusedWithItsLineAndNothingChanges()
    {
        var id = Interlocked.Increment(ref _next);
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, $"ISO {id}:2020", "Weighing instruments"));
        var (editor, _) = await factory.SignInAsAsync("Editor");

        var response = await UploadAsync(editor, id, "<standard>\n<front><iso-meta>\n<!DOCTYPE x SYSTEM \"http://example.org/x.dtd\">", "broken.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("broken.xml, line 3", page, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.StandardTexts.CountAsync(t => t.DeliverableId == id)));

        var anonymous = await factory.Browser().GetAsync($"/standard/{id}/text");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
