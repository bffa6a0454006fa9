using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Normative.Tests.Features.Development.Documents;

/// <summary>The register's API: uploads streamed in, downloads streamed out with their checksum, limits and bad files refused with nothing stored.</summary>
public class DocumentsApiTests(DocumentsFactory factory) : IClassFixture<DocumentsFactory>
{
    private readonly DevelopmentWorld _world = new(factory);

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<int> StoredFilesAsync() => factory.WithDbAsync(db => db.StoredFiles.CountAsync());

    [Fact]
    public async Task AManagerUploadsADelegateDownloadsTheSameBytesWithTheirChecksum()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var (delegateApi, _) = await _world.DelegateAsync(p[0]);
        var content = DocumentSamples.Pdf(new string('d', 1_500_000));

        var first = await JsonAsync(await DocumentApi.UploadAsync(manager, committee.Id, DocumentApi.Form("WD1.pdf", content, "Quality — WD 1")), HttpStatusCode.Created);
        var second = await JsonAsync(await DocumentApi.UploadAsync(manager, committee.Id, DocumentApi.Form("WD2.xml", DocumentSamples.Sts(), "Quality — WD 2", supersedes: 1)), HttpStatusCode.Created);

        Assert.Equal((1, $"{committee.Reference} N 1"), (first.GetProperty("number").GetInt32(), first.GetProperty("reference").GetString()));
        Assert.Equal((2, 1), (second.GetProperty("number").GetInt32(), second.GetProperty("supersedes").GetInt32()));
        var sha = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.Equal(sha, first.GetProperty("sha256").GetString());

        var download = await delegateApi.GetAsync(first.GetProperty("fileUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(sha, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal(("application/pdf", (long?)content.Length), (download.Content.Headers.ContentType?.MediaType, download.Content.Headers.ContentLength));
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(content))}:", download.Headers.GetValues("Repr-Digest").Single());

        var record = await delegateApi.GetFromJsonAsync<JsonElement>($"/api/v1/committees/{committee.Id}/documents/1");
        Assert.Equal(2, record.GetProperty("supersededBy").GetInt32());
        var filtered = await delegateApi.GetFromJsonAsync<JsonElement>($"/api/v1/committees/{committee.Id}/documents?q=wd%202");
        Assert.Equal(2, Assert.Single(filtered.GetProperty("documents").EnumerateArray()).GetProperty("number").GetInt32());
    }

    [Fact]
    public async Task ARangeOfAFileIsServedFromTheChunkHoldingIt()
    {
        var (committee, p, _) = await _world.CommitteeAsync(1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var (delegateApi, _) = await _world.DelegateAsync(p[0]);
        // Over one chunk of the store (1 MiB), so a range may cross from one chunk to the next.
        var content = DocumentSamples.Pdf(string.Concat(Enumerable.Range(0, 300_000).Select(i => (i % 1000).ToString("000", System.Globalization.CultureInfo.InvariantCulture) + ";")));
        var uploaded = await JsonAsync(await DocumentApi.UploadAsync(manager, committee.Id, DocumentApi.Form("Big.pdf", content, "Big")), HttpStatusCode.Created);
        var url = uploaded.GetProperty("fileUrl").GetString()!;
        var etag = $"\"{uploaded.GetProperty("sha256").GetString()}\"";
        const int chunk = 1024 * 1024;

        async Task<HttpResponseMessage> GetAsync(string range, string? ifRange = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Range", range);
            if (ifRange is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Range", ifRange);
            }
            return await delegateApi.SendAsync(request);
        }

        var across = await GetAsync($"bytes={chunk - 10}-{chunk + 9}", etag);
        Assert.Equal(HttpStatusCode.PartialContent, across.StatusCode);
        Assert.Equal($"bytes {chunk - 10}-{chunk + 9}/{content.Length}", across.Content.Headers.ContentRange!.ToString());
        Assert.Equal(content[(chunk - 10)..(chunk + 10)], await across.Content.ReadAsByteArrayAsync());

        var tail = await GetAsync("bytes=-100");
        Assert.Equal(HttpStatusCode.PartialContent, tail.StatusCode);
        Assert.Equal(content[^100..], await tail.Content.ReadAsByteArrayAsync());

        var start = await GetAsync("bytes=0-99");
        Assert.Equal(content[..100], await start.Content.ReadAsByteArrayAsync());

        // A resumed download of a file that has changed since gets the whole file, not a mix of two.
        var stale = await GetAsync("bytes=100-199", "\"0000\"");
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Equal(content, await stale.Content.ReadAsByteArrayAsync());

        var beyond = await GetAsync($"bytes={content.Length + 10}-");
        Assert.Equal(HttpStatusCode.RequestedRangeNotSatisfiable, beyond.StatusCode);
        Assert.Equal("bytes", Assert.Single((await delegateApi.GetAsync(url)).Headers.AcceptRanges));
    }

    [Fact]
    public async Task PastTheLimitIs413AndNothingIsStored()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var before = await StoredFilesAsync();
        var tooLarge = DocumentSamples.Pdf(new string('x', (int)DocumentsFactory.MaxUploadBytes + 10));

        // Announced by its length: refused before reading.
        var announced = await DocumentApi.UploadAsync(manager, committee.Id, DocumentApi.Form("N.pdf", tooLarge));
        var problem = await JsonAsync(announced, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2 MB", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        // Just under the envelope's allowance but over the file's limit: refused as it streams.
        var streamed = await DocumentApi.UploadAsync(manager, committee.Id, DocumentApi.Form("N.pdf", DocumentSamples.Pdf(new string('x', (int)DocumentsFactory.MaxUploadBytes))));
        await JsonAsync(streamed, HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(before, await StoredFilesAsync());
        Assert.False(await factory.WithDbAsync(db => db.CommitteeDocuments.AnyAsync(d => d.CommitteeId == committee.Id)));
    }

    [Fact]
    public async Task BadFilesGetAClearMessageAndNothingIsStored()
    {
        var (committee, _, _) = await _world.CommitteeAsync(1);
        var (manager, _, _) = await _world.ManagerAsync(committee.Id);
        var before = await StoredFilesAsync();

        foreach (var (form, code) in new[]
        {
            (DocumentApi.Form("N.pdf", []), "Error.Document.Empty"),
            (DocumentApi.Form("N.docx", DocumentSamples.Pdf()), "Error.Document.Mismatch"),
            (DocumentApi.Form("N.xml", "<standard><p></standard>"u8.ToArray()), "Error.Document.MalformedXml"),
            (DocumentApi.Form("N.pdf", DocumentSamples.Pdf(), type: "Novel"), "Error.Document.Type"),
        })
        {
            var problem = await JsonAsync(await DocumentApi.UploadAsync(manager, committee.Id, form), HttpStatusCode.BadRequest);
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }
        var notMultipart = await manager.PostAsJsonAsync($"/api/v1/committees/{committee.Id}/documents", new { title = "x" });
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notMultipart.StatusCode);

        Assert.Equal(before, await StoredFilesAsync());
    }

    [Fact]
    public async Task TheApiIsInTheOpenApiDocument()
    {
        var paths = (await factory.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/documents").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/documents").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/documents/{number}").TryGetProperty("get", out _));
        Assert.True(paths.GetProperty("/api/v1/committees/{id}/documents/{number}/file").TryGetProperty("get", out _));
    }
}
