using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Certification;
using Normative.Features.Certification.Registry;
using Normative.Features.Certification.Verification;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Certification.Verification;

public class VerificationTests(CertificationFactory factory) : IClassFixture<CertificationFactory>
{
    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task VerificationByNumberSaysPlainlyWhetherTheCertificateIsValidToday()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("V-100", body.Code, organization: "Valid Things Ltd"), RegistryWorld.Row("V-101", body.Code, status: "Suspended")));
        var client = factory.CreateClient();

        var valid = await GetJsonAsync(client, $"/api/v1/certificates/verify?number=V-100&cb={body.Code.ToLowerInvariant()}");
        Assert.True(valid.GetProperty("found").GetBoolean());
        Assert.Equal("The certificate is valid today.", valid.GetProperty("message").GetString());
        var certificate = valid.GetProperty("certificates")[0];
        Assert.True(certificate.GetProperty("validToday").GetBoolean());
        Assert.Equal("Valid Things Ltd", certificate.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal(body.Code, certificate.GetProperty("certificationBody").GetString());
        Assert.True(certificate.GetProperty("accreditations")[0].GetProperty("coversToday").GetBoolean());

        var suspended = await GetJsonAsync(client, "/api/v1/certificates/verify?number=V-101");
        Assert.Equal("The certificate is not valid today.", suspended.GetProperty("message").GetString());
        Assert.Equal("The certificate is Suspended.", suspended.GetProperty("certificates")[0].GetProperty("problems")[0].GetString());

        var page = await client.GetDocumentAsync("/certification?number=V-101");
        Assert.Contains("Not valid today", page.QuerySelector(".verdict")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Its status is: Suspended.", page.QuerySelector(".verdict")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFoundSaysItProvesNothingEitherWay()
    {
        var client = factory.CreateClient();
        var json = await GetJsonAsync(client, "/api/v1/certificates/verify?number=NO-SUCH-NUMBER");
        Assert.False(json.GetProperty("found").GetBoolean());
        Assert.Contains("That proves nothing either way", json.GetProperty("message").GetString(), StringComparison.Ordinal);
        var page = await client.GetDocumentAsync("/certification?number=NO-SUCH-NUMBER");
        Assert.Contains("proves nothing either way", page.QuerySelector(".verdict-unknown")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/certificates/verify?number=")]
    [InlineData("/api/v1/certificates/verify")]
    [InlineData("/api/v1/certificates/verify?number=%20%20")]
    [InlineData("/api/v1/certificates/verify?number=LONG")]
    [InlineData("/api/v1/certificates/verify/receipt?number=")]
    [InlineData("/api/v1/certificates")]
    [InlineData("/api/v1/certificates?organization=LONG")]
    [InlineData("/api/v1/certificates?organization=ab")]
    [InlineData("/api/v1/certificates?country=GB&page=51")]
    public async Task EmptyOrHugeQueryIsABadRequestWithProblemDetails(string url)
    {
        var response = await factory.CreateClient().GetAsync(url.Replace("LONG", new string('x', 10_000), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
    }

    [Fact]
    public async Task EmptyOrHugeQueryOnThePageIsExplainedNotA500()
    {
        var client = factory.CreateClient();
        var empty = await client.GetAsync("/certification?number=");
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal("Enter a certificate number.", (await empty.ReadDocumentAsync()).QuerySelector("#verify-error")!.TextContent.Trim());
        var huge = await client.GetAsync("/certification?organization=" + new string('x', 10_000));
        Assert.Equal(HttpStatusCode.BadRequest, huge.StatusCode);
        Assert.Contains("at most 200 characters", (await huge.ReadDocumentAsync()).QuerySelector("#search-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchFindsByEachKey()
    {
        var body = await factory.CreateBodyAsync("ISO 9001:2015", "ISO 14001:2015");
        var other = await factory.CreateBodyAsync("ISO 9001:2015");
        await factory.ImportAsync(RegistryWorld.Csv(
            RegistryWorld.Row("K-1", body.Code, organization: "Zylberschlag Präzisionstechnik GmbH", country: "DE"),
            RegistryWorld.Row("K-2", body.Code, organization: "Quokka Environmental Pty", country: "AU", standard: "ISO 14001:2015"),
            RegistryWorld.Row("K-3", other.Code, organization: "Quokka Quality Pty", country: "AU")));
        var client = factory.CreateClient();
        async Task<List<string>> NumbersAsync(string query) =>
            (await GetJsonAsync(client, "/api/v1/certificates?" + query)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList();

        Assert.Equal(["K-1"], await NumbersAsync("organization=Zylberschlag"));
        Assert.Equal(["K-1"], await NumbersAsync("organization=zilberschlag"));
        Assert.Equal(["K-1"], await NumbersAsync("organization=PRAZISIONSTECHNIK"));
        Assert.Contains("K-2", await NumbersAsync("country=AU"));
        Assert.DoesNotContain("K-1", await NumbersAsync("country=AU"));
        Assert.Equal(["K-2"], await NumbersAsync($"standard=ISO%2014001:2015&cb={body.Code}"));
        Assert.Equal(["K-2"], await NumbersAsync($"standard=iso14001&cb={body.Code}"));
        Assert.Equal(["K-3"], await NumbersAsync($"cb={other.Code}"));
        Assert.Equal(["K-2", "K-3"], (await NumbersAsync("organization=quokka&country=AU")).Order().ToList());
        Assert.Equal(["K-2"], await NumbersAsync("organization=quokka&standard=ISO%2014001:2015"));
        Assert.Equal(["K-3"], await NumbersAsync($"organization=quokka%20quality&cb={other.Code}"));

        var page = await client.GetDocumentAsync("/certification?organization=Zylberschlagg&country=&standard=&body=");
        Assert.Contains("K-1", page.QuerySelector("table")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CommonWordsAreLeftOutOfANameAndANameOfOnlyCommonWordsIsRefused()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(Enumerable.Range(1, 45)
            .Select(i => RegistryWorld.Row($"CW-{i:D2}", body.Code, organization: $"Commonplace Holdings {(i == 7 ? "Xylophonic" : "Number" + i)}")).ToArray()));
        var client = factory.CreateClient();
        var found = (await GetJsonAsync(client, "/api/v1/certificates?organization=xylophonik%20commonplace")).GetProperty("items");
        Assert.Equal("CW-07", Assert.Single(found.EnumerateArray()).GetProperty("number").GetString());

        // A rare word that looks like a common one is not swallowed by it.
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("CW-99", body.Code, organization: "Commonplacer Studio")));
        var lookalike = (await GetJsonAsync(client, "/api/v1/certificates?organization=commonplacer")).GetProperty("items");
        Assert.Equal("CW-99", lookalike[0].GetProperty("number").GetString());

        var refused = await client.GetAsync("/api/v1/certificates?organization=Commonplace%20Holdings");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("add a more distinctive word", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AOneWordSearchListsTheSpellingTypedFirstAndTheShortestNamesFirst()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(
            RegistryWorld.Row("KB-1", body.Code, organization: "Kookaburra Bird Conservation Trust"),
            RegistryWorld.Row("KB-2", body.Code, organization: "Kookaburrah Pty"),
            RegistryWorld.Row("KB-3", body.Code, organization: "Kookaburra Pty"),
            RegistryWorld.Row("KB-4", body.Code, organization: "Kookaburra Fine Foods Pty")));
        var client = factory.CreateClient();
        async Task<List<string>> NamesAsync(string word) =>
            (await GetJsonAsync(client, "/api/v1/certificates?organization=" + word)).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("organization").GetString()!).ToList();

        Assert.Equal(["Kookaburra Pty", "Kookaburra Fine Foods Pty", "Kookaburra Bird Conservation Trust", "Kookaburrah Pty"], await NamesAsync("kookaburra"));
        Assert.Equal(["Kookaburrah Pty", "Kookaburra Pty", "Kookaburra Fine Foods Pty", "Kookaburra Bird Conservation Trust"], await NamesAsync("KOOKABURRAH"));

        // A word too common to search by is left out of the search, but a name that has it ranks first.
        await factory.ImportAsync(RegistryWorld.Csv(Enumerable.Range(1, 41)
            .Select(i => RegistryWorld.Row($"KW-{i:D2}", body.Code, organization: $"Wattlebird Supplies {i}")).Append(
                RegistryWorld.Row("KB-5", body.Code, organization: "Kookaburra and Wattlebird Friends of the Bush")).ToArray()));
        Assert.Equal("Kookaburra and Wattlebird Friends of the Bush", (await NamesAsync("kookaburra%20wattlebird"))[0]);
    }

    [Fact]
    public async Task AOneWordSearchGoesOnOnTheNextPageWithoutRepeatingAName()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(Enumerable.Range(1, CertificateSearch.PageSize + 5)
            .Select(i => RegistryWorld.Row($"QL-{i:D3}", body.Code, organization: $"Quollery {new string('x', i)}")).ToArray()));
        var client = factory.CreateClient();
        var first = await GetJsonAsync(client, "/api/v1/certificates?organization=quollery");
        var second = await GetJsonAsync(client, "/api/v1/certificates?organization=quollery&page=2");
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.False(second.GetProperty("hasMore").GetBoolean());
        var numbers = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("number").GetString()).ToList();
        Assert.Equal(Enumerable.Range(1, CertificateSearch.PageSize + 5).Select(i => $"QL-{i:D3}"), numbers);
    }

    [Theory]
    [InlineData(new[] { 600, 300, 200, 5 }, 3)]
    [InlineData(new[] { 5000, 1, 1 }, 1)]
    [InlineData(new[] { 1, 2, 3 }, 3)]
    [InlineData(new[] { 999, 1, 4000 }, 2)]
    public void TheSpellingsOfOneWordStopWhereTheirNamesFillTheCandidates(int[] reaches, int kept)
    {
        var variants = reaches.Select((reach, i) => ("w" + i, reach)).ToList();
        Assert.Equal(variants.Take(kept).Select(v => v.Item1), VerificationSql.ClosestWithin(variants, 1_000));
    }

    [Fact]
    public async Task SearchIsPaginated()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(Enumerable.Range(1, CertificateSearch.PageSize + 5).Select(i => RegistryWorld.Row($"P-{i:D3}", body.Code, organization: $"Pagination Example {i}")).ToArray()));
        var client = factory.CreateClient();
        var first = await GetJsonAsync(client, $"/api/v1/certificates?cb={body.Code}");
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.Equal(CertificateSearch.PageSize, first.GetProperty("items").GetArrayLength());
        var second = await GetJsonAsync(client, $"/api/v1/certificates?cb={body.Code}&page=2");
        Assert.False(second.GetProperty("hasMore").GetBoolean());
        Assert.Equal(5, second.GetProperty("items").GetArrayLength());
        var all = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("number").GetString()).ToHashSet();
        Assert.Equal(CertificateSearch.PageSize + 5, all.Count);

        var page = await client.GetDocumentAsync($"/certification?body={body.Code}");
        Assert.NotNull(page.QuerySelector("a[rel=next]"));
    }

    [Fact]
    public async Task SuspendingAnAccreditationShowsAtOnceOnItsCertificates()
    {
        var body = await factory.CreateBodyAsync("ISO 9001:2015", "ISO 14001:2015");
        await factory.ImportAsync(RegistryWorld.Csv(
            RegistryWorld.Row("X-1", body.Code, standard: "ISO 14001:2015"),
            RegistryWorld.Row("X-2", body.Code, standard: "ISO 9001:2015")));
        var client = factory.CreateClient();
        Assert.True((await GetJsonAsync(client, "/api/v1/certificates/verify?number=X-1&cb=" + body.Code)).GetProperty("certificates")[0].GetProperty("validToday").GetBoolean());

        var (admin, _) = await factory.SignInAsAsync(Normative.Features.Accounts.Roles.Administrator);
        var accreditationId = await factory.WithDbAsync(db => Task.FromResult(db.Accreditations.Single(a => a.CertificationBodyId == body.Id && a.Standard == "ISO 14001:2015").Id));
        var changed = await SetAccreditationAsync(admin, accreditationId, "Suspended", "Assessment found major nonconformities");
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var after = (await GetJsonAsync(client, "/api/v1/certificates/verify?number=X-1&cb=" + body.Code)).GetProperty("certificates")[0];
        Assert.False(after.GetProperty("validToday").GetBoolean());
        Assert.Equal("The certification body's accreditation for ISO 14001:2015 is suspended.", after.GetProperty("problems")[0].GetString());
        // The other standard's certificates are untouched.
        Assert.True((await GetJsonAsync(client, "/api/v1/certificates/verify?number=X-2&cb=" + body.Code)).GetProperty("certificates")[0].GetProperty("validToday").GetBoolean());
        var page = await client.GetDocumentAsync($"/certification/certificates/{await factory.IdOfAsync(body, "X-1")}");
        Assert.Contains("accreditation for ISO 14001:2015: Suspended", page.QuerySelector(".verdict")!.TextContent, StringComparison.Ordinal);

        var withdrawn = await SetAccreditationAsync(admin, accreditationId, "Active", "");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.True((await GetJsonAsync(client, "/api/v1/certificates/verify?number=X-1&cb=" + body.Code)).GetProperty("certificates")[0].GetProperty("validToday").GetBoolean());
    }

    private static async Task<HttpResponseMessage> SetAccreditationAsync(HttpClient admin, int id, string status, string reason)
    {
        var page = await admin.GetDocumentAsync("/certification/admin");
        var value = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var form = page.QuerySelectorAll("form").First(f => f.QuerySelector("input[name='Status.Id']")?.GetAttribute("value") == value);
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await admin.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("Status.Id", value), new("Status.Status", status), new("Status.Reason", reason)]));
    }

    private static SignedReceipt Receipt(JsonElement json) => new(
        json.GetProperty("payload").GetString()!, json.GetProperty("signature").GetString()!, json.GetProperty("algorithm").GetString()!,
        json.GetProperty("keyId").GetString()!, json.GetProperty("publicKey").GetString()!);

    private static ECDsa KeyFromJwk(JsonElement jwks)
    {
        var jwk = jwks.GetProperty("keys")[0];
        static byte[] B64(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/') + new string('=', (4 - s.Length % 4) % 4));
        return ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = B64(jwk.GetProperty("x").GetString()!), Y = B64(jwk.GetProperty("y").GetString()!) },
        });
    }

    [Fact]
    public async Task ReceiptIsSignedWithThePublishedKeyAndATamperedOneFails()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("RC-1", body.Code, organization: "Receipt Holder Ltd")));
        var client = factory.CreateClient();
        var receipt = Receipt(await GetJsonAsync(client, $"/api/v1/certificates/verify/receipt?number=RC-1&cb={body.Code}"));
        var payload = JsonNode.Parse(receipt.Payload)!;
        Assert.Equal("RC-1", payload["certificates"]![0]!["number"]!.GetValue<string>());
        Assert.True(payload["certificates"]![0]!["validToday"]!.GetValue<bool>());
        Assert.Equal(VerificationReceipts.Type, payload["type"]!.GetValue<string>());

        var jwks = await GetJsonAsync(client, CertificationLinks.ReceiptKey);
        Assert.Equal(receipt.KeyId, jwks.GetProperty("keys")[0].GetProperty("kid").GetString());
        using var key = KeyFromJwk(jwks);
        Assert.True(ReceiptSigner.Verify(receipt, key));

        var tampered = receipt with { Payload = receipt.Payload.Replace("\"validToday\":true", "\"validToday\":false", StringComparison.Ordinal) };
        Assert.NotEqual(receipt.Payload, tampered.Payload);
        Assert.False(ReceiptSigner.Verify(tampered, key));

        var good = await (await client.PostAsJsonAsync("/api/v1/certificates/receipts/check", receipt)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(good.GetProperty("valid").GetBoolean());
        var bad = await (await client.PostAsJsonAsync("/api/v1/certificates/receipts/check", tampered)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(bad.GetProperty("valid").GetBoolean());

        // Not found is a receipt too.
        var none = Receipt(await GetJsonAsync(client, "/api/v1/certificates/verify/receipt?number=NOT-THERE"));
        Assert.False(JsonNode.Parse(none.Payload)!["found"]!.GetValue<bool>());
        Assert.True(ReceiptSigner.Verify(none, key));
    }

    [Fact]
    public async Task ReceiptKeySurvivesARestartAndIsSharedByInstances()
    {
        var client = factory.CreateClient();
        var kid = (await GetJsonAsync(client, CertificationLinks.ReceiptKey)).GetProperty("keys")[0].GetProperty("kid").GetString();
        // A second app on the same database is a second instance, or the same one after a restart.
        await using var second = new SameDatabaseFactory(factory.ConnectionString);
        var other = (await GetJsonAsync(second.CreateClient(), CertificationLinks.ReceiptKey)).GetProperty("keys")[0].GetProperty("kid").GetString();
        Assert.Equal(kid, other);
    }

    [Fact]
    public async Task ReceiptVerifiesOfflineWithOpenssl()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("OS-1", body.Code)));
        var client = factory.CreateClient();
        var id = await factory.IdOfAsync(body, "OS-1");
        var download = await client.GetAsync($"/certification/certificates/{id}/receipt.json");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
        var receipt = Receipt(JsonDocument.Parse(await download.Content.ReadAsStringAsync()).RootElement);
        var folder = Directory.CreateTempSubdirectory("receipt-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "key.pem"), await client.GetStringAsync(CertificationLinks.ReceiptKeyPem));
        await File.WriteAllBytesAsync(Path.Combine(folder, "payload.json"), Encoding.UTF8.GetBytes(receipt.Payload));
        await File.WriteAllBytesAsync(Path.Combine(folder, "signature.der"), Convert.FromBase64String(receipt.Signature));
        Assert.Equal((0, "Verified OK"), await OpensslAsync(folder, "payload.json"));

        await File.WriteAllBytesAsync(Path.Combine(folder, "tampered.json"), Encoding.UTF8.GetBytes(receipt.Payload.Replace("OS-1", "OS-2", StringComparison.Ordinal)));
        Assert.Equal((1, "Verification failure"), await OpensslAsync(folder, "tampered.json"));
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<(int, string)> OpensslAsync(string folder, string file)
    {
        var psi = new ProcessStartInfo("openssl", ["dgst", "-sha256", "-verify", "key.pem", "-signature", "signature.der", file])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output.Trim());
    }

    [Fact]
    public async Task CertificatePageShowsHistoryQrCodeAndVerificationLink()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("Q-1", body.Code, organization: "History Makers Ltd")));
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("Q-1", body.Code, organization: "History Makers Ltd", status: "Suspended")));
        var id = await factory.IdOfAsync(body, "Q-1");
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync($"/certification/certificates/{id}");
        Assert.Equal("Certificate Q-1", page.QuerySelector("h1")!.TextContent.Trim());
        var history = page.QuerySelectorAll("section[aria-labelledby=history-title] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, history.Count);
        Assert.Contains("Registered", history[0], StringComparison.Ordinal);
        Assert.Contains("Suspension", history[1], StringComparison.Ordinal);
        Assert.Contains("Active → Suspended", history[1], StringComparison.Ordinal);
        Assert.Contains($"/certification/certificates/{id}", page.QuerySelector(".verify-card")!.TextContent, StringComparison.Ordinal);

        var qr = await client.GetAsync($"/certification/certificates/{id}/qr.svg");
        Assert.Equal("image/svg+xml", qr.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", (await qr.Content.ReadAsStringAsync()).TrimStart(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/certification/certificates/999999999")).StatusCode);
    }

    [Fact]
    public async Task OwningBodyChangesTheStatusOnTheCertificatePageAndOthersCannot()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("PG-1", body.Code)));
        var id = await factory.IdOfAsync(body, "PG-1");
        var owner = await factory.SignInForAsync(body);
        var noReason = await owner.SubmitFormAsync($"/certification/certificates/{id}", new() { ["Input.Status"] = "Suspended", ["Input.Reason"] = "" });
        Assert.Contains("Give the reason for this change.", (await noReason.ReadDocumentAsync()).QuerySelector("#reason-error")!.TextContent, StringComparison.Ordinal);
        var done = await owner.SubmitFormAsync($"/certification/certificates/{id}", new() { ["Input.Status"] = "Suspended", ["Input.Reason"] = "Client asked for a pause" });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(CertificateStatus.Suspended, await factory.WithDbAsync(db => Task.FromResult(db.Certificates.Single(c => c.Id == id).Status)));

        // Post-redirect-get: the page shows the notice once; reloading it neither repeats the change nor the notice.
        var landed = await owner.GetDocumentAsync(done.Headers.Location!.OriginalString);
        Assert.Contains("The status has been changed", landed.QuerySelector("main .notice")!.TextContent, StringComparison.Ordinal);
        var reloaded = await owner.GetDocumentAsync(done.Headers.Location.OriginalString);
        Assert.Null(reloaded.QuerySelector("main .notice"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.CertificateEvents.CountAsync(e => e.CertificateId == id)));

        var stranger = await factory.SignInForAsync(await factory.CreateBodyAsync());
        var page = await stranger.GetDocumentAsync($"/certification/certificates/{id}");
        Assert.Null(page.QuerySelector("form[action*=Status]"));
    }
}
