using System.Net;
using System.Text;
using CsCheck;
using Normative.Features.Accounts;
using Normative.Features.Catalogue.Editing;
using Normative.Features.Shared;

namespace Normative.Tests.Features.Catalogue.Editing;

/// <summary>
/// 10,000 generated bulk-edit files built from a real export: rows kept, rows with a new English
/// title (quotes, commas, line breaks, formulas, byte order marks, huge text), rows with too few or
/// too many fields, unknown or unreadable ids, repeated records, a quote that never closes; with
/// and without a byte order mark, now and then a header that lost a column. Reading never throws;
/// every broken row is reported under the line it starts on and nothing else is; every other row
/// is read back exactly: its new title is the change, an untouched row is no change.
/// </summary>
public class BulkEditPropertyTests(CatalogueFactory factory) : IClassFixture<CatalogueFactory>
{
    private const int Cases = 10_000;
    private const string Committee = "ISO/TC 996";
    private const int FirstId = 9_600_001;
    private const int Records = 6;

    private enum Kind { Kept, Retitled, TooFew, TooMany, UnknownId, UnreadableId }

    private sealed record Row(Kind Kind, int Record, string Title);

    private static readonly Gen<string> Titles = Gen.Frequency(
        (8, Gen.Char["abcXYZ 019-:;/.,\"'=+@\t\né中\uFEFF"].Array[1, 40].Select(c => "T" + new string(c) + "t")),
        (2, Gen.OneOf(Gen.Const("=HYPERLINK(\"http://x\")"), Gen.Const("+1"), Gen.Const("-2+3"), Gen.Const("@SUM(A1)"), Gen.Const("\"quoted\""), Gen.Const("a,b,c"))),
        (1, Gen.Int[5_000, 200_000].Select(n => "H" + new string('x', n))));

    private static readonly Gen<Row> Rows = Gen.Frequency(
        (4, Gen.Int[0, Records - 1].Select(r => new Row(Kind.Kept, r, ""))),
        (4, Gen.Select(Gen.Int[0, Records - 1], Titles, (r, t) => new Row(Kind.Retitled, r, t))),
        (1, Gen.Int[0, Records - 1].Select(r => new Row(Kind.TooFew, r, ""))),
        (1, Gen.Int[0, Records - 1].Select(r => new Row(Kind.TooMany, r, ""))),
        (1, Gen.Int[0, Records - 1].Select(r => new Row(Kind.UnknownId, r, ""))),
        (1, Gen.Int[0, Records - 1].Select(r => new Row(Kind.UnreadableId, r, ""))));

    private static readonly Gen<(Row[] Rows, bool Bom, bool LoseColumn, bool Unterminated)> Files =
        Gen.Select(Rows.Array[0, 10], Gen.Bool, Gen.Int[0, 40].Select(n => n == 0), Gen.Int[0, 8].Select(n => n == 0));

    private static string Line(IEnumerable<string> fields)
    {
        using var text = new StringWriter();
        using (var csv = Csv.ForSpreadsheet(text, leaveOpen: true))
        {
            csv.WriteRecord([.. fields]);
        }
        return text.ToString();
    }

