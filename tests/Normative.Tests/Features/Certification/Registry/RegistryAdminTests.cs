using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Certification.Registry;

public class RegistryAdminTests(CertificationFactory factory) : IClassFixture<CertificationFactory>
{
    [Fact]
    public async Task AdministratorRecordsBodiesAccreditationsAndLinksAUser()
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/certification/admin", new()
        {
            ["NewAccreditationBody.Code"] = "TAB", ["NewAccreditationBody.Name"] = "Test Accreditation", ["NewAccreditationBody.Country"] = "nl", ["NewAccreditationBody.Mla"] = "true",
        }, "form[action*=AccreditationBody]")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/certification/admin", new()
        {
            ["NewCertificationBody.Code"] = "TCB", ["NewCertificationBody.Name"] = "Test Certification", ["NewCertificationBody.Country"] = "NL",
        }, "form[action*=CertificationBody]")).StatusCode);
        var ab = await factory.WithDbAsync(db => db.AccreditationBodies.SingleAsync(a => a.Code == "TAB"));
        var cb = await factory.WithDbAsync(db => db.CertificationBodies.SingleAsync(b => b.Code == "TCB"));
        Assert.Equal(("NL", true), (ab.Country, ab.IafMlaSignatory));

        var accreditation = await admin.SubmitFormAsync("/certification/admin", new()
        {
            ["NewAccreditation.Body"] = Id(cb.Id), ["NewAccreditation.AccreditationBody"] = Id(ab.Id),
            ["NewAccreditation.Standard"] = "iso 9001:2015", ["NewAccreditation.ValidFrom"] = "2020-01-01", ["NewAccreditation.ValidTo"] = "2030-12-31",
        }, "form[action$=Accreditation]");
        Assert.Equal(HttpStatusCode.Redirect, accreditation.StatusCode);
        Assert.Equal("ISO 9001:2015", (await factory.WithDbAsync(db => db.Accreditations.SingleAsync(a => a.CertificationBodyId == cb.Id))).Standard);

        var person = await factory.CreateUserAsync(Roles.Customer);
        var link = await admin.SubmitFormAsync("/certification/admin", new() { ["Link.Email"] = person.Email!, ["Link.Body"] = Id(cb.Id) }, "form[action*=Link]");
        Assert.Equal(HttpStatusCode.Redirect, link.StatusCode);
        Assert.Equal(cb.Id, (await factory.WithDbAsync(db => db.CertificationBodyMembers.SingleAsync(m => m.UserId == person.Id))).CertificationBodyId);
        Assert.True(await factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == person.Id && r.Name == Roles.CertificationBody select ur).AnyAsync()));

        var bodies = await factory.CreateClient().GetDocumentAsync("/certification/bodies");
        Assert.Contains("Test Certification", bodies.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddingABodyThenReloadingAddsItOnceAndSaysSoOnce()
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var code = "R" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var saved = await admin.SubmitFormAsync("/certification/admin", new()
        {
            ["NewCertificationBody.Code"] = code, ["NewCertificationBody.Name"] = "Reloaded Certification", ["NewCertificationBody.Country"] = "FR",
        }, "form[action*=CertificationBody]");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var landed = await admin.GetDocumentAsync(saved.Headers.Location!.OriginalString);
        Assert.Equal("Saved.", landed.QuerySelector("main .notice")!.TextContent.Trim());
        var reloaded = await admin.GetDocumentAsync(saved.Headers.Location.OriginalString);
        Assert.Null(reloaded.QuerySelector("main .notice"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.CertificationBodies.CountAsync(b => b.Code == code)));
    }

    [Fact]
    public async Task BadAdministratorInputIsExplained()
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var response = await admin.SubmitFormAsync("/certification/admin", new()
        {
            ["NewCertificationBody.Code"] = "", ["NewCertificationBody.Name"] = "", ["NewCertificationBody.Country"] = "Narnia",
        }, "form[action*=CertificationBody]");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        var errors = page.QuerySelector("#admin-errors")!.TextContent;
        Assert.Contains("Give a code", errors, StringComparison.Ordinal);
        Assert.Contains("Narnia is not an ISO 3166 country code", errors, StringComparison.Ordinal);
        // What was typed is still there to correct.
        Assert.Equal("Narnia", page.QuerySelector("#cb-country")!.GetAttribute("value"));

        var unknown = await admin.SubmitFormAsync("/certification/admin", new()
        {
            ["Link.Email"] = "nobody-" + Guid.NewGuid().ToString("N") + "@example.org", ["Link.Body"] = "1",
        }, "form[action*=Link]");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("No user has the e-mail address nobody-", (await unknown.ReadDocumentAsync()).QuerySelector("#admin-errors")!.TextContent, StringComparison.Ordinal);
    }

    private static string Id(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task RegistryAdministrationIsForAdministratorsOnly()
    {
        var (customer, _) = await factory.SignInAsAsync(Roles.Customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/certification/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/certification/body/upload")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().GetAsync("/certification/body")).StatusCode);
    }
}
