using System.Diagnostics;
using System.Globalization;
using Normative.Features.Catalogue.Identifiers;

namespace Normative.Tests.Features.Catalogue.Identifiers;

public class PublicationIdentifierTests
{
    [Theory]
    [InlineData("ISO 9001:2015/Amd 1:2024")]
    [InlineData("ISO/IEC FDIS 7816-6")]
    [InlineData("ISO 1436:2009/Cor 1:2010")]
    [InlineData("ISO/TS 23016-1:2019")]
    [InlineData("ISO/DIS 21143.2")]
    [InlineData("ISO/IEC DIR 1:2022")]
    [InlineData("IWA 36:2021")]
    [InlineData("ISO/AWI IWA 36")]
    [InlineData("ISO Guide 73:2009")]
    [InlineData("ISO/IEC Guide 71:2014")]
    [InlineData("ISO/IEC 13818-1:2015/Amd 3:2016/Cor 1:2017")]
    [InlineData("ISO/IEC 19794-7:2014/Amd 1:2015/CD Cor 1")]
    [InlineData("ISO 10993-18:2020/DAmd 1")]
    [InlineData("ISO 11137-2:2013/FDAmd 1")]
    [InlineData("ISO/TR 23455:2019/FDCor 1")]
    [InlineData("ISO 10303-111:2007/NP Cor 2")]
    [InlineData("ISO 17301-1:2016/CD Amd 1.3:2022")]
    [InlineData("ISO/DTS 21328.4")]
    [InlineData("ISO/IEC DTR 24485.4")]
    [InlineData("ISO/AWI TS 5678")]
    [InlineData("ISO/IEC CD TS 27008")]
    [InlineData("ISO/PRF PAS 1234")]
    [InlineData("ISO/IEC ISP 10611-4:1997")]
    [InlineData("ISO/R 93:1969")]
    [InlineData("ISO/TTA 1:1994(en)")]
    [InlineData("ISO 105-B02:1994/Amd 2:2000")]
    [InlineData("ISO/IEC/IEEE 8802-1Q")]
    [InlineData("ISO/HL7 27953-2:2011")]
    [InlineData("ISO/SAE PAS 22736:2021")]
    [InlineData("ISO/ASTM 52900:2021")]
    [InlineData("ISO 1891-2:2014(en,fr,ru,other)")]
    [InlineData("IEC 62304:2006/Amd 1:2015")]
    [InlineData("IEC TS 62443-1-1:2009")]
    [InlineData("ISO/IEC DIR 1:2022 + IEC SUP:2022")]
    [InlineData("ISO/IEC DIR 1 ISO SUP:2022")]
    [InlineData("ISO/IEC DIR 2 IEC:2022")]
    [InlineData("ISO/IEC DIR JTC 1 SUP:2021")]
    [InlineData("ISO/IEC JTC 1 DIR:2004")]
    public void CanonicalFormsRenderAsTheyAreWritten(string canonical) =>
        Assert.Equal(canonical, PublicationIdentifier.Parse(canonical).ToString());

