using System.Text;
using Normative.Features.Development.Documents;

namespace Normative.Tests.Features.Development.Documents;

/// <summary>The format checks without a database: what a file's extension says against what its bytes are.</summary>
public class DocumentContentTests
{
    private static ContentSniffer Sniffed(byte[] bytes, int readSize = 3)
    {
        var sniffer = new ContentSniffer(new MemoryStream(bytes));
        var buffer = new byte[readSize];
        while (sniffer.Read(buffer, 0, buffer.Length) > 0)
        {
        }
        return sniffer;
    }

    private static string? Sts(string xml) => DocumentContent.CheckStsXml(new MemoryStream(Encoding.UTF8.GetBytes(xml)));

    [Theory]
    [InlineData("N1234.pdf", DocumentFileFormat.Pdf)]
    [InlineData("CD 9001.DOCX", DocumentFileFormat.Docx)]
    [InlineData("draft.xml", DocumentFileFormat.StsXml)]
    [InlineData("draft.doc", null)]
    [InlineData("draft", null)]
    public void TheExtensionNamesTheFormat(string name, DocumentFileFormat? format) => Assert.Equal(format, DocumentContent.FormatOf(name));

    [Fact]
    public void APdfMustStartAsAPdf()
    {
        Assert.True(DocumentContent.Matches(DocumentFileFormat.Pdf, Sniffed(DocumentSamples.Pdf())));
        Assert.False(DocumentContent.Matches(DocumentFileFormat.Pdf, Sniffed(DocumentSamples.Docx())));
        Assert.False(DocumentContent.Matches(DocumentFileFormat.Pdf, Sniffed("%PD"u8.ToArray())));
    }

    [Fact]
    public void ADocxMustBeAZipHoldingAWordDocumentReadInAnyPieces()
    {
        foreach (var size in new[] { 1, 3, 7, 4096 })
        {
            Assert.True(DocumentContent.Matches(DocumentFileFormat.Docx, Sniffed(DocumentSamples.Docx(), size)));
            Assert.False(DocumentContent.Matches(DocumentFileFormat.Docx, Sniffed(DocumentSamples.Zip(), size)));
        }
        Assert.False(DocumentContent.Matches(DocumentFileFormat.Docx, Sniffed(DocumentSamples.Pdf())));
    }

    [Fact]
    public void StsWithAMissingDtdAndNamedEntitiesIsAccepted()
    {
        Assert.Null(DocumentContent.CheckStsXml(new MemoryStream(DocumentSamples.Sts())));
        Assert.Null(Sts("<adoption><p>x</p></adoption>"));
    }

    [Fact]
    public void EveryStsSampleOfTheSharedDataIsAccepted()
    {
        var samples = Directory.GetFiles(SharedData.PathTo("sts"), "*.xml");
        Assert.NotEmpty(samples);
        foreach (var sample in samples)
        {
            using var file = File.OpenRead(sample);
            Assert.True(DocumentContent.CheckStsXml(file) is null, Path.GetFileName(sample));
        }
    }

    [Theory]
    [InlineData("<standard><p>unclosed</standard>", "Error.Document.MalformedXml")]
    [InlineData("not xml at all", "Error.Document.MalformedXml")]
    [InlineData("", "Error.Document.MalformedXml")]
    [InlineData("<html><body/></html>", "Error.Document.NotSts")]
    public void BrokenOrOtherXmlIsRefused(string xml, string key) => Assert.Equal(key, Sts(xml));

    [Fact]
    public void AnExternalEntityIsNeverRead()
    {
        // If the parser read this file, its text would break the document (an unclosed element).
        var secret = Path.Combine(Path.GetTempPath(), "normative-xxe-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(secret, "<unclosed>");
        try
        {
            var uri = new Uri(secret).AbsoluteUri;
            Assert.Null(Sts($"<!DOCTYPE standard [<!ENTITY secret SYSTEM \"{uri}\">]><standard><p>&secret;</p></standard>"));
            Assert.Null(Sts($"<!DOCTYPE standard SYSTEM \"{uri}\"><standard><p>x</p></standard>"));
            // Nor is an internal entity expanded (no "billion laughs").
            Assert.Null(Sts("<!DOCTYPE standard [<!ENTITY a \"<broken>\">]><standard><p>&a;</p></standard>"));
        }
        finally
        {
            File.Delete(secret);
        }
    }
}
