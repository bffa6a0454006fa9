using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Normative.Features.Accounts;

namespace Normative.Tests.Features.Certification.Import;

/// <summary>
/// A "2 GB" upload over a real socket (the in-memory test server buffers request bodies, so it
/// cannot show that nothing is read): refused from its declared length, before any of it is read.
/// </summary>
public sealed class HugeUploadTests : IAsyncLifetime
{
    private readonly CertificationFactory _app = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _app.UseKestrel(0);
        _app.StartServer();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
            .Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
        var body = await _app.CreateBodyAsync();
        var user = await _app.CreateUserAsync(Roles.CertificationBody);
        await _app.LinkAsync(user.Id, body);
        var (_, secret) = await _app.WithDbAsync(db => ApiTokens.CreateAsync(db, user.Id, "huge", DateTimeOffset.UtcNow));
        // The client waits for the server's answer to Expect: 100-continue before sending the body; on a busy
        // machine the refusal can take longer than the default second, and then the client sends anyway.
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, Expect100ContinueTimeout = TimeSpan.FromSeconds(60) }) { BaseAddress = new Uri(address) };
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        // As curl and browsers do for big bodies: the server may answer before the body is sent.
        _client.DefaultRequestHeaders.ExpectContinue = true;
    }

    [Fact]
    public async Task TwoGigabyteCsvThroughTheApiIsA413ProblemAndIsNotRead()
    {
        var huge = new HugeContent(2L * 1024 * 1024 * 1024, "text/csv");
        var response = await _client.PostAsync("/api/v1/certificates/csv", huge);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("larger than 1 MB", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(huge.BytesSent < 256L * 1024 * 1024, $"{huge.BytesSent} bytes were sent");
    }

    [Fact]
    public async Task TwoGigabyteFileOnTheUploadPageIsSentBackWithAMessage()
    {
        var huge = new HugeContent(2L * 1024 * 1024 * 1024, "multipart/form-data; boundary=x");
        var response = await _client.PostAsync("/certification/body/upload", huge);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/certification/body/upload?tooLarge=true", response.Headers.Location!.OriginalString);
        var page = await _client.GetStringAsync(response.Headers.Location.OriginalString);
        Assert.Contains("The file is larger than 1 MB", page, StringComparison.Ordinal);
        Assert.Equal(0, await _app.WithDbAsync(db => Task.FromResult(db.CertificateUploads.Count())));
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }
}
