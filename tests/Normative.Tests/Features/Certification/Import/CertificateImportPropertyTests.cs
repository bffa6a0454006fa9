using CsCheck;
using Normative.Features.Certification.Import;
using Normative.Features.Certification.Registry;

namespace Normative.Tests.Features.Certification.Import;

/// <summary>
/// 10,000 generated upload files mixing good rows with damaged ones: reading never throws but for
/// a problem with the whole file, every data row comes back as exactly one item under its own line,
/// and every row that does not become a certificate is reported with at least one problem on that line.
/// </summary>
public class CertificateImportPropertyTests
{
    private const int Cases = 10_000;

    private static readonly string[] Good =
        ["Q-{0}", "NBC", "Acme Ltd", "GB", "ISO 9001:2015", "Widgets", "1 High St|GB", "2024-01-01", "2024-01-01", "2027-01-01", "Active"];

    private static readonly Gen<string> Noise =
        Gen.OneOf(
            Gen.Char["abcXYZ 019-:|;/.\"'=+@é中\t"].Array[0, 30].Select(c => new string(c)),
            Gen.OneOf("", " ", "ISO 9001", "ISO 99999:2015", "2024-13-40", "tomorrow", "Withdrawn", "Suspended", "ZZ", "NOPE", "=1+1", new string('x', 400)));

    /// <summary>A row: good, a field replaced by noise, or fields too many or too few (a blank line is no row, so never empty).</summary>
    private static readonly Gen<string[]> Rows = Gen.Int[1, 999_999].SelectMany(Row);

    private static Gen<string[]> Row(int index) =>
        Gen.Frequency(
            (3, Gen.Const(() => Good.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, index)).ToArray())),
            (4, Gen.Select(Gen.Int[0, Good.Length - 1], Noise, (field, noise) =>
            {
                var row = Good.Select(f => string.Format(System.Globalization.CultureInfo.InvariantCulture, f, index)).ToArray();
                row[field] = noise;
                return row;
            })),
            (1, Gen.Int[1, 15].Where(n => n != Good.Length).Select(n => Enumerable.Range(0, n).Select(i => "f" + i).ToArray())));

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value != value.Trim() ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static readonly Gen<string[][]> Files =
        Rows.Array[1, 12];

    private static readonly RegistrySnapshot Registry =
        new([new RegistrySnapshot.Body(1, "NBC", [new AccreditationState("ISO 9001", AccreditationStatus.Active, new DateOnly(2000, 1, 1), new DateOnly(2099, 1, 1))])]);

    [Fact]
    public void EveryRowIsReadUnderItsLineAndEveryRejectedRowIsReported() =>
        Files.Sample(rows =>
        {
            var text = CertificateCsv.HeaderLine + "\n" + string.Join("\n", rows.Select(r => string.Join(',', r.Select(Field)))) + "\n";
            var items = CertificateCsv.Read(new StringReader(text)).ToList();
            Assert.Equal(rows.Length, items.Count);
            Assert.Equal(Enumerable.Range(2, rows.Length), items.Select(i => i.Line));
            var validator = new CertificateValidator(Registry, onlyBodyId: null, new DateOnly(2026, 12, 6));
            foreach (var item in items)
            {
                Assert.True(item.Input is null != (item.Problem is null), $"line {item.Line} is neither read nor reported");
                if (item.Input is null)
                {
                    Assert.Equal(item.Line, item.Problem!.Line);
                    continue;
                }
                var problems = new List<ImportProblem>();
                var record = validator.Validate(item.Line, item.Input, problems);
                Assert.All(problems, p => Assert.Equal(item.Line, p.Line));
                if (record is null)
                {
                    Assert.NotEmpty(problems);
                }
            }
        }, iter: Cases, threads: 1);
}
