using Normative.Features.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Normative.Features.Development.Documents;

/// <summary>
/// The ballot result as the committee files it: an A4 PDF of the <see cref="BallotResultSheet"/> —
/// the ballot's facts, the outcome, the rule, the criteria, the counts and each body's vote — with
/// tables that carry on to further pages, once per language. Laid out as the store's invoices are (PDFsharp, Segoe WP).
/// </summary>
public static class BallotResultPdf
{
    private const double Left = 50;
    private const double Right = 545;
    private const double Bottom = 780;

    public static byte[] Create(BallotResultSheet sheet, string organization, string filedAs) => Create([sheet], organization, filedAs);

    /// <summary>The result in several languages, one <paramref name="sheets"/> after another, each from a new page; the first names the document.</summary>
    public static byte[] Create(IReadOnlyList<BallotResultSheet> sheets, string organization, string filedAs)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        ArgumentOutOfRangeException.ThrowIfZero(sheets.Count);
        PdfFonts.EnsureReady();
        using var document = new PdfDocument();
        document.Info.Title = $"{filedAs} — {sheets[0].Title}";
        document.Info.Author = organization;

        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var normal = new XFont(PdfFonts.Family, 9, XFontStyleEx.Regular, options);
        var bold = new XFont(PdfFonts.Family, 9, XFontStyleEx.Bold, options);
        var heading = new XFont(PdfFonts.Family, 15, XFontStyleEx.Bold, options);
        var section = new XFont(PdfFonts.Family, 11, XFontStyleEx.Bold, options);

        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        var gfx = XGraphics.FromPdfPage(page);
        double y = 50;
        void NewPageIfNeeded(double height)
        {
            if (y + height <= Bottom)
            {
                return;
            }
            gfx.Dispose();
            page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            gfx = XGraphics.FromPdfPage(page);
            y = 50;
        }
        void Paragraph(string text, XFont font, double width = Right - Left)
        {
            foreach (var line in Wrap(gfx, text, font, width))
            {
                NewPageIfNeeded(13);
                gfx.DrawString(line, font, XBrushes.Black, Left, y);
                y += 13;
            }
        }
        void Table(IReadOnlyList<string> headings, IReadOnlyList<string[]> rows, double[] widths)
        {
            void Header()
            {
                gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(255, 235, 239, 244)), Left, y - 11, Right - Left, 16);
                var x = Left + 2;
                for (var i = 0; i < headings.Count; i++)
                {
                    gfx.DrawString(Fit(gfx, headings[i], bold, widths[i] - 6), bold, XBrushes.Black, x, y);
                    x += widths[i];
                }
                y += 18;
            }
            NewPageIfNeeded(40);
            Header();
            foreach (var row in rows)
            {
                if (y + 14 > Bottom)
                {
                    NewPageIfNeeded(Bottom);
                    Header();
                }
                var x = Left + 2;
                for (var i = 0; i < row.Length && i < widths.Length; i++)
                {
                    gfx.DrawString(Fit(gfx, row[i], normal, widths[i] - 6), normal, XBrushes.Black, x, y);
                    x += widths[i];
                }
                y += 14;
            }
            y += 8;
        }
        try
        {
            for (var part = 0; part < sheets.Count; part++)
            {
                if (part > 0)
                {
                    NewPageIfNeeded(Bottom);
                }
                Sheet(sheets[part]);
            }
        }
        finally
        {
            gfx.Dispose();
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();

        void Sheet(BallotResultSheet sheet)
        {
            gfx.DrawString(organization, bold, XBrushes.Black, Left, y);
            gfx.DrawString(filedAs, bold, XBrushes.Black, new XRect(300, y - 9, Right - 300, 12), XStringFormats.TopRight);
            y += 30;
            Paragraph(sheet.Title, heading);
            y += 8;
            foreach (var (label, value) in sheet.Facts)
            {
                NewPageIfNeeded(13);
                gfx.DrawString(label, normal, XBrushes.Black, Left, y);
                gfx.DrawString(Fit(gfx, value, bold, Right - 170), bold, XBrushes.Black, 170, y);
                y += 13;
            }
            y += 12;
            Paragraph(sheet.Outcome, section);
            y += 6;
            Paragraph(sheet.Rule, normal);
            y += 10;
            if (sheet.Criteria.Count > 0)
            {
                Table(sheet.CriteriaHeadings, sheet.Criteria, [175, 80, 70, 90, 80]);
            }
            Table(sheet.CountHeadings, sheet.Counts, [395, 100]);
            if (sheet.Positions.Count > 0)
            {
                Table(sheet.PositionHeadings, sheet.Positions, [80, 50, 110, 255]);
            }
        }
    }

    /// <summary>Cuts the text with an ellipsis so it fits the width.</summary>
    private static string Fit(XGraphics gfx, string text, XFont font, double width)
    {
        if (gfx.MeasureString(text, font).Width <= width)
        {
            return text;
        }
        var cut = text;
        while (cut.Length > 1 && gfx.MeasureString(cut + "…", font).Width > width)
        {
            cut = cut[..^1];
        }
        return cut.TrimEnd() + "…";
    }

    private static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Length > 0)
        {
            yield return line;
        }
    }
}
