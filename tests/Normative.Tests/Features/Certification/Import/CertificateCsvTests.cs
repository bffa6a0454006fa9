using System.Text;
using Normative.Features.Certification.Import;

namespace Normative.Tests.Features.Certification.Import;

public class CertificateCsvTests
{
    private const string Good = "Q-1,NBC,Acme Ltd,GB,ISO 9001:2015,Widgets,1 High St|GB,2020-01-01,2023-01-01,2026-01-01,Active";

    private static List<ImportItem> Read(string text, int? maxRows = null) => CertificateCsv.Read(new StringReader(text), maxRows).ToList();

    private static ImportProblem FileProblem(string text, int? maxRows = null) =>
        Assert.Throws<ImportFileException>(() => Read(text, maxRows)).Problem;

    private static List<ImportItem> ReadBytes(byte[] bytes)
    {
        using var reader = CertificateCsv.OpenReader(new MemoryStream(bytes));
        return CertificateCsv.Read(reader).ToList();
    }

    [Fact]
    public void GoodRowIsReadWithItsLineNumber()
    {
        var item = Assert.Single(Read(CertificateCsv.HeaderLine + "\n" + Good + "\n"));
        Assert.Equal(2, item.Line);
        Assert.Equal("Q-1", item.Input!.Number);
        Assert.Equal(["ISO 9001:2015"], item.Input.Standards);
        Assert.Equal(new SiteInput("1 High St", "GB", "1 High St|GB"), Assert.Single(item.Input.Sites));
    }

