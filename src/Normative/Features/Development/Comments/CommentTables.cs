using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.Localization;
using Normative.Features.Development.Ballots;
using Normative.Features.Development.Projects;

namespace Normative.Features.Development.Comments;

/// <summary>
/// Writes the compiled comments in the commenting template's eight columns, in the order given
/// (clause order, see <see cref="CommentActions.CompiledAsync"/>): a landscape Word table, or CSV.
/// </summary>
public static class CommentTables
{
    /// <summary>The eight cells of a comment's row. <paramref name="publicLabel"/> stands in the MB/NC column for the public's comments.</summary>
    public static string[] Cells(BallotComment c, string publicLabel) =>
    [
        c.MemberBody?.Acronym ?? c.Liaison ?? publicLabel,
        c.LineNumber ?? "",
        c.Clause,
        c.Paragraph ?? "",
        CommentRules.Code(c.Type),
        c.Text,
        c.ProposedChange ?? "",
        c.Observations ?? "",
    ];

    /// <summary>The eight headings in the reader's language, as the commenting template writes them.</summary>
    public static string[] Headings(IStringLocalizer<DevelopmentText> t) =>
        [.. Enum.GetValues<CommentColumn>().Select(c => t["Column." + c].Value)];

    /// <summary>"iso-dis-9001-comments.docx", or "…-public-comments…" for the public consultation's.</summary>
    public static string FileName(Project project, Ballot ballot, bool isPublic, string extension) =>
        $"{DevelopmentFormat.Slug(ProjectReference.ForBallot(project, ballot.Kind))}-{(isPublic ? "public-comments" : "comments")}.{extension}";

    /// <summary>The compiled table as CSV for a spreadsheet: comments are free text from many people, so a leading = or + stays text.</summary>
    public static byte[] Csv(IReadOnlyList<string> headings, IEnumerable<BallotComment> comments, string publicLabel)
    {
        using var stream = new MemoryStream();
        using (var csv = Shared.Csv.ForSpreadsheet(stream, leaveOpen: true))
        {
            csv.WriteHeader(headings.ToArray());
            foreach (var c in comments)
            {
                csv.WriteRecord(Cells(c, publicLabel));
            }
        }
        return stream.ToArray();
    }

    /// <summary>
    /// The compiled table as a landscape Word document; with <paramref name="publicPart"/>, the public
    /// consultation's comments follow under their own heading in a second table, each marked by <paramref name="publicLabel"/>.
    /// </summary>
    public static byte[] Docx(string title, string subtitle, IReadOnlyList<string> headings, IEnumerable<BallotComment> comments, string publicLabel,
        (string Heading, IReadOnlyList<BallotComment> Comments)? publicPart = null)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            body.Append(TextParagraph(title, bold: true, size: 28));
            body.Append(TextParagraph(subtitle, bold: false, size: 20));
            body.Append(Table(headings, comments, publicLabel));
            if (publicPart is { } part)
            {
                body.Append(TextParagraph("", bold: false, size: 20));
                body.Append(TextParagraph(part.Heading, bold: true, size: 24));
                body.Append(Table(headings, part.Comments, publicLabel));
            }
            // A4 landscape, as the template is laid out.
            body.Append(new SectionProperties(
                new PageSize { Width = 16838U, Height = 11906U, Orient = PageOrientationValues.Landscape },
                new PageMargin { Top = 1000, Bottom = 1000, Left = 1000U, Right = 1000U, Header = 500U, Footer = 500U, Gutter = 0U }));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static Table Table(IReadOnlyList<string> headings, IEnumerable<BallotComment> comments, string publicLabel)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(new TableGrid(Widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        var header = new TableRow(new TableRowProperties(new TableHeader()));
        for (var i = 0; i < headings.Count; i++)
        {
            header.Append(Cell(headings[i], Widths[i], bold: true));
        }
        table.Append(header);
        foreach (var c in comments)
        {
            var row = new TableRow();
            var cells = Cells(c, publicLabel);
            for (var i = 0; i < cells.Length; i++)
            {
                row.Append(Cell(cells[i], Widths[i], bold: false));
            }
            table.Append(row);
        }
        return table;
    }

    // Twentieths of a point across 14,838 (the landscape page less its margins).
    private static readonly int[] Widths = [900, 800, 1100, 1400, 800, 3900, 3300, 2638];

    private static TableCell Cell(string text, int width, bool bold)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            cell.Append(TextParagraph(line, bold, 18));
        }
        return cell;
    }

    private static Paragraph TextParagraph(string text, bool bold, int size)
    {
        var properties = new RunProperties(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            properties.PrependChild(new Bold());
        }
        return new Paragraph(new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
