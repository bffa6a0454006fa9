using Normative.Features.Catalogue.Identifiers;

namespace Normative.Tests.Features.Catalogue.Identifiers;

public class PublicationIdentifierUrnTests
{
    [Theory]
    [InlineData("ISO 9001:2015", "urn:iso:std:iso:9001:2015")]
    [InlineData("ISO/IEC 27001:2022", "urn:iso:std:iso-iec:27001:2022")]
    [InlineData("ISO 9001:2015/Amd 1:2024", "urn:iso:std:iso:9001:2015:amd:2024:v1")]
    [InlineData("ISO/IEC 13818-1:2015/Amd 3:2016/Cor 1:2017", "urn:iso:std:iso-iec:13818:-1:2015:amd:2016:v3:cor:2017:v1")]
    [InlineData("ISO 10993-18:2020/DAmd 1", "urn:iso:std:iso:10993:-18:2020:amd:1:stage-40.00")]
    [InlineData("ISO/IEC TR 29110-3-1", "urn:iso:std:iso-iec:tr:29110:-3-1")]
    [InlineData("ISO/DTS 21328", "urn:iso:std:iso:ts:21328:stage-40.00")]
    [InlineData("ISO/PWI 19171", "urn:iso:std:iso:19171:stage-00.00")]
    [InlineData("ISO/IEC/IEEE 8802-1Q", "urn:iso:std:iso-iec-ieee:8802:-1q")]
    [InlineData("ISO 105-B02:1994(en,fr)", "urn:iso:std:iso:105:-b02:1994:en,fr")]
    [InlineData("ISO 11553-1 Ed 2", "urn:iso:std:iso:11553:-1:ed-2")]
    [InlineData("IWA 36:2021", "urn:iso:std:iso:iwa:36:2021")]
    [InlineData("ISO/IEC Guide 71:2014", "urn:iso:std:iso-iec:guide:71:2014")]
    [InlineData("IEC 62304:2006/Amd 1:2015", "urn:iso:std:iec:62304:2006:amd:2015:v1")]
    [InlineData("ISO/IEC DIR 1:2022 + IEC SUP:2022", "urn:iso:std:iso-iec:dir:1:2022:sup:iec:2022")]
    [InlineData("ISO/IEC DIR 2 IEC", "urn:iso:std:iso-iec:dir:2:iec")]
    [InlineData("ISO/IEC JTC 1 DIR:2004", "urn:iso:std:iso-iec:dir:jtc1:2004")]
    public void RendersRfc5141Urns(string identifier, string urn)
    {
        var id = PublicationIdentifier.Parse(identifier);

        Assert.Equal(urn, id.ToUrn());
        Assert.Equal(id, PublicationIdentifier.Parse(urn));
    }

    [Theory]
    [InlineData("urn:iso:std:iso:9001:ed-5:v1:en", "ISO 9001 Ed 5(en)")]
    [InlineData("urn:iso:std:iso-iec:27001:2022", "ISO/IEC 27001:2022")]
    [InlineData("URN:ISO:STD:ISO-IEC:27001:2022", "ISO/IEC 27001:2022")]
    [InlineData("urn:iso:std:iso:9999:-1:ed-1:en,fr", "ISO 9999-1 Ed 1(en,fr)")]
    [InlineData("urn:iso:std:iso-iec:tr:9999:-1:ed-1:en", "ISO/IEC TR 9999-1 Ed 1(en)")]
    [InlineData("urn:iso:std:iso:9999:-1:ed-2:en:amd:1", "ISO 9999-1/Amd 1 Ed 2(en)")]
    [InlineData("urn:iso:std:iso:9999:-1:ed-2:en:amd:1:v2", "ISO 9999-1/Amd 1 Ed 2(en)")]
    [InlineData("urn:iso:std:iso:9999:-1:ed-2:en:amd:1:cor:1", "ISO 9999-1/Amd 1/Cor 1 Ed 2(en)")]
    [InlineData("urn:iso:std:iso:9999:-1:ed-1:v1-amd1.v1:en,fr:amd:2:v2:en", "ISO 9999-1/Amd 2 Ed 1(en)")]
    [InlineData("urn:iso:std:iso:9001:ed-5:v1:amd:1:v1:en", "ISO 9001/Amd 1 Ed 5(en)")]
    [InlineData("urn:iso:std:iso:9001:2015:amd:1:2024", "ISO 9001:2015/Amd 1:2024")]
    [InlineData("urn:iso:std:iso-iec:9999:-1:stage-40.20:ed-1:en", "ISO/IEC DIS 9999-1 Ed 1(en)")]
    [InlineData("urn:iso:std:iso:9999:stage-60.60", "ISO 9999")]
    [InlineData("urn:iso:std:iso:9999:stage-20.60", "ISO/WD 9999")]
    [InlineData("urn:iso:std:iso:ts:9999:stage-fdis", "ISO/FDTS 9999")]
    public void ReadsRfc5141Urns(string urn, string canonical) =>
        Assert.Equal(canonical, PublicationIdentifier.Parse(urn).ToString());

    [Fact]
    public void IterationsHaveNoPlaceInAUrn()
    {
        var id = PublicationIdentifier.Parse("ISO 17301-1:2016/CD Amd 1.3");

        Assert.Equal("urn:iso:std:iso:17301:-1:2016:amd:1:stage-30.00", id.ToUrn());
        Assert.Equal("ISO 17301-1:2016/CD Amd 1", PublicationIdentifier.Parse(id.ToUrn()).ToString());
    }

    [Theory]
    [InlineData("urn:ietf:rfc:2648", "a URN for an ISO standard starts with 'urn:iso:std:'")]
    [InlineData("urn:iso:std:", "the URN names no originator, such as 'iso' or 'iso-iec'")]
    [InlineData("urn:iso:std:xyz:9001", "unknown originator 'xyz' in the URN")]
    [InlineData("urn:iso:std:ieee:9001", "'IEEE' publishes only jointly with ISO or IEC, as in 'iso-ieee'")]
    [InlineData("urn:iso:std:iso:tr", "the URN has no document number")]
    [InlineData("urn:iso:std:iso:9001:2015:2016", "the URN has two years")]
    [InlineData("urn:iso:std:iso:9001:stage-draft", "'stage-draft' does not name a stage; use a stage code such as 'stage-40.00'")]
    [InlineData("urn:iso:std:iso:9001:stage-70.00", "'stage-70.00' is not a harmonized stage code")]
    [InlineData("urn:iso:std:iso:9001:-", "'-' is not a part number")]
    [InlineData("urn:iso:std:iso:9001:2015:amd", "the amendment in the URN has no number")]
    [InlineData("urn:iso:std:iso:9001:x1", "'x1' is not part of an ISO URN")]
    [InlineData("urn:iso:std:iso:9001:english", "unknown language 'english' in the URN")]
    public void BadUrnsFailWithAReason(string urn, string reason)
    {
        Assert.False(PublicationIdentifier.TryParse(urn, out _, out var error));
        Assert.Equal(reason, error);
    }
}