    [Fact]
    public void ByteOrderMarkAndWindowsLineEndsAreRead()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(CertificateCsv.HeaderLine + "\r\n" + Good + "\r\n" + Good.Replace("Q-1", "Q-2", StringComparison.Ordinal) + "\r\n")).ToArray();
        var items = ReadBytes(bytes);
        Assert.Equal([2, 3], items.Select(i => i.Line));
        Assert.Equal("Active", items[1].Input!.Status);
        Assert.Equal("Q-2", items[1].Input!.Number);
    }

    [Fact]
    public void QuotedFieldsKeepCommasQuotesAndLineBreaks()
    {
        var text = CertificateCsv.HeaderLine + "\n" +
            "Q-1,NBC,\"Acme \"\"Best\"\" Widgets, Ltd\",GB,ISO 9001:2015;ISO 14001:2015,\"Design,\nand manufacture\",\"1 High St, Leeds|GB;2 Rue, Lyon|FR\",2020-01-01,2023-01-01,2026-01-01,Active\n" +
            Good.Replace("Q-1", "Q-2", StringComparison.Ordinal) + "\n";
        var items = Read(text);
        var first = items[0].Input!;
        Assert.Equal("Acme \"Best\" Widgets, Ltd", first.Organization);
        Assert.Equal("Design,\nand manufacture", first.Scope);
        Assert.Equal(["ISO 9001:2015", "ISO 14001:2015"], first.Standards);
        Assert.Equal(["1 High St, Leeds", "2 Rue, Lyon"], first.Sites.Select(s => s.Address));
        // The line break inside the quoted scope moves the next record to line 4.
        Assert.Equal(4, items[1].Line);
    }

    [Fact]
    public void QuoteInsideAnUnquotedFieldIsKeptAsACharacter()
    {
        var item = Assert.Single(Read(CertificateCsv.HeaderLine + "\n" + Good.Replace("Acme Ltd", "Acme \"Best\" Ltd", StringComparison.Ordinal)));
        Assert.Equal("Acme \"Best\" Ltd", item.Input!.Organization);
    }

    [Fact]
    public void EmptyFileIsRefused()
    {
        Assert.Equal("Empty", FileProblem("").Code);
        Assert.Equal("Empty", FileProblem("\n\r\n").Code);
    }

    [Fact]
    public void HeaderOnlyFileHasNoRows() => Assert.Empty(Read(CertificateCsv.HeaderLine + "\n"));

    [Fact]
    public void WrongHeaderIsRefusedSayingWhatIsExpected()
    {
        var problem = FileProblem("number,body,organization\n" + Good);
        Assert.Equal("Header", problem.Code);
        Assert.Equal(1, problem.Line);
        Assert.Equal(CertificateCsv.HeaderLine, problem.Args[0]);
    }

    [Fact]
    public void HeaderIsMatchedWithoutRegardToCaseOrSpaces() =>
        Assert.Single(Read(CertificateCsv.HeaderLine.ToUpperInvariant().Replace(",", ", ", StringComparison.Ordinal) + "\n" + Good));

    [Theory]
    [InlineData(';', "';'")]
    [InlineData('\t', "tab")]
    public void WrongDelimiterIsNamed(char delimiter, string name)
    {
        var text = CertificateCsv.HeaderLine.Replace(',', delimiter) + "\n" + Good.Replace(',', delimiter);
        var problem = FileProblem(text);
        Assert.Equal("Delimiter", problem.Code);
        Assert.Equal(name, problem.Args[0]);
    }

    [Fact]
    public void RowWithTooFewFieldsIsRejectedAloneWithItsLine()
    {
        var items = Read(CertificateCsv.HeaderLine + "\n" + Good + "\nQ-9,NBC,Acme, Ltd,GB\n" + Good.Replace("Q-1", "Q-3", StringComparison.Ordinal));
        Assert.Equal(3, items.Count);
        Assert.Null(items[1].Input);
        Assert.Equal("FieldCount", items[1].Problem!.Code);
        Assert.Equal(3, items[1].Problem!.Line);
        Assert.Equal(["5", "11"], items[1].Problem!.Args);
        Assert.NotNull(items[2].Input);
    }

    [Fact]
    public void UnclosedQuoteNamesTheLineWhereItOpens()
    {
        var problem = FileProblem(CertificateCsv.HeaderLine + "\n" + Good + "\n" + Good.Replace("Acme Ltd", "\"Acme Ltd", StringComparison.Ordinal) + "\n" + Good);
        Assert.Equal("CsvUnclosedQuote", problem.Code);
        Assert.Equal(3, problem.Line);
    }

    [Fact]
    public void TextAfterAClosingQuoteIsRefused()
    {
        var problem = FileProblem(CertificateCsv.HeaderLine + "\n" + Good.Replace("Acme Ltd", "\"Acme\" Ltd", StringComparison.Ordinal));
        Assert.Equal("CsvTextAfterQuote", problem.Code);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void HugeFieldStopsTheReadInsteadOfFillingMemory()
    {
        var problem = FileProblem(CertificateCsv.HeaderLine + "\n\"" + new string('x', CertificateCsv.MaxRowBytes + 1024));
        Assert.Equal("CsvRowTooLong", problem.Code);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void FileThatIsNotUtf8IsNamedAsSuch()
    {
        var latin1 = Encoding.Latin1.GetBytes(CertificateCsv.HeaderLine + "\n" + Good.Replace("Acme Ltd", "Müller GmbH", StringComparison.Ordinal) + "\n");
        var e = Assert.Throws<ImportFileException>(() => ReadBytes(latin1));
        Assert.Equal("NotUtf8", e.Problem.Code);
    }

    [Fact]
    public void MoreRowsThanAllowedIsAFileProblem()
    {
        var text = CertificateCsv.HeaderLine + "\n" + string.Join("\n", Enumerable.Range(1, 4).Select(i => Good.Replace("Q-1", "Q-" + i, StringComparison.Ordinal)));
        Assert.Equal(4, Read(text, maxRows: 4).Count);
        var problem = FileProblem(text, maxRows: 3);
        Assert.Equal("TooManyRows", problem.Code);
        Assert.Equal(5, problem.Line);
    }

    [Fact]
    public void SiteWithoutCountryIsKeptRawForItsError()
    {
        var item = Assert.Single(Read(CertificateCsv.HeaderLine + "\n" + Good.Replace("1 High St|GB", "1 High St", StringComparison.Ordinal)));
        Assert.Equal(new SiteInput(null, null, "1 High St"), Assert.Single(item.Input!.Sites));
    }
}