    [Theory]
    [InlineData("Guide ISO/CEI 71", "ISO/IEC Guide 71")]
    [InlineData("GUIDE ISO/CEI 71:2001(F)", "ISO/IEC Guide 71:2001(fr)")]
    [InlineData("Руководство ИСО/МЭК 76", "ISO/IEC Guide 76")]
    [InlineData("ИСО/МЭК ТО 19791:2008", "ISO/IEC TR 19791:2008")]
    [InlineData("ИСО/ОПМС 26000:2010(R)", "ISO/FDIS 26000:2010(ru)")]
    [InlineData("ИСО/ПМС 1956/2", "ISO/DIS 1956-2")]
    [InlineData("AWI IWA 36", "ISO/AWI IWA 36")]
    [InlineData("ISO/IEC PDTS 27008", "ISO/IEC CD TS 27008")]
    [InlineData("ISO/IEC PDTR 23844", "ISO/IEC CD TR 23844")]
    [InlineData("ISO/CDTS 1234", "ISO/CD TS 1234")]
    [InlineData("ISO/FDTR 1234", "ISO/FDTR 1234")]
    [InlineData("ISO/DPAS 1234", "ISO/DPAS 1234")]
    [InlineData("FprISO 10140-4", "ISO/FDIS 10140-4")]
    [InlineData("FprISO/IEC 17029", "ISO/IEC FDIS 17029")]
    [InlineData("WD/ISO 10360-5:2000", "ISO/WD 10360-5:2000")]
    [InlineData("ISO/NWIP 19144-4", "ISO/NP 19144-4")]
    [InlineData("ISO/CD2 14065:2018", "ISO/CD 14065.2:2018")]
    [InlineData("ISO/IEC CD 17021-CD2", "ISO/IEC CD 17021.2")]
    [InlineData("ISO 15874-3:2013/DAM 2:2020(E)", "ISO 15874-3:2013/DAmd 2:2020(en)")]
    [InlineData("ISO 19110:2005/FDAM 1", "ISO 19110:2005/FDAmd 1")]
    [InlineData("ISO/IEC 14496-12/PDAM 4", "ISO/IEC 14496-12/CD Amd 4")]
    [InlineData("ISO/IEC 19788-2:2011/FPDAM 1(en)", "ISO/IEC 19788-2:2011/DAmd 1(en)")]
    [InlineData("ISO/IEC 10646-1:1993/pDCOR.2", "ISO/IEC 10646-1:1993/CD Cor 2")]
    [InlineData("ISO 17301-1:2016/FCOR 2.3", "ISO 17301-1:2016/FDCor 2.3")]
    [InlineData("ISO/R 170-1960", "ISO/R 170:1960")]
    [InlineData("ISO 105/F", "ISO 105-F")]
    [InlineData("ISO 5843/6", "ISO 5843-6")]
    [InlineData("ISO 11553-1 Ed.2", "ISO 11553-1 Ed 2")]
    [InlineData("ISO/IEC 30142 ED1", "ISO/IEC 30142 Ed 1")]
    [InlineData("ISO 22610:2006 Ed", "ISO 22610:2006")]
    [InlineData("ISO/IEC 2382-36:2019(E/F)", "ISO/IEC 2382-36:2019(en,fr)")]
    [InlineData("ISO/IEC GUIDE 2:2004(E/F/R)", "ISO/IEC Guide 2:2004(en,fr,ru)")]
    [InlineData("ISO 3166-1:2013(fr,en)", "ISO 3166-1:2013(en,fr)")]
    [InlineData("ISO/IEC Directives, Part 1 -- Consolidated ISO Supplement", "ISO/IEC DIR 1 ISO SUP")]
    [InlineData("ISO/IEC Directives, Part 1:2022 + IEC Supplement:2022", "ISO/IEC DIR 1:2022 + IEC SUP:2022")]
    [InlineData("ISO/IEC DIR 1 + IEC SUP:2016-05", "ISO/IEC DIR 1 IEC SUP:2016-05")]
    [InlineData("ISO/IEC DIR 1 ISO SUP Edition 13", "ISO/IEC DIR 1 ISO SUP Ed 13")]
    public void OlderFrenchRussianAndNationalFormsRenderAsIsoWritesThemToday(string input, string canonical) =>
        Assert.Equal(canonical, PublicationIdentifier.Parse(input).ToString());

    [Theory]
    [InlineData("iso9001:2015", "ISO 9001:2015")]
    [InlineData("ISO 9001:2015/AMD1:2024", "ISO 9001:2015/Amd 1:2024")]
    [InlineData("ISO 9001:2015/amd 1:2024", "ISO 9001:2015/Amd 1:2024")]
    [InlineData("ISO 9001:2015 Amd 1:2024", "ISO 9001:2015/Amd 1:2024")]
    [InlineData("ISO 6709:2008/Cor.1:2009", "ISO 6709:2008/Cor 1:2009")]
    [InlineData("ISO 6709:2008/Cor. 1:2009", "ISO 6709:2008/Cor 1:2009")]
    [InlineData("ISO 10993-4:2002/Amd.1:2006(E)", "ISO 10993-4:2002/Amd 1:2006(en)")]
    [InlineData("ISO/IEC 27001 2022", "ISO/IEC 27001:2022")]
    [InlineData("ISO/IEC 27001 2022/Amd 1:2024", "ISO/IEC 27001:2022/Amd 1:2024")]
    [InlineData("ISO /IEC 17030:2003", "ISO/IEC 17030:2003")]
    [InlineData("  iso/iec   27001 : 2022  ", "ISO/IEC 27001:2022")]
    [InlineData("ISO 9001 : 2015 / Amd 1 : 2024", "ISO 9001:2015/Amd 1:2024")]
    [InlineData("ISO 15848-1 :2015", "ISO 15848-1:2015")]
    [InlineData("ISO/TS 10303- 1751:2014", "ISO/TS 10303-1751:2014")]
    [InlineData("ISO 8601\u20131:2019", "ISO 8601-1:2019")]
    [InlineData("ISO 8601\u20141:2019", "ISO 8601-1:2019")]
    [InlineData("ISO 8601\u20111:2019", "ISO 8601-1:2019")]
    [InlineData("ISO 8601\u22121:2019", "ISO 8601-1:2019")]
    [InlineData("ISO\u00a09001:2015", "ISO 9001:2015")]
    [InlineData("ISO/IEC27001", "ISO/IEC 27001")]
    [InlineData("ISO/TR20573:2006", "ISO/TR 20573:2006")]
    [InlineData("iso/iec/ieee 8802-1q", "ISO/IEC/IEEE 8802-1Q")]
    [InlineData("iso/dis 21143.2", "ISO/DIS 21143.2")]
    [InlineData("ISO/IEC/TS 17021-2", "ISO/IEC TS 17021-2")]
    [InlineData("ISO TR 16401-2", "ISO/TR 16401-2")]
    [InlineData("ISO 9001:2015 (en)", "ISO 9001:2015(en)")]
    [InlineData("ISO 9001:2015(EN, FR)", "ISO 9001:2015(en,fr)")]
    public void LenientInputReadsAsTheCanonicalIdentifier(string typed, string canonical) =>
        Assert.Equal(canonical, PublicationIdentifier.Parse(typed).ToString());