    [Fact]
    public async Task EveryBrokenRowIsReportedUnderItsLineAndEveryOtherRowReadsBackExactly()
    {
        await factory.WithDemoAsync();
        var lines = Enumerable.Range(0, Records).Select(i => CatalogueFactory.Line(FirstId + i, $"ISO {600_001 + i}:2020", $"Property record {i}", changes: ("ownerCommittee", Committee)));
        var (_, importProblems) = await factory.ImportDeliverablesAsync(string.Join("\n", lines));
        Assert.Equal("", importProblems);
        var (editor, _) = await factory.SignInAsAsync(Roles.Editor);
        var response = await editor.GetAsync("/standards/bulk?handler=Export&committee=" + Uri.EscapeDataString(Committee));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var exported = Csv.Read(await response.Content.ReadAsStreamAsync()).Select(l => l.Fields.ToArray()).ToList();
        var header = exported[0].Select(h => h.TrimStart('\uFEFF')).ToArray();
        var records = exported.Skip(1).OrderBy(r => r[Array.IndexOf(header, "id")]).ToArray();
        Assert.Equal(Records, records.Length);
        var idColumn = Array.IndexOf(header, "id");
        var titleColumn = Array.IndexOf(header, "title.en");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        await Files.SampleAsync(async file =>
        {
            var text = new StringBuilder(file.Bom ? "\uFEFF" : "");
            var newlines = 0L;
            void Append(string line)
            {
                text.Append(line);
                newlines += line.Count(c => c == '\n');
            }
            Append(Line(file.LoseColumn ? header.Where(h => h != "edition") : header));
            var expectedBad = new HashSet<long>();
            var expectedChanges = new Dictionary<long, (int Id, string? Title)>();
            var seen = new HashSet<int>();
            foreach (var row in file.Rows)
            {
                var lineNumber = 1 + newlines;
                var fields = records[row.Record].ToArray();
                var id = int.Parse(fields[idColumn], System.Globalization.CultureInfo.InvariantCulture);
                switch (row.Kind)
                {
                    case Kind.Retitled:
                        fields[titleColumn] = row.Title;
                        break;
                    case Kind.TooFew:
                        fields = fields[..^3];
                        break;
                    case Kind.TooMany:
                        fields = [.. fields, "extra"];
                        break;
                    case Kind.UnknownId:
                        fields[idColumn] = "9699999";
                        break;
                    case Kind.UnreadableId:
                        fields[idColumn] = "12a";
                        break;
                }
                Append(Line(fields));
                // A title over 1,000 characters is refused as the line is read, so that line does not
                // take its record's id: a later line for the same record is then no repetition.
                if (row.Kind is Kind.TooFew or Kind.TooMany or Kind.UnknownId or Kind.UnreadableId || row.Title.Length > 1_000)
                {
                    expectedBad.Add(lineNumber);
                }
                else if (!seen.Add(id))
                {
                    expectedBad.Add(lineNumber); // the same record twice
                }
                else if (row.Kind == Kind.Retitled && row.Title != records[row.Record][titleColumn])
                {
                    expectedChanges[lineNumber] = (id, row.Title);
                }
            }
            if (file.Unterminated)
            {
                expectedBad.Add(1 + newlines);
                text.Append(records[0][idColumn]).Append(",\"never closed");
            }

            await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
            await factory.WithDbAsync(async db =>
            {
                var preview = await BulkEdit.ReadAsync(db, stream, today, CancellationToken.None);
                if (file.LoseColumn)
                {
                    Assert.Equal(["edition"], preview.MissingColumns);
                    Assert.False(preview.CanApply);
                    return 0;
                }
                Assert.True(preview.ColumnsMatch);
                var reported = preview.BadLines.Select(b => b.Line).ToHashSet();
                // A new title may also be refused by the record checks: then it is reported, under its line.
                var refused = expectedChanges.Keys.Where(reported.Contains).ToList();
                Assert.True(expectedBad.Order().SequenceEqual(reported.Except(refused).Order()),
                    $"expected bad lines {string.Join(", ", expectedBad.Order())}; reported: {string.Join("; ", preview.BadLines.Select(b => $"{b.Line} {b.Problem?.Field} {b.Problem?.Key} {b.Reason}"))}; rows read {preview.Rows}");
                foreach (var (line, (id, title)) in expectedChanges.Where(c => !reported.Contains(c.Key)))
                {
                    var record = Assert.Single(preview.Records, r => r.Line == line);
                    Assert.Equal(id, record.Id);
                    Assert.Equal(title, Assert.Single(record.Changes, c => c.Field == "title.en").NewValue);
                }
                Assert.All(preview.Records, r => Assert.True(expectedChanges.ContainsKey(r.Line), $"line {r.Line} changed nothing yet is a change"));
                return 0;
            });
        }, iter: Cases, threads: 1);
    }
}
