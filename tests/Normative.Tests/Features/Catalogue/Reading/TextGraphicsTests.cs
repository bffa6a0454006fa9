using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Normative.Features.Catalogue.Reading;
using Normative.Tests.Infrastructure;

namespace Normative.Tests.Features.Catalogue.Reading;

public class TextGraphicsTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private static int _next = 730000;

    private static readonly byte[] Png = Convert.FromHexString(
        "89504E470D0A1A0A0000000D49484452000000010000000108060000001F15C4890000000D49444154789C63F8CFC0F01F00050001FF89993D1D0000000049454E44AE426082");

    private static readonly byte[] Tiff = [0x49, 0x49, 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00];

    private const string Svg = """<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>""";

    /// <summary>
    /// A text whose scope (preview) shows a figure named without extension (an SVG in a folder of
    /// the package), whose clause 4 (licensed) shows a PNG, a TIFF master with no web copy, and a
    /// graphic the package lacks.
    /// </summary>
    private static string Xml(string reference) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <standard xmlns:xlink="http://www.w3.org/1999/xlink">
        <front><iso-meta><title-wrap xml:lang="en"><full>Weighing instruments</full></title-wrap>
        <content-language>en</content-language><std-ref type="dated">{reference}</std-ref><release-date>2020-05-01</release-date></iso-meta></front>
        <body>
        <sec id="sec_1" sec-type="scope"><label>1</label><title>Scope</title><p>This document covers balances.</p>
          <fig id="fig_1"><label>Figure 1</label><caption><title>Outline of a balance</title></caption><graphic xlink:href="outline"/></fig></sec>
        <sec id="sec_4"><label>4</label><title>Requirements</title><p>The balance shall be level.</p>
          <fig id="fig_2"><label>Figure 2</label><caption><title>Levelling screw</title></caption><graphic xlink:href="screw.png"/></fig>
          <fig id="fig_3"><label>Figure 3</label><graphic xlink:href="drawing.tif"/></fig>
          <fig id="fig_4"><label>Figure 4</label><graphic xlink:href="missing.png"/></fig></sec>
        </body></standard>
        """;

    private static byte[] Zip(string xml, bool withSvg = true)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, byte[] bytes)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(bytes);
            }
            Add("text/standard.xml", Encoding.UTF8.GetBytes(xml));
            Add("text/screw.png", Png);
            Add("text/drawing.tif", Tiff);
            if (withSvg)
            {
                Add("text/graphics/outline.svg", Encoding.UTF8.GetBytes(Svg));
            }
        }
        return buffer.ToArray();
    }

    private async Task<(int Id, string Reference)> NewDeliverableAsync()
    {
        var id = Interlocked.Increment(ref _next);
        var reference = $"ISO {id}:2020";
        await factory.ImportDeliverablesAsync(CatalogueFactory.Line(id, reference, "Weighing instruments"));
        return (id, reference);
    }

    private Task<StsImportOutcome> ImportAsync(int id, byte[] zip) =>
        factory.WithDbAsync(db => StsImport.ImportAsync(db, StsPackage.FromZip("balance.zip", new MemoryStream(zip)), new StsImportOptions(id), DateTimeOffset.UtcNow, CancellationToken.None));

    [Fact]
    public async Task APackagesFiguresShowInTheReaderWithTheirCaptionAsAltAndTheMissingOnesAreNamed()
    {
        var (id, reference) = await NewDeliverableAsync();
        var outcome = await ImportAsync(id, Zip(Xml(reference)));

        Assert.Equal(StsImportKind.Added, outcome.Kind);
        Assert.Equal(2, outcome.Graphics);
        Assert.Equal(2, outcome.Problems.Count);
        Assert.Contains(outcome.Problems, p => p.Contains("drawing.tif is TIFF, which browsers do not show", StringComparison.Ordinal));
        Assert.Contains(outcome.Problems, p => p.Contains("missing.png is not in the package", StringComparison.Ordinal));

        var (editor, _) = await factory.SignInAsAsync("Editor");
        var page = await editor.GetDocumentAsync($"/standard/{id}/read/en?culture=en");
        var outline = page.QuerySelector("#fig_1 img")!;
        Assert.Equal("Figure 1 — Outline of a balance", outline.GetAttribute("alt"));
        var screw = page.QuerySelector("#fig_2 img")!;
        Assert.Equal("Figure 2 — Levelling screw", screw.GetAttribute("alt"));
        Assert.Equal("[drawing.tif]", page.QuerySelector("#fig_3 .graphic")!.TextContent);
        Assert.Equal("[missing.png]", page.QuerySelector("#fig_4 .graphic")!.TextContent);

        var png = await editor.GetAsync(screw.GetAttribute("src"));
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await png.Content.ReadAsByteArrayAsync());
        Assert.True(png.Headers.CacheControl!.Private);
        Assert.Equal(TimeSpan.FromDays(365), png.Headers.CacheControl.MaxAge);

        var again = new HttpRequestMessage(HttpMethod.Get, screw.GetAttribute("src"));
        again.Headers.IfNoneMatch.Add(png.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await editor.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task AnonymousReadersGetThePreviewsFiguresOnlyAndAnSvgRunsNoScript()
    {
        var (id, reference) = await NewDeliverableAsync();
        await ImportAsync(id, Zip(Xml(reference)));
        var anonymous = factory.Browser();

        var page = await anonymous.GetDocumentAsync($"/standard/{id}/read/en?culture=en");
        var src = page.QuerySelector("#fig_1 img")!.GetAttribute("src")!;
        var svg = await anonymous.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.True(svg.Headers.CacheControl!.Public);
        var csp = svg.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Equal(TextGraphicEndpoint.ContentSecurityPolicy, csp);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", svg.Headers.GetValues("X-Content-Type-Options").Single());

        var screwSrc = await factory.WithDbAsync(db => db.TextGraphics.Where(g => g.Name == "screw.png" && db.StandardTexts.Any(t => t.Id == g.TextId && t.DeliverableId == id))
            .Select(g => g.Sha256).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(TextGraphicEndpoint.Path(screwSrc))).StatusCode);
    }

    [Fact]
    public async Task TheSamePackageAgainChangesNothingAndAnotherGraphicReplacesTheText()
    {
        var (id, reference) = await NewDeliverableAsync();
        var first = await ImportAsync(id, Zip(Xml(reference), withSvg: false));
        Assert.Equal(1, first.Graphics);
        Assert.Contains(first.Problems, p => p.Contains("outline is not in the package", StringComparison.Ordinal));

        Assert.Equal(StsImportKind.Unchanged, (await ImportAsync(id, Zip(Xml(reference), withSvg: false))).Kind);

        var second = await ImportAsync(id, Zip(Xml(reference)));
        Assert.Equal(StsImportKind.Replaced, second.Kind);
        Assert.Equal(2, second.Graphics);
        Assert.Equal(["outline", "screw.png"], await factory.WithDbAsync(db => db.TextGraphics.Where(g => g.TextId == second.TextId).OrderBy(g => g.Name).Select(g => g.Name).ToListAsync()));
    }

    [Fact]
    public async Task AnEditorUploadsAPackageAndTheNoticeNamesTheGraphicsNotLoaded()
    {
        var (id, reference) = await NewDeliverableAsync();
        var (editor, _) = await factory.SignInAsAsync("Editor");
        var form = await editor.GetDocumentAsync($"/standard/{id}/text?culture=en");
        var token = form.QuerySelector("form.form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Zip(Xml(reference)));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/zip");
        content.Add(file, "Input.File", "balance.zip");

        var response = await editor.PostAsync($"/standard/{id}/text?culture=en", content);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await editor.GetDocumentAsync(response.Headers.Location!.OriginalString + "?culture=en");
        var notice = page.QuerySelector(".notice")!.TextContent;
        Assert.Contains("2 graphics loaded.", notice, StringComparison.Ordinal);
        Assert.Contains("drawing.tif is TIFF", notice, StringComparison.Ordinal);
        Assert.Contains("missing.png is not in the package", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AZipWithoutOneXmlFileIsRefused()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("a.xml");
            zip.CreateEntry("b.xml");
        }
        var e = Assert.Throws<StsFormatException>(() => StsPackage.FromZip("two.zip", new MemoryStream(buffer.ToArray())));
        Assert.Contains("holds 2 .xml files", e.Message, StringComparison.Ordinal);
        Assert.Throws<StsFormatException>(() => StsPackage.FromZip("not.zip", new MemoryStream("not a zip"u8.ToArray())));
    }

    [Fact]
    public void AGraphicsKindIsReadFromItsBytesNotItsName()
    {
        Assert.Equal("image/png", StsGraphicTypes.ContentTypeOf(Png));
        Assert.Equal("image/jpeg", StsGraphicTypes.ContentTypeOf([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("image/gif", StsGraphicTypes.ContentTypeOf("GIF89a...."u8));
        Assert.Equal("image/svg+xml", StsGraphicTypes.ContentTypeOf(Encoding.UTF8.GetBytes(Svg)));
        Assert.Equal("image/svg+xml", StsGraphicTypes.ContentTypeOf("<!-- drawn --><!DOCTYPE svg><svg/>"u8));
        Assert.Null(StsGraphicTypes.ContentTypeOf("<html><svg/></html>"u8));
        Assert.Null(StsGraphicTypes.ContentTypeOf(Tiff));
        Assert.Equal("TIFF", StsGraphicTypes.KindOf(Tiff));
        Assert.Equal("EPS", StsGraphicTypes.KindOf("%!PS-Adobe-3.0 EPSF"u8));
    }

    [Fact]
    public async Task OnDiskTheGraphicsAreTheFilesBesideTheXmlAndAWebCopyStandsInForATiffMaster()
    {
        var folder = Directory.CreateTempSubdirectory("sts-graphics-").FullName;
        var xml = Path.Combine(folder, "text.xml");
        await File.WriteAllBytesAsync(Path.Combine(folder, "screw.png"), Png);
        await File.WriteAllBytesAsync(Path.Combine(folder, "drawing.tif"), Tiff);
        await File.WriteAllBytesAsync(Path.Combine(folder, "drawing.png"), Png);
        var package = StsPackage.Beside(xml, []);

        Assert.Equal(("screw.png", "image/png"), (package.Graphic("screw.png").Found, package.Graphic("screw.png").ContentType));
        Assert.Equal("screw.png", package.Graphic("screw").Found);
        Assert.Equal("drawing.png", package.Graphic("drawing.tif").Found);
        Assert.Contains("outline is not in the package", package.Graphic("outline").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AGraphicOutsideThePackageIsNeverLookedFor()
    {
        var package = StsPackage.Of("t.xml", []);
        Assert.Contains("is not a file of the package", package.Graphic("../../etc/passwd").Problem, StringComparison.Ordinal);
        Assert.Contains("is not a file of the package", package.Graphic("http://example.org/a.png").Problem, StringComparison.Ordinal);
        Assert.Contains("is not a file of the package", package.Graphic("/etc/passwd").Problem, StringComparison.Ordinal);
    }
}
