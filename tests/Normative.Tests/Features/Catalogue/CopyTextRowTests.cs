using Normative.Features.Catalogue.OpenData;

namespace Normative.Tests.Features.Catalogue;

public class CopyTextRowTests
{
    [Fact]
    public void NullsSpecialCharactersAndArraysAreEscapedForCopyText()
    {
        using var text = new StringWriter();
        var row = new CopyTextRow(text);

        row.Int(-7);
        row.Int(null);
        row.Text("a\\b\tc\nd\re");
        row.Text(null);
        row.Date(new DateOnly(2015, 9, 15));
        row.TextArray(["plain", "say \"hi\"", "back\\slash", "tab\there"]);
        row.TextArray([]);
        row.IntArray([3, -1]);
        row.IntArray(null);
        row.End();
        row.Text("next");
        row.End();

        Assert.Equal(
            "-7\t\\N\ta\\\\b\\tc\\nd\\re\t\\N\t2015-09-15\t" +
            "{\"plain\",\"say \\\\\"hi\\\\\"\",\"back\\\\\\\\slash\",\"tab\\there\"}\t{}\t{3,-1}\t\\N\n" +
            "next\n",
            text.ToString());
    }
}