    [Fact]
    public void HyphenBeforeFourDigitsIsAPartNotAYear()
    {
        // ISO's grammar: "-" starts a part, and parts such as ISO 10303-1751 have four digits.
        var id = PublicationIdentifier.Parse("iso 9001-2015");

        Assert.Equal("2015", id.Part);
        Assert.Null(id.Year);
    }

    [Fact]
    public void ParseFillsEveryField()
    {
        var id = PublicationIdentifier.Parse("ISO/IEC/IEEE DIS 8802-1-3.2 Ed 4/CD Amd 2.3:2025(fr,en)");

        Assert.Equal("ISO", id.Publisher);
        Assert.Equal(new[] { "IEC", "IEEE" }, id.Copublishers);
        Assert.Equal(DeliverableType.IS, id.Type);
        Assert.Equal(DraftStage.DIS, id.Stage);
        Assert.Equal(2, id.Iteration);
        Assert.Equal(8802, id.Number);
        Assert.Equal("1-3", id.Part);
        Assert.Null(id.Year);
        Assert.Equal(4, id.Edition);
        Assert.Equal(
            new Supplement { Kind = SupplementKind.Amd, Stage = DraftStage.CD, Number = 2, Iteration = 3, Year = 2025 },
            Assert.Single(id.Supplements));
        Assert.Equal(new[] { "en", "fr" }, id.Languages);
    }

    [Fact]
    public void AmendmentKeepsItsOwnYear()
    {
        var id = PublicationIdentifier.Parse("ISO 9001:2015/Amd 1:2024");

        Assert.Equal(2015, id.Year);
        Assert.Equal(2024, Assert.Single(id.Supplements).Year);
    }

    [Fact]
    public void NestedSupplementsKeepTheirOrder()
    {
        var id = PublicationIdentifier.Parse("ISO 1234:2000/Amd 1:2005/Cor 1:2006");

        Assert.Equal(new[] { SupplementKind.Amd, SupplementKind.Cor }, id.Supplements.Select(s => s.Kind));
        Assert.Equal(new int?[] { 2005, 2006 }, id.Supplements.Select(s => s.Year));
    }

    [Fact]
    public void TypedStagesSplitIntoStageAndType()
    {
        var dts = PublicationIdentifier.Parse("ISO/DTS 21328.4");
        var pdtr = PublicationIdentifier.Parse("ISO/IEC PDTR 23844");

        Assert.Equal((DraftStage.DIS, DeliverableType.TS, 4), (dts.Stage!.Value, dts.Type, dts.Iteration!.Value));
        Assert.Equal((DraftStage.CD, DeliverableType.TR), (pdtr.Stage!.Value, pdtr.Type));
    }

    [Fact]
    public void FrenchGuideIsTheSameIdentifierAsTheEnglishOne() =>
        Assert.Equal(PublicationIdentifier.Parse("ISO/IEC Guide 71:2014"), PublicationIdentifier.Parse("Guide ISO/CEI 71:2014"));

