using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Normative.Features.Development.Comments;
using Normative.Features.Development.Membership;
using Normative.Features.Shared;

namespace Normative.Tests.Features.Development.Comments;

public class CommentFilesTests
{
    private static MemoryStream Text(string csv) => new(Encoding.UTF8.GetBytes(csv));

    [Fact]
    public void CsvInTheTemplatesColumnsIsRead()
    {
        var file = CommentFiles.ReadCsv(Text("""
            MB/NC¹,Line number (e.g. 17),Clause/Subclause (e.g. 3.1),Paragraph/Figure/Table/Note (e.g. Table 1),Type of comment²,Comments,Proposed change,Observations of the secretariat
            DIN,17,4.2,Table 1,te,"Two lines,
            with a comma",Replace it,
            ,,A.1,,ed,Typo,,
            """));
        Assert.Empty(file.Errors);
        Assert.Equal(2, file.Rows.Count);
        var (row, first) = file.Rows[0];
        Assert.Equal(2, row);
        Assert.Equal(new CommentInput("DIN", "17", "4.2", "Table 1", "te", "Two lines,\nwith a comma", "Replace it"), first with { Text = first.Text?.Replace("\r\n", "\n", StringComparison.Ordinal) });
        Assert.Equal(4, file.Rows[1].Row);
    }

    [Theory]
    [InlineData("Comité membre/CN;Numéro de ligne;Article/Paragraphe;Alinéa/Figure/Tableau/Note;Type de commentaire;Commentaires;Modification proposée")]
    [InlineData("Organismo miembro/CN;Número de línea;Capítulo/Apartado;Párrafo/Figura/Tabla/Nota;Tipo de comentario;Comentarios;Cambio propuesto")]
    [InlineData("КЧ/НК;Номер строки;Раздел/Подраздел;Абзац/Рисунок/Таблица/Примечание;Тип замечания;Замечания;Предлагаемое изменение")]
    public void HeadingsInOtherLanguagesAndSemicolonsAreRead(string header)
    {
        var file = CommentFiles.ReadCsv(Text(header + "\n;;5.1;;ge;Général;\n"));
        Assert.Empty(file.Errors);
        var input = Assert.Single(file.Rows).Input;
        Assert.Equal(("5.1", "ge", "Général"), (input.Clause, input.Type, input.Text));
    }

    [Fact]
    public void CsvWithoutTheNeededColumnsIsRefusedAsAWhole()
    {
        var file = CommentFiles.ReadCsv(Text("Name,Remark\nA,B\n"));
        Assert.Empty(file.Rows);
        Assert.Equal("Error.File.Columns", Assert.Single(file.Errors).Key);
    }

    [Fact]
    public void RowWithBrokenQuotesIsReportedByItsLine()
    {
        var file = CommentFiles.ReadCsv(Text("Clause,Type of comment,Comments\n4.1,te,fine\n4.2,te,\"broken\"quote\n4.3,ed,fine too\n"));
        var error = Assert.Single(file.Errors);
        Assert.Equal(("Error.File.CsvRow", 3), (error.Key, error.Row));
    }

    [Fact]
    public void DocxThatIsNotADocumentIsRefused()
    {
        var file = CommentFiles.ReadDocx(Text("this is not a zip file"));
        Assert.Equal("Error.File.Docx", Assert.Single(file.Errors).Key);
    }

    [Fact]
    public void DocxWithoutTheTemplateTableIsRefused()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            doc.AddMainDocumentPart().Document = new Document(new Body(new Paragraph(new Run(new Text("Just a letter.")))));
        }
        stream.Position = 0;
        Assert.Equal("Error.File.NoTable", Assert.Single(CommentFiles.ReadDocx(stream).Errors).Key);
    }

    [Fact]
    public void CompiledDocxReadsBackRowForRow()
    {
        var comments = new List<BallotComment>
        {
            new() { AuthorUserId = "u", Clause = "4.2", Type = CommentType.Technical, Text = "First\nsecond line", ProposedChange = "Change", LineNumber = "12", Source = "csv", MemberBody = Body("DIN") },
            new() { AuthorUserId = "u", Clause = "A.1", Type = CommentType.Editorial, Text = "Typo", Source = "csv", Observations = "Accepted", MemberBody = Body("BSI") },
        };
        string[] headings = ["Comité membre/CN", "Numéro de ligne", "Article/Paragraphe", "Alinéa/Figure/Tableau/Note", "Type de commentaire", "Commentaires", "Modification proposée", "Observations du secrétariat"];
        var bytes = CommentTables.Docx("Title", "Subtitle", headings, comments, "Public");

        var file = CommentFiles.ReadDocx(new MemoryStream(bytes));

        Assert.Empty(file.Errors);
        Assert.Equal(["4.2", "A.1"], file.Rows.Select(r => r.Input.Clause));
        Assert.Equal("First\nsecond line", file.Rows[0].Input.Text);
        Assert.Equal(("DIN", "12", "te"), (file.Rows[0].Input.MemberBody, file.Rows[0].Input.LineNumber, file.Rows[0].Input.Type));
    }

    [Fact]
    public void CompiledCsvKeepsFormulasFromRunning()
    {
        var csv = Encoding.UTF8.GetString(CommentTables.Csv(["MB/NC", "Line number", "Clause/Subclause", "Paragraph", "Type of comment", "Comments", "Proposed change", "Observations"],
            [new BallotComment { AuthorUserId = "u", Clause = "1", Type = CommentType.General, Text = "=HYPERLINK(\"http://evil\")", Source = "csv" }], "Public"));
        Assert.DoesNotContain(",=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("Public,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void CompiledCsvWritesAFormulaAsText()
    {
        var csv = Encoding.UTF8.GetString(CommentTables.Csv(["MB/NC", "Line number", "Clause/Subclause", "Paragraph", "Type of comment", "Comments", "Proposed change", "Observations"],
            [new BallotComment { AuthorUserId = "u", Clause = "3", Type = CommentType.Technical, Text = "=1+1", ProposedChange = "+1", Source = "csv", MemberBody = Body("DIN") }], "Public"));
        var row = Csv.Read(new StringReader(csv)).Skip(1).Single().Fields;
        Assert.Equal(("'=1+1", "'+1"), (row[5], row[6]));
    }

    [Theory]
    [InlineData("te", CommentType.Technical)]
    [InlineData("ED", CommentType.Editorial)]
    [InlineData("general", CommentType.General)]
    [InlineData("technique", CommentType.Technical)]
    [InlineData("редакционное", CommentType.Editorial)]
    public void TypesOfCommentAreReadInTheirUsualForms(string text, CommentType type) => Assert.Equal(type, CommentRules.ParseType(text));

    [Fact]
    public void EveryProblemOfARowIsReported()
    {
        var errors = CommentRules.Check(new CommentInput("AFNOR", "twelve", "", new string('x', 101), "xx", "", null), ["DIN", "DE"]);
        Assert.Equal(["Error.Comment.OtherBody", "Error.Comment.Clause", "Error.Comment.Line", "Error.Comment.ParagraphTooLong", "Error.Comment.Type", "Error.Comment.Text"],
            errors.Select(e => e.Key));
        Assert.Empty(CommentRules.Check(new CommentInput("de", "17-19", "4.1", null, "te", "Fine", null), ["DIN", "DE"]));
    }

    private static MemberBody Body(string acronym) => new()
    {
        Acronym = acronym, CountryCode = "XX", CountryCode3 = "XXX", CountryEn = "", CountryFr = "", CountryEs = "", CountryRu = "", Name = acronym,
    };
}
