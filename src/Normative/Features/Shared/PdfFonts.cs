using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace Normative.Features.Shared;

/// <summary>
/// PDFsharp needs font files on Linux. The Segoe WP fonts ship inside the PDFsharp package (Latin,
/// Greek and Cyrillic, so French, Spanish and Russian names print), which spares the server a
/// dependency on installed fonts. Every family name resolves to them. One resolver for every PDF the
/// platform writes (invoices, stamped standards, ballot results): PDFsharp's resolver is global.
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "Segoe WP";
    private const string Regular = "segoe-wp";
    private const string Bold = "segoe-wp-bold";
    private static readonly Lock Gate = new();
    private static bool _ready;

    /// <summary>Sets the font resolver once per process (it is global in PDFsharp).</summary>
    public static void EnsureReady()
    {
        lock (Gate)
        {
            if (_ready)
            {
                return;
            }
            GlobalFontSettings.FontResolver ??= new PdfFonts();
            _ready = true;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular, false, isItalic);

    public byte[] GetFont(string faceName) => faceName == Bold ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
}
