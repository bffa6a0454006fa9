using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Certification.Registry;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Certification.Import;

public class CertificateUploadTests(CertificationFactory factory) : IClassFixture<CertificationFactory>
{
    /// <summary>Posts the file through the upload form, as a browser does.</summary>
    private static async Task<HttpResponseMessage> PostUploadAsync(HttpClient client, string csv, bool allOrNothing = false, byte[]? bytes = null)
    {
        var page = await client.GetDocumentAsync("/certification/body/upload");
        var token = page.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(allOrNothing ? "true" : "false"), "Input.AllOrNothing" },
        };
        var file = new ByteArrayContent(bytes ?? Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Input.File", "certificates.csv");
        return await client.PostAsync("/certification/body/upload", form);
    }

    /// <summary>Uploads the file and, when it loaded, follows the redirect to its report, as a browser does.</summary>
    private static async Task<HttpResponseMessage> UploadPageAsync(HttpClient client, string csv, bool allOrNothing = false, byte[]? bytes = null)
    {
        var response = await PostUploadAsync(client, csv, allOrNothing, bytes);
        return response.StatusCode == HttpStatusCode.Redirect ? await client.GetAsync(response.Headers.Location) : response;
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task GoodFileLoadsAndTheSameFileTwiceChangesNothing()
    {
        var body = await factory.CreateBodyAsync("ISO 9001:2015", "ISO 14001:2015");
        var client = await factory.SignInForAsync(body);
        var csv = RegistryWorld.Csv(
            RegistryWorld.Row("G-1", body.Code),
            RegistryWorld.Row("G-2", body.Code, organization: "Müller, Söhne & Co. KG", country: "DE", standard: "ISO 9001:2015;ISO 14001:2015", sites: "Hauptstr. 1, Köln|DE;Rue 2, Lyon|FR"));

        var first = await (await UploadPageAsync(client, csv)).ReadDocumentAsync();
        Assert.Contains("2 rows read: 2 new, 0 updated, 0 unchanged, 0 rejected", first.QuerySelector("#upload-result")!.TextContent, StringComparison.Ordinal);

        var second = await (await UploadPageAsync(client, csv)).ReadDocumentAsync();
        Assert.Contains("2 rows read: 0 new, 0 updated, 2 unchanged, 0 rejected", second.QuerySelector("#upload-result")!.TextContent, StringComparison.Ordinal);

        var stored = await factory.WithDbAsync(db => db.Certificates.Include(c => c.Organization).SingleAsync(c => c.CertificationBodyId == body.Id && c.Number == "G-2"));
        Assert.Equal("Müller, Söhne & Co. KG", stored.Organization!.Name);
        Assert.Equal(["ISO 9001:2015", "ISO 14001:2015"], stored.Standards);
        Assert.Equal([new CertificateSite("Hauptstr. 1, Köln", "DE"), new CertificateSite("Rue 2, Lyon", "FR")], stored.Sites);
        var uploads = await factory.WithDbAsync(db => db.CertificateUploads.Where(u => u.CertificationBodyId == body.Id).OrderBy(u => u.Id).ToListAsync());
        Assert.Equal([2, 0], uploads.Select(u => u.Inserted));
        Assert.Equal([0, 2], uploads.Select(u => u.Unchanged));
    }

    [Fact]
    public async Task ReloadingTheReportAfterAnUploadLoadsNothingAgainAndShowsTheNoticeOnce()
    {
        var body = await factory.CreateBodyAsync();
        var client = await factory.SignInForAsync(body);
        var posted = await PostUploadAsync(client, RegistryWorld.Csv(RegistryWorld.Row("RL-1", body.Code), RegistryWorld.Row("RL-2", body.Code, country: "XX")));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);

        var report = await client.GetDocumentAsync(posted.Headers.Location!.OriginalString);
        Assert.Contains("certificates.csv has been loaded", report.QuerySelector("main .notice[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2 rows read: 1 new, 0 updated, 0 unchanged, 1 rejected", report.QuerySelector("#upload-result")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("XX is not an ISO 3166 country code", report.QuerySelector("#rejected-rows")!.TextContent, StringComparison.Ordinal);

        var reloaded = await client.GetDocumentAsync(posted.Headers.Location.OriginalString);
        Assert.DoesNotContain("has been loaded", reloaded.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 new", reloaded.QuerySelector("#upload-result")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.CertificateUploads.CountAsync(u => u.CertificationBodyId == body.Id)));

        // Another body cannot read this body's reports.
        var stranger = await factory.SignInForAsync(await factory.CreateBodyAsync());
        Assert.Null((await stranger.GetDocumentAsync(posted.Headers.Location.OriginalString)).QuerySelector("#upload-result"));
    }

    [Fact]
    public async Task ChangedStatusBecomesAHistoryEventAndChangedDataAnUpdate()
    {
        var body = await factory.CreateBodyAsync();
        var client = await factory.SignInForAsync(body);
        await UploadPageAsync(client, RegistryWorld.Csv(RegistryWorld.Row("H-1", body.Code), RegistryWorld.Row("H-2", body.Code)));

        var again = await (await UploadPageAsync(client, RegistryWorld.Csv(RegistryWorld.Row("H-1", body.Code, status: "Suspended"), RegistryWorld.Row("H-2", body.Code, scope: "Widgets and gadgets")))).ReadDocumentAsync();
        Assert.Contains("0 new, 2 updated, 0 unchanged", again.QuerySelector("#upload-result")!.TextContent, StringComparison.Ordinal);

        var id = await factory.IdOfAsync(body, "H-1");
        var events = await factory.WithDbAsync(db => db.CertificateEvents.Where(e => e.CertificateId == id).ToListAsync());
        var change = Assert.Single(events);
        Assert.Equal(CertificateStatus.Active, change.FromStatus);
        Assert.Equal(CertificateStatus.Suspended, change.ToStatus);
        Assert.Equal(CertificateEventKind.Suspended, change.Kind);
        Assert.StartsWith("upload #", change.Note, StringComparison.Ordinal);
        var other = await factory.IdOfAsync(body, "H-2");
        Assert.Empty(await factory.WithDbAsync(db => db.CertificateEvents.Where(e => e.CertificateId == other).ToListAsync()));
    }

    [Fact]
    public async Task BadRowsAreListedWithLineAndReasonAndTheGoodOnesLoad()
    {
        var body = await factory.CreateBodyAsync();
        var client = await factory.SignInForAsync(body);
        var csv = RegistryWorld.Csv(
            RegistryWorld.Row("B-1", body.Code),
            RegistryWorld.Row("B-2", body.Code, standard: "ISO 99999:2015"),
            RegistryWorld.Row("B-3", body.Code).Replace(RegistryWorld.Iso(RegistryWorld.Today.AddYears(-1)), "31/12/2025", StringComparison.Ordinal),
            RegistryWorld.Row("B-4", body.Code, country: "XX"),
            RegistryWorld.Row("B-5", body.Code, standard: "not a standard"),
            RegistryWorld.Row("B-6", body.Code));
        var response = await UploadPageAsync(client, csv);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("6 rows read: 2 new, 0 updated, 0 unchanged, 4 rejected", page.QuerySelector("#upload-result")!.TextContent, StringComparison.Ordinal);
        var rows = page.QuerySelectorAll("#rejected-rows tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains('3') && r.Contains("is not accredited for ISO 99999:2015", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("31/12/2025 is not a date written YYYY-MM-DD", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("XX is not an ISO 3166 country code", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("not a standard is not a standard's identifier", StringComparison.Ordinal));
        Assert.Equal(["B-1", "B-6"], await factory.WithDbAsync(db => db.Certificates.Where(c => c.CertificationBodyId == body.Id).OrderBy(c => c.Number).Select(c => c.Number).ToListAsync()));
    }

    [Fact]
    public async Task AllOrNothingLoadsNothingWhenOneRowIsBad()
    {
        var body = await factory.CreateBodyAsync();
        var client = await factory.SignInForAsync(body);
        var response = await UploadPageAsync(client, RegistryWorld.Csv(RegistryWorld.Row("A-1", body.Code), RegistryWorld.Row("A-2", body.Code, status: "Valid")), allOrNothing: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Nothing was loaded: 1 of the 2 rows are wrong", page.QuerySelector("#upload-result")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Valid is not a status", page.QuerySelector("#rejected-rows")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Certificates.AnyAsync(c => c.CertificationBodyId == body.Id)));
    }

    [Fact]
    public async Task AnotherBodysNumbersAreRejected()
    {
        var mine = await factory.CreateBodyAsync();
        var theirs = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("T-1", theirs.Code, organization: "Their Client Ltd")));
        var client = await factory.SignInForAsync(mine);

        var page = await (await UploadPageAsync(client, RegistryWorld.Csv(RegistryWorld.Row("T-1", theirs.Code, status: "Withdrawn"), RegistryWorld.Row("M-1", mine.Code)))).ReadDocumentAsync();
        Assert.Contains($"the row is for {theirs.Code}; you may upload only {mine.Code}'s certificates", page.QuerySelector("#rejected-rows")!.TextContent, StringComparison.Ordinal);
        var theirCertificate = await factory.WithDbAsync(db => db.Certificates.SingleAsync(c => c.CertificationBodyId == theirs.Id && c.Number == "T-1"));
        Assert.Equal(CertificateStatus.Active, theirCertificate.Status);

        // Through the API, too: their certificate's status cannot be touched.
        var api = await factory.ApiFor(mine);
        var status = await api.PostAsJsonAsync("/api/v1/certificates/status", new { number = "T-1", status = "Withdrawn", reason = "Not ours" });
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal(CertificateStatus.Active, (await factory.WithDbAsync(db => db.Certificates.SingleAsync(c => c.Id == theirCertificate.Id))).Status);
    }

    [Fact]
    public async Task DuplicateRowsInOneFileKeepTheFirst()
    {
        var body = await factory.CreateBodyAsync();
        var result = await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("D-1", body.Code), RegistryWorld.Row("D-2", body.Code), RegistryWorld.Row("D-1", body.Code, scope: "Second version")));
        Assert.Equal(2, result.Inserted);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("Duplicate", 4, "2"), (problem.Code, problem.Line, problem.Args[0]));
        Assert.Equal("Manufacture of widgets", (await factory.WithDbAsync(db => db.Certificates.SingleAsync(c => c.CertificationBodyId == body.Id && c.Number == "D-1"))).Scope);
    }

    [Fact]
    public async Task ForbiddenStatusChangeInAFileIsRejected()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("W-1", body.Code, status: "Withdrawn")));
        var result = await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("W-1", body.Code, status: "Active")));
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("Transition", "Withdrawn", "Active"), (problem.Code, problem.Args[0], problem.Args[1]));
        Assert.Equal(0, result.Updated);
        Assert.Equal(CertificateStatus.Withdrawn, (await factory.WithDbAsync(db => db.Certificates.SingleAsync(c => c.CertificationBodyId == body.Id))).Status);
    }

    [Fact]
    public async Task ByteOrderMarkAndWindowsLineEndsLoadThroughThePage()
    {
        var body = await factory.CreateBodyAsync();
        var client = await factory.SignInForAsync(body);
        var text = RegistryWorld.Csv(RegistryWorld.Row("R-1", body.Code, organization: "Quote \"Best\" Ltd"), RegistryWorld.Row("R-2", body.Code)).Replace("\n", "\r\n", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        var page = await (await UploadPageAsync(client, "", bytes: bytes)).ReadDocumentAsync();
        Assert.Contains("2 new", page.QuerySelector("#upload-result")!.TextContent, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.Certificates.Include(c => c.Organization).SingleAsync(c => c.CertificationBodyId == body.Id && c.Number == "R-1"));
        Assert.Equal("Quote \"Best\" Ltd", stored.Organization!.Name);
        Assert.Equal(CertificateStatus.Active, stored.Status);
    }

    [Theory]
    [InlineData("wrong-header", "the first line must be the header")]
    [InlineData("semicolons", "the file is separated by ';', not by commas")]
    [InlineData("empty", "The file is empty.")]
    [InlineData("latin1", "the file is not UTF-8 text")]
    [InlineData("unclosed", "a quoted field is never closed")]
    public async Task UnreadableFileIsRefusedWholeWithAClearReason(string kind, string message)
    {
        var body = await factory.CreateBodyAsync();
        var client = await factory.SignInForAsync(body);
        var good = RegistryWorld.Row("F-1", body.Code);
        byte[] bytes = kind switch
        {
            "wrong-header" => Encoding.UTF8.GetBytes("number,body,org\n" + good),
            "semicolons" => Encoding.UTF8.GetBytes(RegistryWorld.Csv(good).Replace(',', ';')),
            "empty" => [],
            "latin1" => Encoding.Latin1.GetBytes(RegistryWorld.Csv(RegistryWorld.Row("F-1", body.Code, organization: "Société Générale Ltée"))),
            _ => Encoding.UTF8.GetBytes(RegistryWorld.Csv(good, RegistryWorld.Row("F-2", body.Code), RegistryWorld.Row("F-3", body.Code)[..^"Active".Length] + "\"Active")),
        };
        var response = await UploadPageAsync(client, "", bytes: bytes);
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var shown = (page.QuerySelector("#file-problem") ?? page.QuerySelector("#upload-error"))!.TextContent;
        Assert.Contains(message, shown, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Certificates.AnyAsync(c => c.CertificationBodyId == body.Id)));
    }

    [Fact]
    public async Task UploadOverTheLimitWithoutALengthIsStoppedWhileReading()
    {
        var body = await factory.CreateBodyAsync();
        var api = await factory.ApiFor(body);
        var content = new HugeContent(3L * 1024 * 1024, "text/csv", declareLength: false);
        var refused = await api.PostAsync("/api/v1/certificates/csv", content);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
    }

    [Fact]
    public async Task CsvApiReportsRowsAndFileProblems()
    {
        var body = await factory.CreateBodyAsync();
        var api = await factory.ApiFor(body);
        var ok = await api.PostCsvAsync(RegistryWorld.Csv(RegistryWorld.Row("C-1", body.Code), RegistryWorld.Row("C-2", body.Code, expiry: RegistryWorld.Today.AddYears(5))));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var json = await JsonAsync(ok);
        Assert.Equal(1, json.GetProperty("inserted").GetInt32());
        var rejected = json.GetProperty("rejectedRows")[0];
        Assert.Equal(3, rejected.GetProperty("line").GetInt32());
        Assert.Equal("Cycle", rejected.GetProperty("code").GetString());
        Assert.Contains("at most 3 years later", rejected.GetProperty("message").GetString(), StringComparison.Ordinal);

        var refused = await api.PostCsvAsync(RegistryWorld.Csv(RegistryWorld.Row("C-3", body.Code), RegistryWorld.Row("C-4", body.Code, status: "Nope")), allOrNothing: true);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.False((await JsonAsync(refused)).GetProperty("loaded").GetBoolean());

        var header = await api.PostCsvAsync("a;b;c\n1;2;3\n");
        Assert.Equal(HttpStatusCode.BadRequest, header.StatusCode);
        Assert.Equal("application/problem+json", header.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Delimiter", (await JsonAsync(header)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task JsonBatchCreatesAndUpdatesWithSectorsAndCompanyNumbers()
    {
        var body = await factory.CreateBodyAsync("ISO 9001:2015", "ISO/IEC 27001:2022");
        var api = await factory.ApiFor(body);
        var issue = RegistryWorld.Iso(RegistryWorld.Today.AddMonths(-2));
        var expiry = RegistryWorld.Iso(RegistryWorld.Today.AddMonths(-2).AddYears(3));
        object Item(string number, string status, string? reason = null) => new
        {
            number,
            organization = new { name = "Data Safe GmbH", country = "de", address = "Ring 1, Berlin", companyNumber = "HRB 12345" },
            standards = new[] { "iso/iec 27001:2022" },
            scope = "Hosting",
            iafSectors = new[] { 33 },
            sites = new[] { new { address = "Ring 1, Berlin", country = "DE" } },
            initialIssueDate = issue,
            issueDate = issue,
            expiryDate = expiry,
            status,
            statusReason = reason,
        };
        var first = await api.PutAsJsonAsync("/api/v1/certificates", new { certificates = new[] { Item("J-1", "Active"), Item("J-2", "Active") } });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, (await JsonAsync(first)).GetProperty("inserted").GetInt32());

        var second = await api.PutAsJsonAsync("/api/v1/certificates", new { certificates = new[] { Item("J-1", "Suspended", "Missed surveillance audit"), Item("J-2", "Active") } });
        var json = await JsonAsync(second);
        Assert.Equal((1, 1), (json.GetProperty("updated").GetInt32(), json.GetProperty("unchanged").GetInt32()));

        var stored = await factory.WithDbAsync(db => db.Certificates.Include(c => c.Organization).SingleAsync(c => c.CertificationBodyId == body.Id && c.Number == "J-1"));
        Assert.Equal(("HRB 12345", "Ring 1, Berlin"), (stored.Organization!.CompanyNumber, stored.Organization.Address));
        Assert.Equal([33], stored.IafSectors);
        Assert.Equal(["ISO/IEC 27001:2022"], stored.Standards);
        Assert.Equal("Missed surveillance audit", stored.StatusReason);
        var change = await factory.WithDbAsync(db => db.CertificateEvents.SingleAsync(e => e.CertificateId == stored.Id));
        Assert.Equal("Missed surveillance audit", change.Note);

        var bad = await api.PutAsJsonAsync("/api/v1/certificates", new { certificates = new[] { new { number = "J-3", status = "Active" } } });
        var rows = (await JsonAsync(bad)).GetProperty("rejectedRows");
        Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("code").GetString() == "Required");
    }

    [Fact]
    public async Task StatusApiFollowsTheTransitionRules()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("S-1", body.Code)));
        var api = await factory.ApiFor(body);

        var noReason = await api.PostAsJsonAsync("/api/v1/certificates/status", new { number = "S-1", status = "Suspended" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);

        var suspended = await api.PostAsJsonAsync("/api/v1/certificates/status", new { number = "S-1", status = "suspended", reason = "Major nonconformity" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        var json = await JsonAsync(suspended);
        Assert.Equal("Suspended", json.GetProperty("status").GetString());
        Assert.False(json.GetProperty("validToday").GetBoolean());
        Assert.Equal("Suspended", json.GetProperty("history")[0].GetProperty("kind").GetString());

        var reinstated = await api.PostAsJsonAsync("/api/v1/certificates/status", new { number = "S-1", status = "Active" });
        Assert.Equal(HttpStatusCode.OK, reinstated.StatusCode);
        var withdrawn = await api.PostAsJsonAsync("/api/v1/certificates/status", new { number = "S-1", status = "Withdrawn", reason = "Fraud" });
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var back = await api.PostAsJsonAsync("/api/v1/certificates/status", new { number = "S-1", status = "Active" });
        Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);
        Assert.Contains("cannot change from Withdrawn to Active", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var id = await factory.IdOfAsync(body, "S-1");
        var kinds = await factory.WithDbAsync(db => db.CertificateEvents.Where(e => e.CertificateId == id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([CertificateEventKind.Suspended, CertificateEventKind.Reinstated, CertificateEventKind.Withdrawn], kinds);

        var unknown = await api.PostAsJsonAsync("/api/v1/certificates/status", new { number = "S-404", status = "Suspended", reason = "x" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var nonsense = await api.PostAsJsonAsync("/api/v1/certificates/status", new { number = "S-1", status = "Valid" });
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
    }

    [Fact]
    public async Task AuditsAreRecordedForOwnCertificates()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("U-1", body.Code)));
        var api = await factory.ApiFor(body);
        var created = await api.PostAsJsonAsync("/api/v1/certificates/audits", new { number = "U-1", kind = "Surveillance", startDate = RegistryWorld.Iso(RegistryWorld.Today.AddDays(-10)), endDate = RegistryWorld.Iso(RegistryWorld.Today.AddDays(-9)) });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var bad = await api.PostAsJsonAsync("/api/v1/certificates/audits", new { number = "U-1", kind = "Lunch", startDate = RegistryWorld.Iso(RegistryWorld.Today) });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var id = await factory.IdOfAsync(body, "U-1");
        Assert.Equal(AuditKind.Surveillance, (await factory.WithDbAsync(db => db.CertificateAudits.SingleAsync(a => a.CertificateId == id))).Kind);
    }

    [Fact]
    public async Task WritesNeedALinkedCertificationBodyUser()
    {
        var anonymous = await factory.CreateClient().PostCsvAsync(RegistryWorld.Csv());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var (customer, _) = await factory.ApiClientAsync(Normative.Features.Accounts.Roles.Customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.PostCsvAsync(RegistryWorld.Csv())).StatusCode);

        var (unlinked, _) = await factory.ApiClientAsync(Normative.Features.Accounts.Roles.CertificationBody);
        var response = await unlinked.PostCsvAsync(RegistryWorld.Csv());
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("not linked to a certification body", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var (browser, _) = await factory.SignInAsAsync(Normative.Features.Accounts.Roles.CertificationBody);
        var page = await browser.GetDocumentAsync("/certification/body/upload");
        Assert.Contains("not linked to a certification body", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HistoryRowsCannotBeRewritten()
    {
        var body = await factory.CreateBodyAsync();
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("E-1", body.Code)));
        await factory.ImportAsync(RegistryWorld.Csv(RegistryWorld.Row("E-1", body.Code, status: "Suspended")));
        var id = await factory.IdOfAsync(body, "E-1");
        var e = await Assert.ThrowsAnyAsync<Exception>(() => factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"UPDATE certificate_events SET note = 'rewritten' WHERE certificate_id = {id}")));
        Assert.Contains("append-only", e.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<Exception>(() => factory.WithDbAsync(db => db.Database.ExecuteSqlAsync($"DELETE FROM certificate_events WHERE certificate_id = {id}")));
    }
}
