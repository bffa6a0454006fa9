using System.Globalization;
using System.Net.Http.Headers;
using Normative.Features.Accounts;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Certification;

/// <summary>Intent helpers for registry tests: bodies with accreditations, CB users, CSV rows.</summary>
public static class RegistryWorld
{
    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A certification body with a unique code, accredited (Active, 2000–2099) for the standards given.</summary>
    public static async Task<CertificationBody> CreateBodyAsync(this NormativeFactory factory, params string[] standards)
    {
        var code = "CB" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        return await factory.WithDbAsync(async db =>
        {
            var ab = new AccreditationBody { Code = "AB" + code[2..], Name = "Accreditation " + code, Country = "GB", IafMlaSignatory = true };
            var body = new CertificationBody { Code = code, Name = "Certifier " + code, Country = "GB" };
            db.AccreditationBodies.Add(ab);
            db.CertificationBodies.Add(body);
            await db.SaveChangesAsync();
            foreach (var s in standards.Length == 0 ? ["ISO 9001:2015"] : standards)
            {
                db.Accreditations.Add(new Accreditation
                {
                    CertificationBodyId = body.Id, AccreditationBodyId = ab.Id, Standard = s,
                    ValidFrom = new DateOnly(2000, 1, 1), ValidTo = new DateOnly(2099, 12, 31), Status = AccreditationStatus.Active, StatusChangedAt = DateTimeOffset.UtcNow,
                });
            }
            await db.SaveChangesAsync();
            return body;
        });
    }

    public static async Task LinkAsync(this NormativeFactory factory, string userId, CertificationBody body) =>
        await factory.WithDbAsync(async db =>
        {
            db.CertificationBodyMembers.Add(new CertificationBodyMember { UserId = userId, CertificationBodyId = body.Id });
            return await db.SaveChangesAsync();
        });

    /// <summary>A signed-in browser for a new CB user linked to <paramref name="body"/>.</summary>
    public static async Task<HttpClient> SignInForAsync(this NormativeFactory factory, CertificationBody body)
    {
        var (client, user) = await factory.SignInAsAsync(Roles.CertificationBody);
        await factory.LinkAsync(user.Id, body);
        return client;
    }

    /// <summary>An API client with a personal token of a new CB user linked to <paramref name="body"/>.</summary>
    public static async Task<HttpClient> ApiFor(this NormativeFactory factory, CertificationBody body)
    {
        var (client, user) = await factory.ApiClientAsync(Roles.CertificationBody);
        await factory.LinkAsync(user.Id, body);
        return client;
    }

    /// <summary>One CSV row; the defaults make a valid ISO 9001 certificate issued a year ago.</summary>
    public static string Row(
        string number, string body, string organization = "Acme Widgets Ltd", string country = "GB", string standard = "ISO 9001:2015",
        string scope = "Manufacture of widgets", string sites = "1 High Street, Leeds|GB", DateOnly? initial = null, DateOnly? issue = null,
        DateOnly? expiry = null, string status = "Active")
    {
        var issued = issue ?? Today.AddYears(-1);
        var line = new StringWriter();
        using (var csv = Normative.Features.Shared.Csv.ForData(line, leaveOpen: true))
        {
            csv.WriteRecord([number, body, organization, country, standard, scope, sites, Iso(initial ?? issued), Iso(issued), Iso(expiry ?? issued.AddYears(3)), status]);
        }
        return line.ToString().TrimEnd('\r', '\n');
    }

    public static string Csv(params string[] rows) => CertificateCsv.HeaderLine + "\n" + string.Join("\n", rows) + "\n";

    public static async Task<HttpResponseMessage> PostCsvAsync(this HttpClient api, string csv, bool allOrNothing = false)
    {
        var content = new StringContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await api.PostAsync($"/api/v1/certificates/csv?allOrNothing={allOrNothing.ToString().ToLowerInvariant()}&fileName=test.csv", content);
    }

    /// <summary>Loads rows as an administrator would, without a CB restriction.</summary>
    public static async Task<ImportResult> ImportAsync(this NormativeFactory factory, string csv, bool allOrNothing = false)
    {
        using var reader = new StringReader(csv);
        return await factory.WithDbAsync(db => CertificateImport.RunAsync(db, CertificateCsv.Read(reader), new ImportOptions { Source = "cli", Actor = "test", AllOrNothing = allOrNothing }, DateTimeOffset.UtcNow));
    }

    public static Task<long> IdOfAsync(this NormativeFactory factory, CertificationBody body, string number) =>
        factory.WithDbAsync(db => Task.FromResult(db.Certificates.Single(c => c.CertificationBodyId == body.Id && c.Number == number).Id));
}
