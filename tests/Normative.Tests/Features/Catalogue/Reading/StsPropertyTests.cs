using System.Text;
using CsCheck;
using Normative.Features.Catalogue.Reading;

namespace Normative.Tests.Features.Catalogue.Reading;

/// <summary>
/// 10,000 damaged copies of ISO's STS samples (bytes cut out, repeated, replaced, the file cut
/// short, markup inserted): the parser reads each one or refuses it with an StsFormatException
/// naming the file — no other exception ever escapes to the importer.
/// </summary>
public class StsPropertyTests
{
    private const int Cases = 10_000;

    private static readonly byte[][] Samples =
        [.. new[] { "feature_doc.xml", "isosts_tables.xml", "Samp1.xml", "tbx-highlight-elements.xml" }
            .Select(name => File.ReadAllBytes(SharedData.PathTo("sts/" + name)))];

    private static readonly byte[][] Insertions =
        [.. new[] { "<", ">", "&", "&amp;", "&nope;", "<!DOCTYPE x [<!ENTITY e \"e\">]>", "<sec>", "</sec>", "<title>", "]]>", "<![CDATA[", "\"", "\u0000", "\uFFFE", "é", "<?pi x?>", "<!--", "xmlns:x=\"y\"" }
            .Select(Encoding.UTF8.GetBytes)];

    private static readonly Gen<byte[]> Damaged =
        from sample in Gen.Int[0, Samples.Length - 1].Select(i => Samples[i])
        from edits in Gen.Select(Gen.Int[0, 4], Gen.Int[0, int.MaxValue], Gen.Int[0, 64], Gen.Int[0, Insertions.Length - 1], Gen.Byte,
            (kind, at, length, insertion, b) => (kind, at, length, insertion, b)).Array[1, 4]
        select Apply(sample, edits);

    private static byte[] Apply(byte[] sample, (int Kind, int At, int Length, int Insertion, byte Byte)[] edits)
    {
        var bytes = new List<byte>(sample);
        foreach (var (kind, at, length, insertion, b) in edits)
        {
            var start = bytes.Count == 0 ? 0 : at % bytes.Count;
            var count = Math.Min(length, bytes.Count - start);
            switch (kind)
            {
                case 0: bytes.RemoveRange(start, count); break;
                case 1: bytes.InsertRange(start, bytes.GetRange(start, count)); break;
                case 2: if (start < bytes.Count) { bytes[start] = b; } break;
                case 3: bytes.RemoveRange(start, bytes.Count - start); break;
                default: bytes.InsertRange(start, Insertions[insertion]); break;
            }
        }
        return [.. bytes];
    }

    [Fact]
    public void ADamagedTextIsReadOrRefusedWithAReasonNeverWithAnotherException() =>
        Damaged.Sample(bytes =>
        {
            try
            {
                var document = StsParser.Parse(bytes, "damaged.xml");
                Assert.NotNull(document);
            }
            catch (StsFormatException e)
            {
                Assert.Contains("damaged.xml", e.Message, StringComparison.Ordinal);
            }
        }, iter: Cases, threads: 1);
}