    [Fact]
    public void IdentifiersCompareByValueIncludingTheirLists()
    {
        var a = PublicationIdentifier.Parse("ISO/IEC 17025:2005/Cor.1:2006(F)");
        var b = PublicationIdentifier.Parse("ISO/CEI 17025:2005/Cor 1:2006(fr)");
        var built = new PublicationIdentifier
        {
            Copublishers = ["IEC"],
            Number = 17025,
            Year = 2005,
            Supplements = [new Supplement { Kind = SupplementKind.Cor, Number = 1, Year = 2006 }],
            Languages = ["fr"],
        };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Equal(a, built);
        Assert.Single(new HashSet<PublicationIdentifier> { a, b, built });
        Assert.NotEqual(a, a with { Supplements = [] });
        Assert.NotEqual(PublicationIdentifier.Parse("ISO 9001:2015"), PublicationIdentifier.Parse("ISO 9001:2008"));
        Assert.NotEqual(PublicationIdentifier.Parse("ISO/IEC 11073"), PublicationIdentifier.Parse("ISO/IEEE 11073"));
    }

    [Theory]
    [InlineData("ISO 9001:2015/Amd 1:2024(en)", "ISO 9001")]
    [InlineData("ISO/DIS 9001.2", "ISO 9001")]
    [InlineData("ISO/DTS 23016-1", "ISO/TS 23016-1")]
    [InlineData("ISO/TS 23016-1:2019", "ISO/TS 23016-1")]
    [InlineData("AWI IWA 36", "IWA 36")]
    [InlineData("Guide ISO/CEI 71:2001(F)", "ISO/IEC Guide 71")]
    [InlineData("ISO 11553-1 Ed.2", "ISO 11553-1")]
    [InlineData("ISO/IEC DIR 1:2022 + IEC SUP:2022", "ISO/IEC DIR 1")]
    public void BaseKeyLeavesOutStageYearEditionSupplementsAndLanguages(string input, string baseKey) =>
        Assert.Equal(baseKey, PublicationIdentifier.Parse(input).BaseKey);

    [Theory]
    [InlineData("ISO/DIS 21143.2", true)]
    [InlineData("ISO/AWI IWA 36", true)]
    [InlineData("ISO 9001:2015/DAmd 1", true)]
    [InlineData("ISO/IEC 19794-7:2014/Amd 1:2015/CD Cor 1", true)]
    [InlineData("ISO 9001:2015", false)]
    [InlineData("ISO 9001:2015/Amd 1:2024", false)]
    public void IsDraftIsTrueForADraftOrADraftSupplement(string input, bool isDraft) =>
        Assert.Equal(isDraft, PublicationIdentifier.Parse(input).IsDraft);

