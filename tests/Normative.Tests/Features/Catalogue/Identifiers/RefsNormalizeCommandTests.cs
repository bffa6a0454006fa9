using Normative.Features.Catalogue.Identifiers;

namespace Normative.Tests.Features.Catalogue.Identifiers;

public class RefsNormalizeCommandTests
{
    [Fact]
    public async Task WritesCanonicalFormAndUrnForEachLineAndFailsWithTwoWhenALineIsBad()
    {
        var input = new StringReader("iso 9001:2015\n\nhello\n   \n# a comment\nISO/IEC 27001 2022 # typed by hand\n");
        var output = new StringWriter();

        var exitCode = await RefsNormalizeCommand.RunAsync(input, output, CancellationToken.None);

        Assert.Equal(2, exitCode);
        Assert.Equal(
            [
                "iso 9001:2015\tISO 9001:2015\turn:iso:std:iso:9001:2015",
                "hello\tERROR\tunknown publisher 'hello'",
                "ISO/IEC 27001 2022\tISO/IEC 27001:2022\turn:iso:std:iso-iec:27001:2022",
            ],
            Lines(output));
    }

    [Fact]
    public async Task ReturnsZeroWhenEveryLineParses()
    {
        var output = new StringWriter();

        var exitCode = await RefsNormalizeCommand.RunAsync(
            new StringReader("ISO 1436:2009/Cor.1:2010\r\nGuide ISO/CEI 71\r\n"), output, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            [
                "ISO 1436:2009/Cor.1:2010\tISO 1436:2009/Cor 1:2010\turn:iso:std:iso:1436:2009:cor:2010:v1",
                "Guide ISO/CEI 71\tISO/IEC Guide 71\turn:iso:std:iso-iec:guide:71",
            ],
            Lines(output));
    }

    [Fact]
    public async Task EmptyInputWritesNothingAndSucceeds()
    {
        var output = new StringWriter();

        Assert.Equal(0, await RefsNormalizeCommand.RunAsync(new StringReader(""), output, CancellationToken.None));
        Assert.Equal("", output.ToString());
    }

    [Fact]
    public async Task TabsInTheInputDoNotBreakTheColumns()
    {
        var output = new StringWriter();

        await RefsNormalizeCommand.RunAsync(new StringReader("ISO\t9001"), output, CancellationToken.None);

        Assert.Equal(["ISO 9001\tISO 9001\turn:iso:std:iso:9001"], Lines(output));
    }

    [Fact]
    public async Task ReadsAWholeAnnotatedFile()
    {
        using var input = new StreamReader(SharedData.PathTo("identifiers/iso-pubid-russian.txt"));
        var output = new StringWriter();

        var exitCode = await RefsNormalizeCommand.RunAsync(input, output, CancellationToken.None);

        Assert.Equal(0, exitCode);
        Assert.Equal(44, Lines(output).Length);
        Assert.Contains("ИСО/ТО 8517\tISO/TR 8517\turn:iso:std:iso:tr:8517", Lines(output));
    }

    [Fact]
    public async Task StopsWhenCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => RefsNormalizeCommand.RunAsync(new StringReader("ISO 9001"), new StringWriter(), cancelled.Token));
    }

    private static string[] Lines(StringWriter output) =>
        output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
}
