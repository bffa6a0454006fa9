using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace Normative.Features.Development.Documents;

/// <summary>
/// The fonts of the documents the platform writes: the Segoe WP fonts inside the PDFsharp package
/// (Latin, Greek, Cyrillic), as the store's invoices use, so no installed font is needed. PDFsharp's
/// resolver is global: whichever feature sets it first, every family resolves to these same fonts.
/// </summary>
public sealed class DocumentFonts : IFontResolver
{
    public const string Family = "Segoe WP";
    private const string Regular = "segoe-wp";
    private const string Bold = "segoe-wp-bold";
    private static readonly Lock Gate = new();
    private static bool _ready;

    public static void EnsureReady()
    {
        lock (Gate)
        {
            if (_ready)
            {
                return;
            }
            GlobalFontSettings.FontResolver ??= new DocumentFonts();
            _ready = true;
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool isBold, bool isItalic) =>
        new(isBold ? Bold : Regular, false, isItalic);

    public byte[] GetFont(string faceName) => faceName == Bold ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
}
