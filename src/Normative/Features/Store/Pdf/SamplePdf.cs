using Normative.Features.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Normative.Features.Store.Pdf;

/// <summary>
/// A clearly marked sample PDF standing in for a real standard in the demo data, so that a
/// newcomer can buy and download something: a cover page and a few pages of placeholder clauses.
/// </summary>
public static class SamplePdf
{
    public static byte[] Create(string reference, string title, string language, int pages)
    {
        PdfFonts.EnsureReady();
        using var document = new PdfDocument();
        document.Info.Title = $"{reference} — SAMPLE";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var big = new XFont(PdfFonts.Family, 26, XFontStyleEx.Bold, options);
        var head = new XFont(PdfFonts.Family, 14, XFontStyleEx.Bold, options);
        var text = new XFont(PdfFonts.Family, 10, XFontStyleEx.Regular, options);
        var mark = new XFont(PdfFonts.Family, 60, XFontStyleEx.Bold, options);
        var red = new XSolidBrush(XColor.FromArgb(60, 179, 16, 42));

        for (var n = 1; n <= Math.Max(2, pages); n++)
        {
            var page = document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var gfx = XGraphics.FromPdfPage(page);
            var w = gfx.PageSize.Width;
            var h = gfx.PageSize.Height;

            var state = gfx.Save();
            gfx.RotateAtTransform(-45, new XPoint(w / 2, h / 2));
            gfx.DrawString("SAMPLE", mark, red, new XRect(0, h / 2 - 40, w, 80), XStringFormats.Center);
            gfx.Restore(state);

            gfx.DrawString($"{reference} ({language})", text, XBrushes.Gray, 50, 40);
            gfx.DrawString($"{n} / {Math.Max(2, pages)}", text, XBrushes.Gray, new XRect(0, 30, w - 50, 14), XStringFormats.TopRight);
            if (n == 1)
            {
                gfx.DrawString(reference, big, XBrushes.Black, 50, 200);
                var y = 240.0;
                foreach (var line in InvoicePdf.Wrap(gfx, title, head, w - 100))
                {
                    gfx.DrawString(line, head, XBrushes.Black, 50, y);
                    y += 20;
                }
                y += 30;
                foreach (var line in InvoicePdf.Wrap(gfx,
                             "This is a sample document made for the Normative demo. It is not the standard and contains none of its text. " +
                             "It lets you try buying and downloading: the copy you download is stamped with your name on every page.", text, w - 100))
                {
                    gfx.DrawString(line, text, XBrushes.Black, 50, y);
                    y += 14;
                }
            }
            else
            {
                gfx.DrawString($"{n - 1} Placeholder clause", head, XBrushes.Black, 50, 100);
                var y = 130.0;
                for (var p = 1; p <= 6; p++)
                {
                    foreach (var line in InvoicePdf.Wrap(gfx,
                                 $"{n - 1}.{p} Placeholder text. A real standard states its requirements here, each clause numbered so that it can be cited. " +
                                 "This sample only shows how a licensed copy looks once it has been stamped.", text, w - 100))
                    {
                        gfx.DrawString(line, text, XBrushes.Black, 50, y);
                        y += 14;
                    }
                    y += 8;
                }
            }
        }
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }
}