    [Theory]
    [InlineData("ISO/IEC Guide 71:2014", "fr-FR", "Guide ISO/CEI 71:2014")]
    [InlineData("ISO/IEC 17025:2005/Cor 1:2006(fr)", "fr-CA", "ISO/CEI 17025:2005/Cor 1:2006(fr)")]
    [InlineData("ISO/IEC Guide 76", "ru-RU", "Руководство ИСО/МЭК 76")]
    [InlineData("ISO/IEC TR 19791:2008", "ru-RU", "ИСО/МЭК ТО 19791:2008")]
    [InlineData("ISO/TS 18625", "ru-RU", "ИСО/ТС 18625")]
    [InlineData("ISO/FDIS 26000", "ru-RU", "ИСО/ОПМС 26000")]
    [InlineData("ISO/IEC Guide 71:2014", "es-ES", "ISO/IEC Guide 71:2014")]
    public void RendersInFrenchAndRussianForms(string input, string culture, string expected) =>
        Assert.Equal(expected, PublicationIdentifier.Parse(input).ToString(CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("", "the identifier is empty")]
    [InlineData("   ", "the identifier is empty")]
    [InlineData("hello", "unknown publisher 'hello'")]
    [InlineData("XYZ 9001", "unknown publisher 'XYZ'")]
    [InlineData("ISO/XYZ 9001", "'XYZ' is not a known document type, stage or publisher")]
    [InlineData("ISO", "no document number")]
    [InlineData("ISO/IEC TS", "no document number")]
    [InlineData("9001", "no publisher: an ISO identifier starts with ISO, IEC or ISO/IEC, as in 'ISO 9001'")]
    [InlineData("ISO 9001:20155", "year 20155 is not a 4-digit year")]
    [InlineData("ISO 9001:15", "year 15 is not a 4-digit year")]
    [InlineData("ISO 9001:1850", "year 1850 is not a plausible publication year")]
    [InlineData("ISO 9001:", "no year after ':'")]
    [InlineData("ISO 9001/Amd", "the amendment has no number")]
    [InlineData("ISO 9001:2015/Cor:2016", "the corrigendum has no number")]
    [InlineData("ISO 9001:2015/Xyz 1", "unknown supplement 'Xyz' (expected Amd, Cor, Add or Suppl)")]
    [InlineData("ISO 9001:2015/", "expected a supplement such as 'Amd 1' after '/'")]
    [InlineData("ISO 9001-", "a part number is missing after '-'")]
    [InlineData("ISO 1234567", "the document number 1234567 has more than 6 digits")]
    [InlineData("ISO 9001:2015 foo", "unexpected 'foo' after 'ISO 9001:2015'")]
    [InlineData("ISO 9001:2015(english)", "unknown language 'english' (use codes such as en, fr, ru)")]
    [InlineData("ISO 9001:2015(en", "the language list is not closed with ')'")]
    [InlineData("ISO/TS/TR 1234", "two document types, 'TS' and 'TR'")]
    [InlineData("ISO/CD/DIS 1234", "two stages, 'CD' and 'DIS'")]
    [InlineData("ISO/ISO 1234", "the publisher 'ISO' is written twice")]
    [InlineData("IEEE 802", "'IEEE' publishes only jointly with ISO or IEC, as in 'ISO/IEEE …'")]
    [InlineData("EN 12643:2014", "'EN' is not an ISO or IEC publisher: EN marks a European Standard from CEN or CENELEC")]
    [InlineData("EN ISO 9001:2015", "'EN ISO 9001:2015' is a national or regional adoption of ISO 9001:2015; use 'ISO 9001:2015'")]
    [InlineData("BS EN ISO 14001:2015", "'BS EN ISO 14001:2015' is a national or regional adoption of ISO 14001:2015; use 'ISO 14001:2015'")]
    [InlineData("ISO/IEC DIR", "no part number: the Directives are written 'ISO/IEC DIR 1' or 'ISO/IEC DIR 2'")]
    [InlineData("ISO/IEC DIR 1 SUP", "'SUP' needs the body whose supplement it is, as in 'ISO SUP'")]
    public void BadInputFailsWithAReasonAUserUnderstands(string input, string reason)
    {
        Assert.False(PublicationIdentifier.TryParse(input, out var id, out var error));
        Assert.Null(id);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void NullIsEmpty()
    {
        Assert.False(PublicationIdentifier.TryParse(null, out _, out var error));
        Assert.Equal("the identifier is empty", error);
        Assert.Throws<FormatException>(() => PublicationIdentifier.Parse(null));
    }

    [Fact]
    public void ParseThrowsFormatExceptionNamingTheInputAndTheReason()
    {
        var e = Assert.Throws<FormatException>(() => PublicationIdentifier.Parse("ISO 9001:20155"));

        Assert.Equal("Cannot read 'ISO 9001:20155' as an ISO identifier: year 20155 is not a 4-digit year.", e.Message);
    }

    [Fact]
    public void VeryLongInputFailsAtOnceWithoutEchoingIt()
    {
        var input = "ISO " + new string('9', 10_000);
        var clock = Stopwatch.StartNew();

        var e = Assert.Throws<FormatException>(() => PublicationIdentifier.Parse(input));

        Assert.True(clock.ElapsedMilliseconds < 100, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Contains("the identifier is too long (10004 characters; the longest accepted is 200)", e.Message, StringComparison.Ordinal);
        Assert.True(e.Message.Length < 300, e.Message);
    }

    [Fact]
    public void PathologicalInputsUpToTheLimitFailQuickly()
    {
        string[] patterns = ["ISO/", "-1", "ISO ", "/Amd 1", "/CD", "(en,", ".2", ":2000", "Guide ", "ISO/IEC DIR 1 ISO SUP "];
        var clock = Stopwatch.StartNew();
        foreach (var pattern in patterns)
        {
            var input = string.Concat(Enumerable.Repeat(pattern, 200))[..200];
            PublicationIdentifier.TryParse(input, out _, out _);
            PublicationIdentifier.TryParse("ISO 9001" + input[..192], out _, out _);
            PublicationIdentifier.TryParse("urn:iso:std:" + input[..188], out _, out _);
        }

        Assert.True(clock.ElapsedMilliseconds < 500, $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void RandomInputNeverThrowsAnythingButFormatException()
    {
        const string alphabet = "ISOIECDTRAmdCorurn:std-/.:,()+ 0123456789ЕИСОМЭК#\t–";
        var random = new Random(5141);
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 40)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var input = new string(chars);
            if (PublicationIdentifier.TryParse(input, out var id, out var error))
            {
                Assert.Equal(id, PublicationIdentifier.Parse(id.ToString()));
            }
            else
            {
                Assert.False(string.IsNullOrWhiteSpace(error), $"no reason for '{input}'");
                Assert.Throws<FormatException>(() => PublicationIdentifier.Parse(input));
            }
        }
    }
}
