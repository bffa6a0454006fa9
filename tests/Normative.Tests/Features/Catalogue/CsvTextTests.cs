using Normative.Features.Catalogue.OpenData;

namespace Normative.Tests.Features.Catalogue;

public class CsvTextTests
{
    [Fact]
    public void QuotedFieldsMayHoldCommasQuotesAndLineBreaks()
    {
        var records = CsvText.Read(new StringReader("a,b,c\r\n1,\"x, \"\"y\"\"\nz\",3\n4,5,6\n")).ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "x, \"y\"\nz", "3"], records[1].Fields);
        Assert.Equal(2, records[1].Line);
        Assert.Equal(4, records[2].Line);
        Assert.All(records, r => Assert.Null(r.Problem));
    }

    [Fact]
    public void BrokenQuotesAreReportedNotGuessed()
    {
        var records = CsvText.Read(new StringReader("a,b\n1,x\"y\n2,\"never ends\n")).ToList();

        Assert.NotNull(records[1].Problem);
        Assert.NotNull(records[2].Problem);
    }

    [Fact]
    public void WrittenRowsReadBackTheSame()
    {
        string?[] values = ["plain", "with, comma", "with \"quote\"", "two\nlines", null, " spaced "];
        var writer = new StringWriter();
        CsvText.WriteRow(writer, values);

        var read = CsvText.Read(new StringReader(writer.ToString())).Single();

        Assert.Equal(values.Select(v => v ?? ""), read.Fields);
    }

    [Fact]
    public void BlankLinesAreSkipped() =>
        Assert.Equal(2, CsvText.Read(new StringReader("a\n\n\nb\n")).Count());
}
