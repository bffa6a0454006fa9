using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

public class EditorTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private async Task<List<string>> HomeTopAsync() =>
        (await factory.Browser().GetDocumentAsync("/?culture=en")).QuerySelectorAll(".top-standards li a").Select(a => a.TextContent).ToList();

    [Fact]
    public async Task AnEditorChoosesAndOrdersTheTopStandards()
    {
        await factory.WithDemoAsync();
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);

        var added = await editor.SubmitFormAsync("/standards/top/edit", new() { ["Input.Reference"] = "iso 14064-1:2018" }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal("ISO 14064-1:2018", (await HomeTopAsync()).Last());

        var page = await editor.GetDocumentAsync("/standards/top/edit");
        var id = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Reference == "ISO 14064-1:2018").Select(d => d.Id).SingleAsync());
        var moved = await editor.SubmitFormAsync("/standards/top/edit", [], $"form[action*='handler=Move'][action*='id={id}'][action*='by=-1']");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var top = await HomeTopAsync();
        Assert.Equal("ISO 14064-1:2018", top[^2]);

        var removed = await editor.SubmitFormAsync("/standards/top/edit", [], $"form[action*='handler=Remove'][action*='id={id}']");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.DoesNotContain("ISO 14064-1:2018", await HomeTopAsync());
        Assert.NotNull(page.QuerySelector("ol.top-edit"));
    }

    [Fact]
    public async Task AfterAddingAStandardTheNoticeShowsOnceAndAReloadAddsNothing()
    {
        await factory.WithDemoAsync();
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var before = await factory.WithDbAsync(db => db.TopStandards.CountAsync());

        var added = await editor.SubmitFormAsync("/standards/top/edit?culture=en", new() { ["Input.Reference"] = "ISO 22301:2019" }, "form[action*='handler=Add']");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var landed = await editor.GetDocumentAsync(added.Headers.Location!.OriginalString);
        Assert.Contains("added", landed.QuerySelector("p.notice[role=status]")?.TextContent ?? "", StringComparison.OrdinalIgnoreCase);

        var reloaded = await editor.GetDocumentAsync(added.Headers.Location!.OriginalString);
        Assert.Null(reloaded.QuerySelector("p.notice[role=status]"));
        Assert.Equal(before + 1, await factory.WithDbAsync(db => db.TopStandards.CountAsync()));
        await factory.WithDbAsync(async db =>
        {
            var id = await db.Deliverables.Where(d => d.Reference == "ISO 22301:2019").Select(d => d.Id).SingleAsync();
            return await db.TopStandards.Where(t => t.DeliverableId == id).ExecuteDeleteAsync();
        });
    }

    [Theory]
    [InlineData("", "Enter a reference")]
    [InlineData("ISO 12345678:2099", "No standard in the catalogue matches")]
    [InlineData("ISO 9001:2015", "already in the list")]
    public async Task AnEditorIsToldWhyAStandardCannotBeAdded(string reference, string message)
    {
        await factory.WithDemoAsync();
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);

        var response = await editor.SubmitFormAsync("/standards/top/edit?culture=en", new() { ["Input.Reference"] = reference }, "form[action*='handler=Add']");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.QuerySelector("#reference-error")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.CommitteeManager)]
    public async Task OthersCannotCurate(string role)
    {
        await factory.WithDemoAsync();
        var (client, _) = await factory.SignInAsAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/standards/top/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/sectors/health/edit")).StatusCode);
    }

    [Fact]
    public async Task VisitorsAreAskedToSignIn()
    {
        var response = await factory.Browser().GetAsync("/sectors/health/edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/signin", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAdministratorChangesASectorsMappingAndTheSectorPageFollows()
    {
        await factory.WithDemoAsync();
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);
        Assert.DoesNotContain((await factory.Browser().GetDocumentAsync("/sectors/food")).QuerySelectorAll("#sector-standards ~ .deliverable-list a"), a => a.TextContent == "ISO 216:2007");

        var saved = await admin.SubmitFormAsync("/sectors/food/edit", new() { ["Input.IcsCodes"] = "67\n85.080", ["Input.Committees"] = "ISO/TC 34\nISO/TC 6" });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var food = await factory.Browser().GetDocumentAsync("/sectors/food");
        Assert.Contains(food.QuerySelectorAll("#sector-standards ~ .deliverable-list a"), a => a.TextContent == "ISO 216:2007");
        var mapping = await factory.WithDbAsync(db => db.SectorMappings.SingleAsync(m => m.Slug == "food"));
        Assert.Equal(["67", "85.080"], mapping.IcsCodes);
        Assert.NotNull(mapping.UpdatedBy);
    }

    [Fact]
    public async Task UnknownCodesAndCommitteesAreRefusedWithTheirNames()
    {
        await factory.WithDemoAsync();
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);

        var response = await editor.SubmitFormAsync("/sectors/energy/edit?culture=en", new() { ["Input.IcsCodes"] = "27\n99.999", ["Input.Committees"] = "ISO/TC 9999" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("99.999", page.QuerySelector("#ics-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("ISO/TC 9999", page.QuerySelector("#committees-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("99.999", await factory.WithDbAsync(db => db.SectorMappings.Where(m => m.Slug == "energy").Select(m => m.IcsCodes).SingleAsync()));
    }
}
