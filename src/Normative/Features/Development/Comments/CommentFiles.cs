using System.Globalization;
using System.Text;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Normative.Features.Shared;

namespace Normative.Features.Development.Comments;

/// <summary>
/// Reads the commenting template from a CSV file or from the table of a Word (.docx) file. Columns
/// are found by their headings, in English as ISO's template writes them ("MB/NC", "Line number",
/// "Clause/Subclause", "Paragraph/Figure/Table/Note", "Type of comment", "Comments", "Proposed change",
/// "Observations of the secretariat") or as Normative writes them in French, Spanish and Russian.
/// </summary>
public static class CommentFiles
{
    public const long MaxBytes = 5 * 1024 * 1024;

    private static readonly Dictionary<string, CommentColumn> Headings = Build(new()
    {
        [CommentColumn.MemberBody] = ["MB/NC", "MB", "NC", "Member body", "Comité membre/CN", "Comité membre", "Organismo miembro/CN", "Organismo miembro", "Комитет-член/НК", "Комитет-член"],
        [CommentColumn.LineNumber] = ["Line number", "Line", "Line no", "Numéro de ligne", "Ligne", "Número de línea", "Línea", "Номер строки", "Строка"],
        [CommentColumn.Clause] = ["Clause/Subclause", "Clause", "Clause/Sub-clause", "Article/Paragraphe", "Article", "Capítulo/Apartado", "Capítulo", "Раздел/Подраздел", "Раздел"],
        [CommentColumn.Paragraph] = ["Paragraph/Figure/Table/Note", "Paragraph/Figure/Table", "Paragraph", "Alinéa/Figure/Tableau/Note", "Alinéa", "Párrafo/Figura/Tabla/Nota", "Párrafo", "Абзац/Рисунок/Таблица/Примечание", "Абзац"],
        [CommentColumn.Type] = ["Type of comment", "Type", "Type de commentaire", "Tipo de comentario", "Tipo", "Тип замечания", "Тип"],
        [CommentColumn.Comment] = ["Comments", "Comment", "Commentaires", "Commentaire", "Comentarios", "Comentario", "Замечания", "Замечание"],
        [CommentColumn.ProposedChange] = ["Proposed change", "Proposed changes", "Modification proposée", "Cambio propuesto", "Предлагаемое изменение"],
        [CommentColumn.Observations] = ["Observations of the secretariat", "Observations", "Observations du secrétariat", "Observaciones de la secretaría", "Observaciones", "Замечания секретариата"],
    });

    /// <summary>
    /// The rows of a CSV file (separated by commas or, as spreadsheets in several languages save them,
    /// semicolons). A row with broken quoting is reported by its line and left out, and the rest of the
    /// file still read, so every bad row is listed.
    /// </summary>
    public static CommentFile ReadCsv(Stream stream)
    {
        var rows = new List<(int, CommentInput)>();
        var errors = new List<CommentRowError>();
        try
        {
            Dictionary<CommentColumn, int>? map = null;
            foreach (var line in Csv.Read(stream, separator: null))
            {
                if (map is null)
                {
                    map = Map(line.Fields, errors);
                    if (map is null)
                    {
                        return new CommentFile("csv", rows, errors);
                    }
                }
                else if (line.Problem is not null)
                {
                    errors.Add(new CommentRowError((int)line.Line, "Error.File.CsvRow"));
                }
                else
                {
                    rows.Add(((int)line.Line, ToInput(line.Fields, map)));
                }
            }
            if (map is null)
            {
                errors.Add(new CommentRowError(0, "Error.File.Empty"));
            }
        }
        catch (Exception e) when (e is CsvFormatException or DecoderFallbackException or IOException or ArgumentException)
        {
            errors.Add(new CommentRowError(0, "Error.File.Csv"));
        }
        return new CommentFile("csv", rows, errors);
    }

    public static CommentFile ReadDocx(Stream stream)
    {
        var rows = new List<(int, CommentInput)>();
        var errors = new List<CommentRowError>();
        try
        {
            using var document = WordprocessingDocument.Open(stream, false);
            var tables = document.MainDocumentPart?.Document.Body?.Descendants<Table>().ToList() ?? [];
            foreach (var table in tables)
            {
                var tableRows = table.Elements<TableRow>().ToList();
                // The template's heading may sit below a title row or two.
                for (var h = 0; h < Math.Min(3, tableRows.Count); h++)
                {
                    var headings = tableRows[h].Elements<TableCell>().Select(CellText).ToArray();
                    var probe = new List<CommentRowError>();
                    var map = Map(headings, probe);
                    if (map is null)
                    {
                        continue;
                    }
                    for (var i = h + 1; i < tableRows.Count; i++)
                    {
                        var cells = tableRows[i].Elements<TableCell>().Select(CellText).ToArray();
                        rows.Add((i + 1, ToInput(cells, map)));
                    }
                    return new CommentFile("docx", rows, errors);
                }
            }
            errors.Add(new CommentRowError(0, "Error.File.NoTable"));
        }
        catch (Exception e) when (e is OpenXmlPackageException or FormatException or InvalidDataException or IOException or System.Xml.XmlException or ArgumentException)
        {
            errors.Add(new CommentRowError(0, "Error.File.Docx"));
        }
        return new CommentFile("docx", rows, errors);
    }

    /// <summary>The column of each heading; null (with an error) when the required columns are missing.</summary>
    private static Dictionary<CommentColumn, int>? Map(IReadOnlyList<string> headings, List<CommentRowError> errors)
    {
        var map = new Dictionary<CommentColumn, int>();
        for (var i = 0; i < headings.Count; i++)
        {
            if (Headings.TryGetValue(Normalize(headings[i]), out var column))
            {
                map.TryAdd(column, i);
            }
        }
        var missing = new[] { CommentColumn.Clause, CommentColumn.Type, CommentColumn.Comment }.Where(c => !map.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new CommentRowError(0, "Error.File.Columns"));
            return null;
        }
        return map;
    }

    private static CommentInput ToInput(IReadOnlyList<string> cells, Dictionary<CommentColumn, int> map)
    {
        string? Cell(CommentColumn c) => map.TryGetValue(c, out var i) && i < cells.Count && !string.IsNullOrWhiteSpace(cells[i]) ? cells[i].Trim() : null;
        return new CommentInput(Cell(CommentColumn.MemberBody), Cell(CommentColumn.LineNumber), Cell(CommentColumn.Clause), Cell(CommentColumn.Paragraph),
            Cell(CommentColumn.Type), Cell(CommentColumn.Comment), Cell(CommentColumn.ProposedChange));
    }

    private static string CellText(TableCell cell) =>
        string.Join("\n", cell.Elements<Paragraph>().Select(p => string.Concat(p.Descendants<Text>().Select(t => t.Text))));

    /// <summary>Letters and digits only, lower case, without accents or "(e.g. 17)" hints: "Line number (e.g. 17)" → "linenumber".</summary>
    public static string Normalize(string heading)
    {
        var withoutHint = heading.Split('(')[0];
        var decomposed = withoutHint.Normalize(NormalizationForm.FormD);
        var text = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.OtherNumber)
            {
                text.Append(char.ToLowerInvariant(c));
            }
        }
        return text.ToString();
    }

    private static Dictionary<string, CommentColumn> Build(Dictionary<CommentColumn, string[]> names)
    {
        var result = new Dictionary<string, CommentColumn>(StringComparer.Ordinal);
        foreach (var (column, list) in names)
        {
            foreach (var name in list)
            {
                result.TryAdd(Normalize(name), column);
            }
        }
        return result;
    }
}
