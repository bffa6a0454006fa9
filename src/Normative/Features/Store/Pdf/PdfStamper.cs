using Normative.Features.Shared;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Normative.Features.Store.Pdf;

/// <summary>
/// Stamps every page of a licensed PDF with the licence holder's name, the order number, the date
/// and the licence terms, in the bottom margin; a copy for a seat of a multi-user licence also with
/// the organisation's name and the seat.
/// </summary>
public static class PdfStamper
{
    public const string Terms = "Single-user licence only — copying and networking prohibited.";

    /// <summary>A seat of a multi-user licence bought by <paramref name="Organization"/>: seat <paramref name="Number"/> of <paramref name="Of"/>.</summary>
    public sealed record Seat(string Organization, int Number, int Of);

    /// <summary>The terms a seat's holder is bound by: the copy is theirs alone, whatever their organisation.</summary>
    public static string SeatTerms(Seat seat)
    {
        ArgumentNullException.ThrowIfNull(seat);
        return $"Multi-user licence, seat {seat.Number} of {seat.Of}, for the named user only — copying and networking prohibited.";
    }

    public static byte[] Stamp(byte[] source, string licenceHolder, string orderNumber, DateOnly date, Seat? seat = null)
    {
        PdfFonts.EnsureReady();
        using var input = new MemoryStream(source);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var font = new XFont(PdfFonts.Family, 7, XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));
        var brush = new XSolidBrush(XColor.FromArgb(255, 60, 60, 60));
        var holder = seat is null ? licenceHolder : $"{licenceHolder}, {seat.Organization}";
        var first = $"Licensed to {holder} · Order {orderNumber} · {date:yyyy-MM-dd}";
        var terms = seat is null ? Terms : SeatTerms(seat);
        foreach (var page in document.Pages)
        {
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var width = gfx.PageSize.Width;
            var height = gfx.PageSize.Height;
            var box = new XRect(20, height - 22, width - 40, 10);
            gfx.DrawString(first, font, brush, box, XStringFormats.Center);
            gfx.DrawString(terms, font, brush, box with { Y = height - 13 }, XStringFormats.Center);
        }
        document.Info.Subject = $"Licensed to {holder}, order {orderNumber}. {terms}";
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
