using Normative.Features.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Normative.Features.Store.Pdf;

/// <summary>
/// Stamps every page of a licensed PDF with the licence holder's name, the order number, the date
/// and the licence terms, in the bottom margin.
/// </summary>
public static class PdfStamper
{
    public const string Terms = "Single-user licence only — copying and networking prohibited.";

    public static byte[] Stamp(byte[] source, string licenceHolder, string orderNumber, DateOnly date)
    {
        PdfFonts.EnsureReady();
        using var input = new MemoryStream(source);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var font = new XFont(PdfFonts.Family, 7, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var brush = new XSolidBrush(XColor.FromArgb(255, 60, 60, 60));
        var first = $"Licensed to {licenceHolder} · Order {orderNumber} · {date:yyyy-MM-dd}";
        foreach (var page in document.Pages)
        {
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = gfx.PageSize.Width;
            var height = gfx.PageSize.Height;
            var box = new XRect(20, height - 22, width - 40, 10);
            gfx.DrawString(first, font, brush, box, XStringFormats.Center);
            gfx.DrawString(Terms, font, brush, box with { Y = height - 13 }, XStringFormats.Center);
        }
        document.Info.Subject = $"Licensed to {licenceHolder}, order {orderNumber}. {Terms}";
        using var output = new MemoryStream();
        document.Save(output, false);
        return output.ToArray();
    }

    /// <summary>Reads an uploaded file as a PDF; null when it is not one PDFsharp can open and stamp (damaged or password-protected).</summary>
    public static int? PageCount(byte[] content)
    {
        try
        {
            using var input = new MemoryStream(content);
            using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
            return document.PageCount > 0 ? document.PageCount : null;
        }
        // Whatever PDFsharp throws on a damaged, encrypted or unusual file, the answer is the same: not usable.
        catch (Exception)
        {
            return null;
        }
    }
}
