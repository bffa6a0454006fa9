using Normative.Features.Catalogue;

namespace Normative.Tests.Features.Catalogue;

public class DeliverableKeysTests
{
    [Theory]
    [InlineData("ISO 9001:2015", "ISO 9001", null, 9001, null)]
    [InlineData("ISO/DIS 9001", "ISO 9001", null, 9001, null)]
    [InlineData("ISO 9001:2015/Amd 1:2024", "ISO 9001", "ISO 9001:2015", 9001, null)]
    [InlineData("ISO/IEC 13818-1:2015/Amd 3:2016/Cor 1:2017", "ISO/IEC 13818-1", "ISO/IEC 13818-1:2015/Amd 3:2016", 13818, "1")]
    [InlineData("ISO/TS 23016-1:2019", "ISO/TS 23016-1", null, 23016, "1")]
    [InlineData("ISO 105-B02:1994", "ISO 105-B02", null, 105, "B02")]
    public void ReferenceGivesTheKeysOfItsDocument(string reference, string baseKey, string? supplementOf, int number, string? part)
    {
        var keys = DeliverableKeys.Of(reference);

        Assert.Equal(baseKey, keys.BaseKey);
        Assert.Equal(supplementOf, keys.SupplementOf);
        Assert.Equal(number, keys.Number);
        Assert.Equal(part, keys.Part);
    }

    [Fact]
    public void SortKeyOrdersReferencesAsPeopleReadThem()
    {
        string[] expected =
        [
            "ISO 2:1998", "ISO 10:2005", "ISO 10-2:2001", "ISO 10-10:2003", "ISO 9001:2008", "ISO 9001:2015",
            "ISO 9001:2015/Amd 1:2024", "ISO/DIS 9001", "ISO/IEC 27001:2022",
        ];
        var shuffled = expected.Reverse().ToList();

        var sorted = shuffled.OrderBy(r => DeliverableKeys.Of(r).SortKey, StringComparer.Ordinal).ToList();

        Assert.Equal(expected, sorted);
    }

    [Fact]
    public void UnreadableReferenceSortsLastAndHasNoKeys()
    {
        var keys = DeliverableKeys.Of("not a reference");

        Assert.Null(keys.BaseKey);
        Assert.Null(keys.Number);
        Assert.StartsWith("~", keys.SortKey, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingTheReferenceDerivesTheKeys()
    {
        var d = new Deliverable { DeliverableType = "IS", Reference = "ISO 9001:2015/Amd 1:2024", TitleEn = "t" };

        Assert.Equal("ISO 9001", d.BaseKey);
        Assert.Equal("ISO 9001:2015", d.SupplementOf);
        d.Reference = "ISO 14001:2015";
        Assert.Equal("ISO 14001", d.BaseKey);
        Assert.Null(d.SupplementOf);
    }
}
