using System.Text.Json;
using Normative.Features.Catalogue.OpenData;
using Normative.Features.Shared;

namespace Normative.Tests.Features.Catalogue;

public class DeliverableRecordTests
{
    private const string Good = """{"id":62085,"deliverableType":"IS","supplementType":null,"reference":"ISO 9001:2015","title":{"en":"Quality management systems — Requirements","fr":"Systèmes de management de la qualité — Exigences"},"publicationDate":"2015-09-15","edition":5,"icsCode":["03.100.70","03.120.10"],"ownerCommittee":"ISO/TC 176/SC 2","currentStage":9092,"replaces":[46486],"replacedBy":null,"languages":["en","fr"],"pages":{"en":29},"scope":{"en":"<p>Requirements.</p>"}}""";

    private static DeliverableRecord ReadJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return DeliverableRecord.Read(new JsonRecordFields(doc.RootElement, 1));
    }

    private static string With(string field, string value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Good)!.AsObject();
        node[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        return node.ToJsonString();
    }

    [Fact]
    public void IsoOpenDataRecordIsReadFieldByField()
    {
        var r = ReadJson(Good);

        Assert.Equal(62085, r.Id);
        Assert.Equal("ISO 9001:2015", r.Reference);
        Assert.Equal("Systèmes de management de la qualité — Exigences", r.TitleFr);
        Assert.Equal(new DateOnly(2015, 9, 15), r.PublicationDate);
        Assert.Equal(["03.100.70", "03.120.10"], r.IcsCodes);
        Assert.Equal([46486], r.Replaces);
        Assert.Empty(r.ReplacedBy);
        Assert.Equal(29, r.PagesEn);
        Assert.Null(r.PagesFr);
        Assert.Equal("<p>Requirements.</p>", r.ScopeEn);
    }

    [Theory]
    [InlineData("supplementType", "\"AMD\"", "Amd")]
    [InlineData("supplementType", "\"cor\"", "Cor")]
    [InlineData("deliverableType", "\"guide\"", null)]
    public void LetterCaseOfTypesDoesNotMatter(string field, string value, string? expected)
    {
        var r = ReadJson(With(field, value));
        if (field == "supplementType")
        {
            Assert.Equal(expected, r.SupplementType);
        }
        else
        {
            Assert.Equal("Guide", r.DeliverableType);
        }
    }

    [Theory]
    [InlineData("id", "null", "id is missing")]
    [InlineData("id", "-4", "id must be a positive number")]
    [InlineData("id", "\"abc\"", "id must be a whole number")]
    [InlineData("reference", "\"hello world\"", "is not an ISO identifier")]
    [InlineData("currentStage", "6061", "currentStage 6061 is not a harmonized stage code")]
    [InlineData("currentStage", "\"sixty\"", "currentStage must be a whole number")]
    [InlineData("publicationDate", "\"15/09/2015\"", "publicationDate must be a date like 2015-09-15")]
    [InlineData("icsCode", "[\"3.120\"]", "icsCode '3.120' is not an ICS code")]
    [InlineData("supplementType", "\"Erratum\"", "supplementType 'Erratum' is not Amd, Cor, Add or Suppl")]
    [InlineData("title", "{}", "title is missing: give at least one")]
    [InlineData("title", "{\"english\":\"A title\"}", "title.english is not under a two-letter language code")]
    [InlineData("languages", "[\"english\"]", "not a two-letter language code")]
    [InlineData("replaces", "[\"x\"]", "replaces must list whole numbers")]
    [InlineData("pages", "{\"en\":-3}", "pages cannot be negative")]
    [InlineData("edition", "0", "edition must be a positive number")]
    public void EachProblemIsNamedInPlainWords(string field, string value, string reason)
    {
        var e = Assert.Throws<BadLineException>(() => ReadJson(With(field, value)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CsvRowGivesTheSameRecordAsJson()
    {
        var json = ReadJson(Good);
        var writer = new StringWriter();
        using (var csvWriter = Csv.ForData(writer, leaveOpen: true))
        {
            csvWriter.WriteRecord([.. DeliverableRecord.CsvColumns]);
            csvWriter.WriteRecord([.. json.CsvValues().Select(v => v!)]);
        }
        var rows = Csv.Read(new StringReader(writer.ToString())).ToList();
        var columns = rows[0].Fields.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i);

        var csv = DeliverableRecord.Read(new CsvRecordFields(columns, rows[1].Fields, 2));

        Assert.Equal(json.Reference, csv.Reference);
        Assert.Equal(json.IcsCodes, csv.IcsCodes);
        Assert.Equal(json.Replaces, csv.Replaces);
        Assert.Equal(json.Languages, csv.Languages);
        Assert.Equal(json with { IcsCodes = [], Replaces = [], ReplacedBy = [], Languages = [] }, csv with { IcsCodes = [], Replaces = [], ReplacedBy = [], Languages = [] });
    }

    [Fact]
    public void WrittenJsonReadsBackTheSame()
    {
        var record = ReadJson(Good);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            record.WriteJson(writer);
        }
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains("\"title\":{\"en\":\"Quality management systems — Requirements\"", json, StringComparison.Ordinal);
        Assert.Contains("\"replacedBy\":null", json, StringComparison.Ordinal);
        var again = ReadJson(json);
        Assert.Equal(record.Reference, again.Reference);
        Assert.Equal(record.IcsCodes, again.IcsCodes);
        Assert.Equal(record.PagesEn, again.PagesEn);
    }
}
