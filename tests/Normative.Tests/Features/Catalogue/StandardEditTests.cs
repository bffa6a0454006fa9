using System.Net;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

public class StandardEditTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private async Task<int> NewRecordAsync(int id, string reference)
    {
        await factory.WithDemoAsync();
        var (result, problems) = await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, reference, "Energy management — Requirements",
            changes: ("title", new Dictionary<string, string> { ["en"] = "Energy management — Requirements", ["fr"] = "Management de l'énergie — Exigences" })));
        Assert.Equal("", problems);
        return id;
    }

    private static string Edit(int id) => $"/standard/{id}/edit?culture=en";

    [Fact]
    public async Task AnEditorCorrectsTheFrenchTitleAndAddsAGoalAndEveryPageShowsItAtOnce()
    {
        var id = await NewRecordAsync(9200001, "ISO 99201:2020");
        var visitor = factory.CreateClient();
        // Fill the output cache with the pages as they were.
        Assert.Contains("Management de l'énergie — Exigences", (await visitor.GetDocumentAsync($"/standard/{id}?culture=fr")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await visitor.GetStringAsync("/sdgs/7"), StringComparison.Ordinal);
        Assert.DoesNotContain("Zéphyrine", await visitor.GetStringAsync("/api/v1/open-data/deliverables.jsonl"), StringComparison.Ordinal);
        var (editor, user) = await factory.SignInAsAsync(Roles.Editor);

        var form = await RecordForm.ReadAsync(editor, Edit(id));
        var saved = await RecordForm.PostAsync(editor, Edit(id), form.With("Input.TitleFr", "Management de l'énergie — Exigences de la Zéphyrine").With("Input.Sdgs", "7", add: true));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"/standard/{id}", saved.Headers.Location!.OriginalString);
        var landed = await editor.GetDocumentAsync($"/standard/{id}?culture=en");
        Assert.Contains("2 fields changed", landed.QuerySelector("p.notice[role=status]")!.TextContent, StringComparison.Ordinal);
        var page = await visitor.GetDocumentAsync($"/standard/{id}?culture=fr");
        Assert.Contains("Zéphyrine", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Objectif 7"], page.QuerySelectorAll(".sdg-links .sdg-number").Select(n => n.TextContent));
        Assert.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), await visitor.GetStringAsync("/sdgs/7"), StringComparison.Ordinal);
        var found = await visitor.GetDocumentAsync("/search?q=zephyrine&culture=fr");
        Assert.Equal(["ISO 99201:2020"], found.QuerySelectorAll(".result-list .reference").Select(r => r.TextContent.Trim()));
        Assert.Contains("Exigences de la Zéphyrine", await visitor.GetStringAsync("/api/v1/open-data/deliverables.jsonl"), StringComparison.Ordinal);

        var history = await editor.GetDocumentAsync($"/standard/{id}/history?culture=en");
        var rows = history.QuerySelectorAll("table.history tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r[1] == user.Email && r[2] == "Title in French" && r[3] == "Management de l'énergie — Exigences" && r[4].EndsWith("Zéphyrine", StringComparison.Ordinal));
        Assert.Contains(rows, r => r[2] == "Sustainable Development Goals" && r[3] == "" && r[4] == "[7]");
    }

    [Fact]
    public async Task AnEditorPicksAnIcsCodeFromTheTree()
    {
        var id = await NewRecordAsync(9200011, "ISO 99211:2020");
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var page = await editor.GetDocumentAsync(Edit(id));

        // The record's own code is ticked and fixed in the tree; another code of the tree is offered.
        var own = page.QuerySelector(".ics-picker input[value='03.120.10']")!;
        Assert.True(own.HasAttribute("checked") && own.HasAttribute("disabled"));
        var offered = page.QuerySelectorAll(".ics-picker input[type=checkbox]:not([disabled])").Select(b => b.GetAttribute("value")!).First(c => c.Contains('.', StringComparison.Ordinal));
        Assert.Contains(offered, page.QuerySelector(".ics-picker")!.TextContent, StringComparison.Ordinal);

        var form = RecordForm.Read(page);
        var saved = await RecordForm.PostAsync(editor, Edit(id), form.With("Input.IcsPicked", offered, add: true));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var record = await factory.WithDbAsync(db => db.Deliverables.SingleAsync(d => d.Id == id));
        Assert.Equal(new[] { "03.120.10", offered }.Order(StringComparer.Ordinal), record.IcsCodes.Order(StringComparer.Ordinal));

        // A code ticked but not in the tree is refused like a typed one.
        var refused = await RecordForm.PostAsync(editor, Edit(id), RecordForm.Read(await editor.GetDocumentAsync(Edit(id))).With("Input.IcsPicked", "99.999.99", add: true));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("99.999.99", (await refused.ReadDocumentAsync()).GetElementById("err-IcsCodes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, (await factory.WithDbAsync(db => db.Deliverables.SingleAsync(d => d.Id == id))).IcsCodes.Count);
    }

    [Fact]
    public async Task TheSecondOfTwoEditorsIsRefusedAndShownTheDifferenceThenMayOverwrite()
    {
        var id = await NewRecordAsync(9200002, "ISO 99202:2020");
        var (first, _) = await factory.SignInAsAsync(Roles.Editor);
        var (second, _) = await factory.SignInAsAsync(Roles.Editor);
        var firstForm = await RecordForm.ReadAsync(first, Edit(id));
        var secondForm = await RecordForm.ReadAsync(second, Edit(id));

        Assert.Equal(HttpStatusCode.Redirect, (await RecordForm.PostAsync(first, Edit(id), firstForm.With("Input.Edition", "2"))).StatusCode);
        var refused = await RecordForm.PostAsync(second, Edit(id), secondForm.With("Input.Edition", "3").With("Input.PagesEn", "44"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        Assert.Contains("Someone else saved this record", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var differences = page.QuerySelectorAll(".conflict tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(differences, r => r.Contains("Edition", StringComparison.Ordinal) && r.Contains('2') && r.Contains('3'));
        Assert.Contains(differences, r => r.Contains("Pages in English", StringComparison.Ordinal) && r.Contains("44", StringComparison.Ordinal));
        Assert.Equal("3", ((AngleSharp.Html.Dom.IHtmlInputElement)page.QuerySelector("#Input_Edition")!).Value);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == id).Select(d => d.Edition).SingleAsync()));

        var again = await RecordForm.PostAsync(second, Edit(id), RecordForm.Read(page));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(3, await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == id).Select(d => d.Edition).SingleAsync()));
        Assert.Equal(3, await factory.WithDbAsync(db => db.DeliverableChanges.CountAsync(c => c.DeliverableId == id)));
    }

    [Fact]
    public async Task AFormOpenedBeforeAnImportIsStaleToo()
    {
        var id = await NewRecordAsync(9200003, "ISO 99203:2020");
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var form = await RecordForm.ReadAsync(editor, Edit(id));
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, "ISO 99203:2020", "Energy management — Requirements (imported)"));

        var refused = await RecordForm.PostAsync(editor, Edit(id), form.With("Input.Edition", "5"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await refused.ReadDocumentAsync()).QuerySelector(".conflict"));
        Assert.Equal(1, await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == id).Select(d => d.Edition).SingleAsync()));
    }

    [Theory]
    [InlineData("Input.Reference", "Quality manual", "err-Reference", "is not a reference")]
    [InlineData("Input.Reference", "ISO 9001:2015", "err-Reference", "already has the reference")]
    [InlineData("Input.Reference", "ISO 99204:2020/Amd 1:2021", "err-SupplementType", "is a supplement")]
    [InlineData("Input.IcsCodes", "03.120.10\n99.999.99", "err-IcsCodes", "Not in the ICS tree: 99.999.99")]
    [InlineData("Input.OwnerCommittee", "ISO/TC 99999", "err-OwnerCommittee", "No committee ISO/TC 99999")]
    [InlineData("Input.PublicationDate", "2999-01-01", "err-PublicationDate", "in the future")]
    [InlineData("Input.Stage", "61.00", "err-Stage", "harmonized stage code")]
    [InlineData("Input.Replaces", "ISO 12345:1901", "err-Replaces", "Not in the catalogue: ISO 12345:1901")]
    [InlineData("Input.Languages", "en, french", "err-Languages", "'french' is not a language code")]
    public async Task BadValuesComeBackNextToTheirFieldsAndNothingIsSaved(string field, string value, string errorId, string message)
    {
        var id = await NewRecordAsync(9200004, "ISO 99204:2020");
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var before = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == id).Select(d => d.RowVersion).SingleAsync());

        var response = await RecordForm.PostAsync(editor, Edit(id), (await RecordForm.ReadAsync(editor, Edit(id))).With(field, value).With("Input.Edition", "9"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.GetElementById(errorId)?.TextContent ?? "(no " + errorId + ")", StringComparison.Ordinal);
        Assert.Contains(errorId, page.QuerySelector($"[aria-describedby~='{errorId}']")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == id).Select(d => d.RowVersion).SingleAsync()));
    }

    [Fact]
    public async Task ARecordNeedsOneTitleInEnglishOrFrenchButNotBoth()
    {
        var id = await NewRecordAsync(9200014, "ISO 99214:2020");
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);

        var none = await RecordForm.PostAsync(editor, Edit(id), (await RecordForm.ReadAsync(editor, Edit(id))).With("Input.TitleEn", " ").With("Input.TitleFr", ""));
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Enter a title", (await none.ReadDocumentAsync()).GetElementById("err-TitleEn")!.TextContent, StringComparison.Ordinal);

        var frenchOnly = await RecordForm.PostAsync(editor, Edit(id), (await RecordForm.ReadAsync(editor, Edit(id))).With("Input.TitleEn", " "));
        Assert.Equal(HttpStatusCode.Redirect, frenchOnly.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == id).Select(d => new { d.TitleEn, d.TitleFr }).SingleAsync());
        Assert.Null(saved.TitleEn);
        Assert.Equal("Management de l'énergie — Exigences", saved.TitleFr);
    }

    [Fact]
    public async Task AnEditorGivesTheRussianTitleWhichTheRussianPageShowsAndTheHistoryKeeps()
    {
        var id = await NewRecordAsync(9200021, "ISO 99221:2020");
        var visitor = factory.CreateClient();
        Assert.Contains("Energy management", (await visitor.GetDocumentAsync($"/standard/{id}?culture=ru")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var (editor, user) = await factory.SignInAsAsync(Roles.Editor);
        var form = await RecordForm.ReadAsync(editor, Edit(id));
        // The site's languages have their title fields, empty until given.
        Assert.Contains(form, f => f.Key == "Input.OtherTitles[es]" && f.Value == "");
        Assert.Contains(form, f => f.Key == "Input.OtherTitles[ru]" && f.Value == "");

        var saved = await RecordForm.PostAsync(editor, Edit(id), form.With("Input.OtherTitles[ru]", "Системы энергоменеджмента — Требования"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("Системы энергоменеджмента — Требования", (await visitor.GetDocumentAsync($"/standard/{id}?culture=ru")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Energy management", (await visitor.GetDocumentAsync($"/standard/{id}?culture=en")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var history = await editor.GetDocumentAsync($"/standard/{id}/history?culture=en");
        var rows = history.QuerySelectorAll("table.history tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal([[user.Email!, "Title in Russian", "", "Системы энергоменеджмента — Требования"]], rows.Select(r => r.Skip(1).Take(4).ToList()));
        Assert.Equal("Системы энергоменеджмента — Требования", (await RecordForm.ReadAsync(editor, Edit(id))).Single(f => f.Key == "Input.OtherTitles[ru]").Value);

        // Emptied, the title is gone, and the history says so.
        Assert.Equal(HttpStatusCode.Redirect, (await RecordForm.PostAsync(editor, Edit(id), (await RecordForm.ReadAsync(editor, Edit(id))).With("Input.OtherTitles[ru]", " "))).StatusCode);
        Assert.Empty(await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == id).Select(d => d.OtherTitles).SingleAsync()));
        Assert.Equal(2, await factory.WithDbAsync(db => db.DeliverableChanges.CountAsync(c => c.DeliverableId == id && c.Field == "title.ru")));
    }

    [Fact]
    public async Task ATitleInALanguageTheSiteDoesNotSpeakIsShownAndEditableToo()
    {
        await factory.WithDemoAsync();
        var id = 9200022;
        var (_, problems) = await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, "ISO 99222:2020", "Energy management — Requirements",
            changes: ("title", new Dictionary<string, string> { ["de"] = "Energiemanagement — Anforderungen" })));
        Assert.Equal("", problems);
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var page = await editor.GetDocumentAsync(Edit(id));
        Assert.Equal("Title (de)", page.QuerySelector("label[for='Input_OtherTitles_de']")!.TextContent);

        var saved = await RecordForm.PostAsync(editor, Edit(id), RecordForm.Read(page).With("Input.OtherTitles[de]", "Energiemanagementsysteme — Anforderungen"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Energiemanagementsysteme — Anforderungen", (await factory.WithDbAsync(db => db.Deliverables.SingleAsync(d => d.Id == id))).OtherTitles["de"]);
        var history = await editor.GetDocumentAsync($"/standard/{id}/history?culture=en");
        Assert.Contains("Title (de)", history.QuerySelector("table.history tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATitleInOneLanguageOtherThanEnglishOrFrenchIsEnoughButATooLongOneIsRefused()
    {
        var id = await NewRecordAsync(9200023, "ISO 99223:2020");
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var before = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == id).Select(d => d.RowVersion).SingleAsync());

        var tooLong = await RecordForm.PostAsync(editor, Edit(id), (await RecordForm.ReadAsync(editor, Edit(id))).With("Input.OtherTitles[es]", new string('a', 1001)));
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        var page = await tooLong.ReadDocumentAsync();
        Assert.Contains("At most 1000 characters", page.GetElementById("err-OtherTitles[es]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("err-OtherTitles[es]", page.GetElementById("Input_OtherTitles_es")!.GetAttribute("aria-describedby"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == id).Select(d => d.RowVersion).SingleAsync()));

        var spanishOnly = await RecordForm.PostAsync(editor, Edit(id), (await RecordForm.ReadAsync(editor, Edit(id)))
            .With("Input.TitleEn", "").With("Input.TitleFr", "").With("Input.OtherTitles[es]", "Gestión de la energía — Requisitos"));
        Assert.Equal(HttpStatusCode.Redirect, spanishOnly.StatusCode);
        var visitor = factory.CreateClient();
        Assert.Contains("Gestión de la energía", (await visitor.GetDocumentAsync($"/standard/{id}?culture=es")).QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormOpenedBeforeAnotherEditorGaveTheRussianTitleIsStale()
    {
        var id = await NewRecordAsync(9200024, "ISO 99224:2020");
        var (first, _) = await factory.SignInAsAsync(Roles.Editor);
        var (second, _) = await factory.SignInAsAsync(Roles.Editor);
        var firstForm = await RecordForm.ReadAsync(first, Edit(id));
        var secondForm = await RecordForm.ReadAsync(second, Edit(id));
        Assert.Equal(HttpStatusCode.Redirect, (await RecordForm.PostAsync(first, Edit(id), firstForm.With("Input.OtherTitles[ru]", "Первое название"))).StatusCode);

        var refused = await RecordForm.PostAsync(second, Edit(id), secondForm.With("Input.OtherTitles[ru]", "Второе название"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ReadDocumentAsync();
        var difference = page.QuerySelectorAll(".conflict tbody tr").Select(r => r.TextContent).Single();
        Assert.Contains("Title in Russian", difference, StringComparison.Ordinal);
        Assert.Contains("Первое название", difference, StringComparison.Ordinal);
        Assert.Contains("Второе название", difference, StringComparison.Ordinal);
        Assert.Equal("Первое название", (await factory.WithDbAsync(db => db.Deliverables.SingleAsync(d => d.Id == id))).OtherTitles["ru"]);
    }

    [Fact]
    public async Task AnEditionCannotReplaceItselfThroughAnother()
    {
        await factory.WithDemoAsync();
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        // ISO 9001:2008 is replaced by ISO 9001:2015; saying 2015 is replaced by 2008 closes a loop.
        var response = await RecordForm.PostAsync(editor, Edit(62085), (await RecordForm.ReadAsync(editor, Edit(62085))).With("Input.ReplacedBy", "ISO 9001:2008"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("loop", (await response.ReadDocumentAsync()).GetElementById("err-Replaces")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MessagesAreInThePagesLanguage()
    {
        var id = await NewRecordAsync(9200005, "ISO 99205:2020");
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var url = $"/standard/{id}/edit?culture=fr";

        var response = await RecordForm.PostAsync(editor, url, (await RecordForm.ReadAsync(editor, url)).With("Input.IcsCodes", "99.999.99"));

        Assert.Contains("Absent de l'arborescence ICS", (await response.ReadDocumentAsync()).GetElementById("err-IcsCodes")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Customer)]
    [InlineData(Roles.CommitteeManager)]
    public async Task OnlyEditorsAndAdministratorsReachTheEditPages(string role)
    {
        await factory.WithDemoAsync();
        var (client, _) = await factory.SignInAsAsync(role);
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/standard/62085/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/standard/62085/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/standard/62085/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/standard/62085/history")).StatusCode);
        Assert.Null((await client.GetDocumentAsync("/standard/62085")).QuerySelector(".editor-links"));
        Assert.NotNull((await admin.GetDocumentAsync("/standard/62085")).QuerySelector(".editor-links"));
        var anonymous = await factory.Browser().GetAsync("/standard/62085/edit");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/standard/123456789/edit")).StatusCode);
    }
}
