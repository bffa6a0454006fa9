using Normative.Data;
using Normative.Features.Catalogue;
using Normative.Features.Catalogue.Reading;

namespace Normative.Cli.Demo;

/// <summary>
/// Loads the demonstration texts in Data/Reading (written for Normative, not the standards' own
/// texts) so that the reader and the terms search have something to show. Safe to run again.
/// </summary>
public static class ReadingDemo
{
    private static readonly (string File, string Reference)[] Texts =
    [
        ("iso-9001-2015-demo-en.xml", "ISO 9001:2015"),
    ];

    public static async Task<int> LoadAsync(NormativeDb db, DateTimeOffset now, CancellationToken ct)
    {
        var loaded = 0;
        foreach (var (file, reference) in Texts)
        {
            if (await DeliverableFinder.FindAsync(db, reference, ct) is not { } id)
            {
                continue;
            }
            await using var stream = typeof(ReadingDemo).Assembly.GetManifestResourceStream("Normative.Cli.Demo.Data.Reading." + file)
                ?? throw new InvalidOperationException($"The demo file {file} is not embedded.");
            using var bytes = new MemoryStream();
            await stream.CopyToAsync(bytes, ct);
            await StsImport.ImportAsync(db, file, bytes.ToArray(), new StsImportOptions(id, By: "demo"), now, ct);
            loaded++;
        }
        return loaded;
    }
}
