using CsvHelper;
using Normative.Features.Shared;

namespace Normative.Tests.Features.Shared;

public class CsvTests
{
    [Fact]
    public void RecordsComeWithTheLineTheyStartOnAndBrokenQuotingIsMarked()
    {
        const string text = "a,b,c\r\n\"x, y\",\"two\nlines\",z\r\n\r\nbad\"quote,ok,1\r\n\"\",,end\r\n";
        var lines = Csv.Read(new StringReader(text)).ToList();
        Assert.Equal([1L, 2L, 5L, 6L], lines.Select(l => l.Line));
        Assert.Equal(["x, y", "two\nlines", "z"], lines[1].Fields);
        Assert.Null(lines[1].Problem);
        Assert.Equal(CsvMalformedReason.StrayQuote, lines[2].Problem);
        Assert.Equal(["", "", "end"], lines[3].Fields);
    }

    [Fact]
    public void AQuoteThatNeverClosesIsReportedNotSwallowedSilently()
    {
        var lines = Csv.Read(new StringReader("a,b\n\"open,1\n2,3\n")).ToList();
        Assert.Equal(CsvMalformedReason.UnterminatedQuote, lines[^1].Problem);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    public void SpreadsheetFilesNeutraliseWhatWouldRunAsAFormula(string value)
    {
        var text = new StringWriter();
        using (var csv = Csv.ForSpreadsheet(text, leaveOpen: true))
        {
            csv.WriteRecord([value, "plain"]);
        }
        var read = Csv.Read(new StringReader(text.ToString())).Single();
        Assert.Equal("'" + value, read.Fields[0]);
        Assert.Equal("plain", read.Fields[1]);
    }

    [Fact]
    public void DataFilesKeepEveryValueAsItIsAndReadBackTheSame()
    {
        string[] values = ["=not a formula here", " spaced ", "a,b", "quote \" inside", "line\nbreak", "", "Ünïcödé"];
        var text = new StringWriter();
        using (var csv = Csv.ForData(text, leaveOpen: true))
        {
            csv.WriteRecord(values);
        }
        Assert.Equal(values, Csv.Read(new StringReader(text.ToString())).Single().Fields);
    }

    [Fact]
    public void NumbersWrittenAsNumbersAreNotTakenForFormulas()
    {
        var text = new StringWriter();
        using (var csv = Csv.ForSpreadsheet(text, leaveOpen: true))
        {
            csv.WriteField("refund");
            csv.WriteField(-12.50m);
            csv.EndRecord();
        }
        Assert.Equal("refund,-12.50\r\n", text.ToString());
    }
}
