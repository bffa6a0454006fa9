using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

public class StandardNewTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private const string New = "/standards/new?culture=en";

    [Fact]
    public async Task AnEditorCreatesAGuideThatShowsAtOnceWithItsHistory()
    {
        await factory.WithDemoAsync();
        var (editor, user) = await factory.SignInAsAsync(Roles.Editor);
        var form = (await RecordForm.ReadAsync(editor, New))
            .With("Input.Reference", "ISO Guide 99:2026").With("Input.DeliverableType", "Guide").With("Input.TitleEn", "Writing about quillwort")
            .With("Input.PublicationDate", "2026-11-02").With("Input.Edition", "1").With("Input.IcsCodes", "01.120").With("Input.OwnerCommittee", "ISO/TC 176")
            .With("Input.Languages", "en").With("Input.Sdgs", "4", add: true);

        var created = await RecordForm.PostAsync(editor, New, form);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Reference == "ISO Guide 99:2026").Select(d => d.Id).SingleAsync());
        Assert.True(id > 100_000_000);
        Assert.Equal($"/standard/{id}", created.Headers.Location!.OriginalString);
        var visitor = factory.CreateClient();
        Assert.Contains("Writing about quillwort", (await visitor.GetDocumentAsync($"/standard/{id}")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["ISO Guide 99:2026"], (await visitor.GetDocumentAsync("/search?q=quillwort")).QuerySelectorAll(".result-list .reference").Select(r => r.TextContent.Trim()));
        var history = await editor.GetDocumentAsync($"/standard/{id}/history?culture=en");
        var fields = history.QuerySelectorAll("table.history tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.All(fields, r => Assert.Equal(user.Email, r[1]));
        Assert.Contains(fields, r => r[2] == "Reference" && r[4] == "ISO Guide 99:2026");
        Assert.Contains(fields, r => r[2] == "Sustainable Development Goals" && r[4] == "[4]");
    }

    [Fact]
    public async Task AStandardPublishedInRussianOnlyIsCreatedWithItsRussianTitle()
    {
        await factory.WithDemoAsync();
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var form = (await RecordForm.ReadAsync(editor, New))
            .With("Input.Reference", "ISO 99777:2026").With("Input.DeliverableType", "IS").With("Input.TitleEn", "").With("Input.TitleFr", "")
            .With("Input.OtherTitles[ru]", "Молочай болотный — Термины").With("Input.PublicationDate", "2026-11-02").With("Input.Stage", "60.60")
            .With("Input.IcsCodes", "01.120").With("Input.OwnerCommittee", "ISO/TC 176").With("Input.Languages", "ru");

        var created = await RecordForm.PostAsync(editor, New, form);

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Reference == "ISO 99777:2026").Select(d => d.Id).SingleAsync());
        Assert.Contains("Молочай болотный — Термины", (await factory.CreateClient().GetDocumentAsync($"/standard/{id}?culture=ru")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var history = await editor.GetDocumentAsync($"/standard/{id}/history?culture=en");
        Assert.Contains(history.QuerySelectorAll("table.history tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()),
            r => r[2] == "Title in Russian" && r[4] == "Молочай болотный — Термины");
    }

    [Fact]
    public async Task ARecordWhoseReferenceExistsIsNotCreated()
    {
        await factory.WithDemoAsync();
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var before = await factory.WithDbAsync(db => db.Deliverables.CountAsync());

        var response = await RecordForm.PostAsync(editor, New, (await RecordForm.ReadAsync(editor, New))
            .With("Input.Reference", "ISO 9001:2015").With("Input.TitleEn", "Again").With("Input.PublicationDate", "2015-09-15"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already has the reference", (await response.ReadDocumentAsync()).GetElementById("err-Reference")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Deliverables.CountAsync()));
    }

    [Fact]
    public async Task OnlyEditorsAndAdministratorsCreateRecords()
    {
        var (customer, _) = await factory.SignInAsAsync(Roles.Customer);
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/standards/new")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/standards/new")).StatusCode);
        var anonymous = await factory.Browser().GetAsync("/standards/new");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
