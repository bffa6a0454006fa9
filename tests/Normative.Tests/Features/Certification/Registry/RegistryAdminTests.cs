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
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitFormAsync("/certification/admin", new() { ["code"] = "TAB", ["name"] = "Test Accreditation", ["country"] = "nl", ["mla"] = "true" }, "form[action*=AccreditationBody]")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitFormAsync("/certification/admin", new() { ["code"] = "TCB", ["name"] = "Test Certification", ["country"] = "NL" }, "form[action*=CertificationBody]")).StatusCode);
        var ab = await factory.WithDbAsync(db => db.AccreditationBodies.SingleAsync(a => a.Code == "TAB"));
        var cb = await factory.WithDbAsync(db => db.CertificationBodies.SingleAsync(b => b.Code == "TCB"));
        Assert.Equal(("NL", true), (ab.Country, ab.IafMlaSignatory));

        var accreditation = await admin.SubmitFormAsync("/certification/admin", new()
        {
            ["body"] = cb.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["accreditationBody"] = ab.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["standard"] = "iso 9001:2015", ["validFrom"] = "2020-01-01", ["validTo"] = "2030-12-31",
        }, "form[action$=Accreditation]");
        Assert.Equal(HttpStatusCode.OK, accreditation.StatusCode);
        Assert.Equal("ISO 9001:2015", (await factory.WithDbAsync(db => db.Accreditations.SingleAsync(a => a.CertificationBodyId == cb.Id))).Standard);

        var person = await factory.CreateUserAsync(Roles.Customer);
        var link = await admin.SubmitFormAsync("/certification/admin", new() { ["email"] = person.Email!, ["body"] = cb.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "form[action*=Link]");
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        Assert.Equal(cb.Id, (await factory.WithDbAsync(db => db.CertificationBodyMembers.SingleAsync(m => m.UserId == person.Id))).CertificationBodyId);
        Assert.True(await factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == person.Id && r.Name == Roles.CertificationBody select ur).AnyAsync()));

        var bodies = await factory.CreateClient().GetDocumentAsync("/certification/bodies");
        Assert.Contains("Test Certification", bodies.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadAdministratorInputIsExplained()
    {
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        var response = await admin.SubmitFormAsync("/certification/admin", new() { ["code"] = "", ["name"] = "", ["country"] = "Narnia" }, "form[action*=CertificationBody]");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadDocumentAsync()).QuerySelector("#admin-errors")!.TextContent;
        Assert.Contains("Give a code", errors, StringComparison.Ordinal);
        Assert.Contains("Narnia is not an ISO 3166 country code", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegistryAdministrationIsForAdministratorsOnly()
    {
        var (customer, _) = await factory.SignInAsAsync(Roles.Customer);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/certification/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/certification/body/upload")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.Browser().GetAsync("/certification/body")).StatusCode);
    }
}
