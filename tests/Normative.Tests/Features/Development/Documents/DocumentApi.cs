using System.Net.Http.Headers;

namespace Normative.Tests.Features.Development.Documents;

/// <summary>Uploads through the API as a client would: the fields, then the file.</summary>
public static class DocumentApi
{
    public static MultipartFormDataContent Form(string fileName, byte[] content, string title = "Working draft", string type = "WorkingDraft",
        string audience = "Committee", int? supersedes = null, int? project = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(title), "title" },
            { new StringContent(type), "type" },
            { new StringContent("2026-12-01"), "date" },
            { new StringContent(audience), "audience" },
        };
        if (supersedes is { } s)
        {
            form.Add(new StringContent(s.ToString(System.Globalization.CultureInfo.InvariantCulture)), "supersedes");
        }
        if (project is { } p)
        {
            form.Add(new StringContent(p.ToString(System.Globalization.CultureInfo.InvariantCulture)), "project");
        }
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, int committeeId, MultipartFormDataContent form) =>
        client.PostAsync($"/api/v1/committees/{committeeId}/documents", form);
}
