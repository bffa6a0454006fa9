using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Accounts;
using Normative.Features.Shared;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue;

public class BulkEditTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private const string Bulk = "/standards/bulk?culture=en";

    /// <summary>Imports <paramref name="count"/> records owned by <paramref name="committee"/> (created by the import), ids from <paramref name="firstId"/>.</summary>
    private async Task ImportManyAsync(int firstId, int count, string committee)
    {
        await factory.WithDemoAsync();
        var lines = Enumerable.Range(0, count).Select(i => CatalogueFactory.Line(firstId + i, $"ISO {firstId - 9_000_000 + i}:2020", $"Bulk record {i}", changes: ("ownerCommittee", committee)));
        var (result, problems) = await factory.ImportDeliverablesAsync(string.Join("\n", lines));
        Assert.Equal("", problems);
        Assert.Equal(count, result.Inserted + result.Updated + result.Unchanged);
    }

    private static async Task<List<string[]>> ExportAsync(HttpClient editor, string committee)
    {
        var response = await editor.GetAsync("/standards/bulk?handler=Export&committee=" + Uri.EscapeDataString(committee));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        return Csv.Read(stream).Select(l => l.Fields.ToArray()).ToList();
    }

    private static byte[] Write(IEnumerable<string[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = Csv.ForSpreadsheet(buffer, leaveOpen: true))
        {
            foreach (var row in rows)
            {
                csv.WriteRecord(row);
            }
        }
        return buffer.ToArray();
    }

    private static async Task<IHtmlDocument> PreviewAsync(HttpClient editor, byte[] file)
    {
        var page = await editor.GetDocumentAsync(Bulk);
        var form = page.QuerySelector("form[enctype='multipart/form-data']")!;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(((IHtmlInputElement)form.QuerySelector("input[name=__RequestVerificationToken]")!).Value), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "upload", "edited.csv" },
        };
        var response = await editor.PostAsync(form.GetAttribute("action"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadDocumentAsync();
    }

    private static async Task<HttpResponseMessage> ApplyAsync(HttpClient editor, IHtmlDocument preview) => (await ApplyCountingAsync(editor, preview)).Response;

    /// <summary>Presses "Apply", counting the SQL commands the server sends for it.</summary>
    private static Task<(HttpResponseMessage Response, IReadOnlyList<string> Commands)> ApplyCountingAsync(HttpClient editor, IHtmlDocument preview)
    {
        var form = preview.QuerySelector("form[action*='handler=Apply']") ?? throw new InvalidOperationException("No apply button.");
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Select(i => new KeyValuePair<string, string>(i.Name!, i.Value));
        return SqlCommands.SendAsync(editor, new HttpRequestMessage(HttpMethod.Post, form.GetAttribute("action")) { Content = new FormUrlEncodedContent(values) });
    }

    [Fact]
    public async Task ABulkRoundTripOfAThousandRecordsWithFiftyEditedRowsAppliesExactlyThoseFifty()
    {
        await ImportManyAsync(9_400_001, 1000, "ISO/TC 998");
        var (editor, user) = await factory.SignInAsAsync(Roles.Editor);

        var rows = await ExportAsync(editor, "ISO/TC 998");
        Assert.Equal(1001, rows.Count);
        var header = rows[0].Select(h => h.TrimStart('\uFEFF')).ToList();
        var titleFr = header.IndexOf("title.fr");
        var id = header.IndexOf("id");
        var edited = new HashSet<int>();
        for (var i = 1; i <= 1000; i += 20)
        {
            rows[i][titleFr] = $"Notice {rows[i][id]} en français";
            edited.Add(int.Parse(rows[i][id], System.Globalization.CultureInfo.InvariantCulture));
        }
        Assert.Equal(50, edited.Count);

        var preview = await PreviewAsync(editor, Write(rows));
        Assert.Equal("1000 rows read; 50 records change, 50 fields in all.", preview.GetElementById("bulk-summary")!.TextContent.Trim());
        Assert.Equal(50, preview.QuerySelectorAll("table.bulk-changes tbody tr").Length);
        Assert.Equal(0, await factory.WithDbAsync(db => db.DeliverableChanges.CountAsync(c => c.DeliverableId >= 9_400_001 && c.DeliverableId <= 9_401_000)));

        var (applied, commands) = await ApplyCountingAsync(editor, preview);

        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        // One statement per kind of read and a batched write, not one per row.
        Assert.True(commands.Count is > 0 and <= 12, $"{commands.Count} SQL commands:\n{string.Join("\n", commands)}");
        var changes = await factory.WithDbAsync(db => db.DeliverableChanges.Where(c => c.DeliverableId >= 9_400_001 && c.DeliverableId <= 9_401_000).ToListAsync());
        Assert.Equal(50, changes.Count);
        Assert.Equal(edited.Order(), changes.Select(c => c.DeliverableId).Order());
        Assert.All(changes, c => Assert.Equal("title.fr", c.Field));
        Assert.All(changes, c => Assert.Equal(user.Email, c.By));
        Assert.Equal($"Notice {edited.Min()} en français", await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == edited.Min()).Select(d => d.TitleFr).SingleAsync()));
        var landed = await editor.GetDocumentAsync(applied.Headers.Location!.OriginalString + "?culture=en");
        Assert.Contains("50 changes applied to 50 records", landed.QuerySelector("p.notice[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Notice {edited.Min()} en français", await factory.CreateClient().GetStringAsync($"/standard/{edited.Min()}?culture=fr"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TitlesInOtherLanguagesMakeTheRoundTripAndAFileWithoutTheirColumnsKeepsThem()
    {
        await factory.WithDemoAsync();
        var lines = new[]
        {
            CatalogueFactory.Line(9_405_001, "ISO 405001:2020", "Bulk titles 0", changes: ("ownerCommittee", "ISO/TC 994")),
            CatalogueFactory.Line(9_405_002, "ISO 405002:2020", "Bulk titles 1", changes: [("ownerCommittee", "ISO/TC 994"), ("title", new Dictionary<string, string> { ["en"] = "Bulk titles 1", ["ru"] = "Массовые названия 1" })]),
            CatalogueFactory.Line(9_405_003, "ISO 405003:2020", "Bulk titles 2", changes: [("ownerCommittee", "ISO/TC 994"), ("title", new Dictionary<string, string> { ["en"] = "Bulk titles 2", ["pt"] = "Títulos em massa 2" })]),
        };
        Assert.Equal("", (await factory.ImportDeliverablesAsync(string.Join("\n", lines))).Problems);
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);

        var rows = await ExportAsync(editor, "ISO/TC 994");
        var header = rows[0].Select(h => h.TrimStart('\uFEFF')).ToList();
        // The site's languages always, and every other language some record has.
        Assert.Equal(["title.es", "title.pt", "title.ru"], header.Where(h => h.StartsWith("title.", StringComparison.Ordinal) && h is not ("title.en" or "title.fr")).Order());
        Assert.Equal("Массовые названия 1", rows[2][header.IndexOf("title.ru")]);
        rows[1][header.IndexOf("title.es")] = "Títulos masivos 0";
        rows[2][header.IndexOf("title.ru")] = "Массовые названия один";
        rows[3][header.IndexOf("title.pt")] = "";

        var preview = await PreviewAsync(editor, Write(rows));
        Assert.Equal("3 rows read; 3 records change, 3 fields in all.", preview.GetElementById("bulk-summary")!.TextContent.Trim());
        Assert.Contains("Title in Spanish", preview.QuerySelector("table.bulk-changes")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(editor, preview)).StatusCode);

        var titles = await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id >= 9_405_001 && d.Id <= 9_405_003).OrderBy(d => d.Id).Select(d => d.OtherTitles).ToListAsync());
        Assert.Equal("Títulos masivos 0", titles[0]["es"]);
        Assert.Equal("Массовые названия один", Assert.Single(titles[1]).Value);
        Assert.Empty(titles[2]);
        var fields = await factory.WithDbAsync(db => db.DeliverableChanges.Where(c => c.DeliverableId >= 9_405_001 && c.DeliverableId <= 9_405_003).OrderBy(c => c.DeliverableId).Select(c => c.Field).ToListAsync());
        Assert.Equal(["title.es", "title.ru", "title.pt"], fields);

        // A file made before these columns existed (or with them deleted) leaves the titles alone.
        var again = await ExportAsync(editor, "ISO/TC 994");
        var keep = again[0].Select((h, i) => (h, i)).Where(c => !DeliverableTitleColumn(c.h.TrimStart('\uFEFF'))).Select(c => c.i).ToList();
        var withoutTitles = again.Select(r => keep.Select(i => r[i]).ToArray()).ToList();
        withoutTitles[2][header.IndexOf("edition")] = "2";
        var plain = await PreviewAsync(editor, Write(withoutTitles));
        Assert.Equal("3 rows read; 1 records change, 1 fields in all.", plain.GetElementById("bulk-summary")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.Redirect, (await ApplyAsync(editor, plain)).StatusCode);
        Assert.Equal("Массовые названия один", (await factory.WithDbAsync(db => db.Deliverables.SingleAsync(d => d.Id == 9_405_002))).OtherTitles["ru"]);
    }

    private static bool DeliverableTitleColumn(string column) => column.StartsWith("title.", StringComparison.Ordinal) && column is not ("title.en" or "title.fr");

    [Fact]
    public async Task AFileWhoseColumnsDifferAppliesNothingAndSaysWhich()
    {
        await ImportManyAsync(9_402_001, 3, "ISO/TC 997");
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var rows = await ExportAsync(editor, "ISO/TC 997");
        var sdgs = Array.IndexOf(rows[0], "sdgs");
        var changed = rows.Select(r => r.Where((_, i) => i != sdgs).Append(r == rows[0] ? "colour" : "red").ToArray()).ToList();

        var preview = await PreviewAsync(editor, Write(changed));

        var columns = preview.GetElementById("bulk-columns")!.TextContent;
        Assert.Contains("Missing columns: sdgs", columns, StringComparison.Ordinal);
        Assert.Contains("colour", columns, StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("form[action*='handler=Apply']"));
    }

    [Fact]
    public async Task BadRowsAreReportedByLineAndNothingIsApplied()
    {
        await ImportManyAsync(9_403_001, 4, "ISO/TC 996");
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var rows = await ExportAsync(editor, "ISO/TC 996");
        var header = rows[0].Select(h => h.TrimStart('\uFEFF')).ToList();
        rows[1][header.IndexOf("title.fr")] = "Un bon changement";
        rows[2][header.IndexOf("icsCode")] = "[99.999.99]";
        rows[3][header.IndexOf("currentStage")] = "6100";

        var preview = await PreviewAsync(editor, Write(rows));

        var bad = preview.QuerySelectorAll("#bulk-bad-lines li").Select(l => l.TextContent).ToList();
        Assert.Equal(2, bad.Count);
        Assert.StartsWith("Line 3: Not in the ICS tree: 99.999.99", bad[0], StringComparison.Ordinal);
        Assert.StartsWith("Line 4: currentStage 6100", bad[1], StringComparison.Ordinal);
        Assert.Null(preview.QuerySelector("form[action*='handler=Apply']"));
        Assert.Equal(0, await factory.WithDbAsync(db => db.DeliverableChanges.CountAsync(c => c.DeliverableId >= 9_403_001 && c.DeliverableId <= 9_403_004)));
    }

    [Fact]
    public async Task AChangeAfterThePreviewStopsTheApply()
    {
        await ImportManyAsync(9_404_001, 2, "ISO/TC 995");
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var rows = await ExportAsync(editor, "ISO/TC 995");
        var header = rows[0].Select(h => h.TrimStart('\uFEFF')).ToList();
        rows[1][header.IndexOf("edition")] = "4";
        var preview = await PreviewAsync(editor, Write(rows));
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(9_404_001, "ISO 404001:2020", "Bulk record 0", changes: [("ownerCommittee", "ISO/TC 995"), ("edition", 2)]));

        var response = await ApplyAsync(editor, preview);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("changed after the preview", (await response.ReadDocumentAsync()).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, await factory.WithDbAsync(db => db.Deliverables.Where(d => d.Id == 9_404_001).Select(d => d.Edition).SingleAsync()));
    }

    [Fact]
    public async Task OnlyEditorsAndAdministratorsReachTheBulkEdit()
    {
        var (customer, _) = await factory.SignInAsAsync(Roles.Customer);
        var (admin, _) = await factory.SignInAsAsync(Roles.Administrator);

        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/standards/bulk")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await customer.GetAsync("/standards/bulk?handler=Export")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/standards/bulk")).StatusCode);
        var anonymous = await factory.Browser().GetAsync("/standards/bulk?handler=Export");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/signin", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
